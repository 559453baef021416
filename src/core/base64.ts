/**
 * Just enough base64 / base64url (RFC 4648 sections 4 and 5) to look inside cookie values
 * without decoding what we do not need: the first decoded byte, whether a byte occurs, and a full
 * decode to a byte string. Padding is optional, as it is in most cookies. Never throws.
 */

/** Sextet value of each ASCII code, or 255 for characters outside both alphabets. */
const SEXTETS = new Uint8Array(128).fill(255);
const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
for (let i = 0; i < 64; i++) SEXTETS[STANDARD.charCodeAt(i)] = i;
SEXTETS[0x2d] = 62; // "-" (base64url)
SEXTETS[0x5f] = 63; // "_" (base64url)

/** Length without trailing "=" padding, or -1 when `text` is not base64 (or too short to hold a byte). */
function payloadLength(text: string): number {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--;
  if (text.length - end > 2 || end < 2 || end % 4 === 1) return -1;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || SEXTETS[code] === 255) return -1;
  }
  return end;
}

function sextet(text: string, index: number): number {
  return SEXTETS[text.charCodeAt(index)] as number;
}

/** What one pass over a base64 text tells without building the decoded string. */
export interface Base64Peek {
  /** The first decoded byte. */
  readonly firstByte: number;
  /** An "@" with a plausible address character on each side occurs in the decoded bytes. */
  readonly mayHoldEmail: boolean;
}

/** Characters that may stand just before an "@" (local part) and just after it (domain). */
const BEFORE_AT = new Uint8Array(256);
const AFTER_AT = new Uint8Array(256);
for (let code = 0; code < 128; code++) {
  const alphanumeric = /[A-Za-z0-9]/.test(String.fromCharCode(code));
  AFTER_AT[code] = alphanumeric || code === 0x2d ? 1 : 0;
  BEFORE_AT[code] = alphanumeric || '._%+-'.includes(String.fromCharCode(code)) ? 1 : 0;
}

/** Reads `text` once as base64 (its first decoded byte, whether it may hold an address); null if not base64. */
export function peekBase64(text: string): Base64Peek | null {
  const end = payloadLength(text);
  if (end < 0) return null;
  let buffer = 0;
  let bits = 0;
  let previous = -1;
  let beforePrevious = -1;
  let mayHoldEmail = false;
  for (let i = 0; i < end && !mayHoldEmail; i++) {
    buffer = ((buffer << 6) | sextet(text, i)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const byte = (buffer >> bits) & 0xff;
      mayHoldEmail = previous === 0x40 && AFTER_AT[byte] === 1 && BEFORE_AT[beforePrevious & 0xff] === 1 && beforePrevious >= 0;
      beforePrevious = previous;
      previous = byte;
    }
  }
  return { firstByte: ((sextet(text, 0) << 2) | (sextet(text, 1) >> 4)) & 0xff, mayHoldEmail };
}

/** The decoded bytes as a string of code units 0-255 (as `atob` returns), or null. */
/** The bytes of base64 or base64url `text` (padding optional), or null when it is not base64. */
export function decodeBase64Bytes(text: string): Uint8Array | null {
  const end = payloadLength(text);
  if (end < 0) return null;
  const bytes = new Uint8Array(Math.floor((end * 6) / 8));
  let length = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < end; i++) {
    buffer = ((buffer << 6) | sextet(text, i)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[length++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes.subarray(0, length);
}

export function decodeBase64(text: string): string | null {
  const bytes = decodeBase64Bytes(text);
  if (bytes === null) return null;
  let decoded = '';
  for (let i = 0; i < bytes.length; i += 4096) decoded += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return decoded;
}
