/**
 * URL-encoding and -decoding for cookie values, which browsers store as sent and frameworks percent-encode
 * (express-session's `s%3A`, Laravel's `%3D`). Never throws: text that is not valid
 * percent-encoding is returned as it is. Escapes of ASCII characters (the usual case) are decoded
 * here directly: decodeURIComponent costs several nanoseconds a character in V8.
 */
/** The value of a hex digit's character code, or -1. */
export function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

export function percentDecode(text: string): string {
  let escape = text.indexOf('%');
  if (escape < 0) return text;
  let decoded = '';
  let copiedUpTo = 0;
  while (escape >= 0) {
    const high = hexValue(text.charCodeAt(escape + 1));
    const low = hexValue(text.charCodeAt(escape + 2));
    // Invalid escapes, and escapes of UTF-8 bytes, take the standard path for the whole text.
    if (high < 0 || low < 0 || high >= 8) return decodeOrKeep(text);
    decoded += text.slice(copiedUpTo, escape) + String.fromCharCode(high * 16 + low);
    copiedUpTo = escape + 3;
    escape = text.indexOf('%', copiedUpTo);
  }
  return decoded + text.slice(copiedUpTo);
}

function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * encodeURIComponent that never throws: a lone surrogate (possible in a header we were handed)
 * makes it throw URIError; such text is returned as it is.
 */
export function percentEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}
