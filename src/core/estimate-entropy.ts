/**
 * An upper bound on the entropy of a session identifier (rubric section 4, "Entropy estimate";
 * OWASP Session Management Cheat Sheet: at least 64 bits; ASVS 5 7.2.3: 128 bits).
 */
import { isExpressSessionValue } from '../detect/detect-session-cookie.js';
import { utf8ByteLength } from './utf8-byte-length.js';

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The part of a cookie value that is the identifier: URL-decoded, trailing `=` removed. */
export function identifierPart(value: string): string {
  let id = safeDecode(value);
  if (isExpressSessionValue(value)) {
    // express-session: `s:<id>.<signature>`; the signature is not the id.
    id = id.slice(2, id.lastIndexOf('.'));
  }
  return id.replace(/=+$/, '');
}

/** Keeps one copy of a string that is a shorter string repeated ("abcabc" -> "abc"). */
export function withoutRepetition(id: string): string {
  for (let period = 1; period <= id.length / 2; period++) {
    if (id.length % period !== 0) continue;
    const unit = id.slice(0, period);
    if (unit.repeat(id.length / period) === id) return unit;
  }
  return id;
}

/** The size of the smallest alphabet of the rubric that holds every character of `id`. */
export function alphabetSize(id: string): number {
  if (/^[0-9]*$/.test(id)) return 10;
  if (/^[0-9a-f]*$/.test(id) || /^[0-9A-F]*$/.test(id)) return 16;
  if (/^[0-9a-z]*$/.test(id) || /^[0-9A-Z]*$/.test(id)) return 36;
  if (/^[0-9A-Za-z]*$/.test(id)) return 62;
  if (/^[0-9A-Za-z+/]*$/.test(id) || /^[0-9A-Za-z_-]*$/.test(id)) return 64;
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
  // The named alphabets are ASCII, so counting bytes is right for every class.
  return utf8ByteLength(id) * Math.log2(alphabetSize(id));
}
