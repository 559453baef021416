/**
 * An upper bound on the entropy of a session identifier (rubric section 4, "Entropy estimate";
 * OWASP Session Management Cheat Sheet: at least 64 bits; ASVS 5 7.2.3: 128 bits).
 */
import { isExpressSessionValue } from '../detect/detect-session-cookie.js';
import { percentDecode } from './percent-decode.js';
import { utf8ByteLength } from './utf8-byte-length.js';

/** The part of a cookie value that is the identifier: URL-decoded, trailing `=` removed. */
export function identifierPart(value: string): string {
  let id: string;
  if (isExpressSessionValue(value)) {
    // express-session: `s:<id>.<signature>` (`s%3A...` on the wire); the signature is not the id.
    const start = value.charCodeAt(1) === 0x3a ? 2 : 4;
    id = percentDecode(value.slice(start, value.lastIndexOf('.')));
  } else {
    id = percentDecode(value);
  }
  let end = id.length;
  while (end > 0 && id.charCodeAt(end - 1) === 0x3d) end--;
  return end === id.length ? id : id.slice(0, end);
}

/** True when `id` is its first `period` characters repeated. */
function repeatsWithPeriod(id: string, period: number): boolean {
  for (let i = period; i < id.length; i++) if (id.charCodeAt(i) !== id.charCodeAt(i - period)) return false;
  return true;
}

/** Keeps one copy of a string that is a shorter string repeated ("abcabc" -> "abc"). */
export function withoutRepetition(id: string): string {
  for (let period = 1; period <= id.length / 2; period++) {
    if (id.length % period === 0 && repeatsWithPeriod(id, period)) return id.slice(0, period);
  }
  return id;
}

const DIGIT = 1;
const LOWER_HEX = 2;
const LOWER_OTHER = 4;
const UPPER_HEX = 8;
const UPPER_OTHER = 16;
const PLUS_SLASH = 32;
const DASH_UNDERSCORE = 64;
const OTHER = 128;
const ALPHANUMERIC = DIGIT | LOWER_HEX | LOWER_OTHER | UPPER_HEX | UPPER_OTHER;

/** The class bit of each ASCII code (anything else is OTHER). */
const CLASS_OF = new Uint8Array(128).fill(OTHER);
for (let code = 0; code < 128; code++) {
  if (code >= 0x30 && code <= 0x39) CLASS_OF[code] = DIGIT;
  else if (code >= 0x61 && code <= 0x66) CLASS_OF[code] = LOWER_HEX;
  else if (code >= 0x67 && code <= 0x7a) CLASS_OF[code] = LOWER_OTHER;
  else if (code >= 0x41 && code <= 0x46) CLASS_OF[code] = UPPER_HEX;
  else if (code >= 0x47 && code <= 0x5a) CLASS_OF[code] = UPPER_OTHER;
  else if (code === 0x2b || code === 0x2f) CLASS_OF[code] = PLUS_SLASH;
  else if (code === 0x2d || code === 0x5f) CLASS_OF[code] = DASH_UNDERSCORE;
}

function onlyWithin(seen: number, allowed: number): boolean {
  return (seen & ~allowed) === 0;
}

/** The size of the smallest alphabet of the rubric that holds every character of `id`. */
export function alphabetSize(id: string): number {
  let seen = 0;
  for (let i = 0; i < id.length; i++) {
    const code = id.charCodeAt(i);
    seen |= code < 128 ? (CLASS_OF[code] as number) : OTHER;
  }
  if (onlyWithin(seen, DIGIT)) return 10;
  if (onlyWithin(seen, DIGIT | LOWER_HEX) || onlyWithin(seen, DIGIT | UPPER_HEX)) return 16;
  if (onlyWithin(seen, DIGIT | LOWER_HEX | LOWER_OTHER) || onlyWithin(seen, DIGIT | UPPER_HEX | UPPER_OTHER)) return 36;
  if (onlyWithin(seen, ALPHANUMERIC)) return 62;
  if (onlyWithin(seen, ALPHANUMERIC | PLUS_SLASH) || onlyWithin(seen, ALPHANUMERIC | DASH_UNDERSCORE)) return 64;
  return Math.max(2, new Set(new TextEncoder().encode(id)).size);
}

/** Length of the prefix every id shares (with fewer than two distinct ids, nothing is shared). */
export function sharedPrefixLength(ids: readonly string[]): number {
  const distinct = [...new Set(ids)];
  if (distinct.length < 2) return 0;
  let length = 0;
  const first = distinct[0] as string;
  while (length < first.length && distinct.every((id) => id[length] === first[length])) length++;
  return length;
}

/**
 * Estimated bits of the identifier in `value`. `otherValues` are further values observed for the
 * same cookie: the constant prefix they all share is not counted.
 */
export function estimateEntropyBits(value: string, otherValues: readonly string[] = []): number {
  let id = identifierPart(value);
  if (otherValues.length > 0) {
    const ids = [id, ...otherValues.map(identifierPart)];
    id = id.slice(sharedPrefixLength(ids));
  }
  id = withoutRepetition(id);
  if (id.length === 0) return 0;
  const size = alphabetSize(id);
  // The named alphabets (up to 64) are ASCII: there, characters are bytes.
  return (size <= 64 ? id.length : utf8ByteLength(id)) * Math.log2(size);
}
