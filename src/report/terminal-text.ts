/**
 * Text from pages and HAR files (cookie names, URLs, headers) must not drive the terminal: an
 * escape sequence in a cookie name could rewrite the screen or hide a finding. Every C0 and C1
 * control character (and DEL) becomes a visible `\xNN`; tabs and line breaks too, inside data.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL, (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A copy of `value` with every string in it escaped (for reports printed as text). */
export function escapeStringsIn<T>(value: T): T {
  if (typeof value === 'string') return escapeControlCharacters(value) as T;
  if (Array.isArray(value)) return value.map((item) => escapeStringsIn(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, escapeStringsIn(item)])) as T;
  }
  return value;
}
