/**
 * Stand-ins for cookie values in a saved HAR (`--save-har`): the same length and character classes
 * as the value and its format markers (express-session's `s:`, the `.`, `:`, `--` that separate a
 * signed value's parts, base64's `+/=-_`), and no other character of it: letters and digits are
 * drawn from HMAC-SHA256 under a random key of this run, any other character (punctuation,
 * non-ASCII, their percent-escapes) becomes a letter. The same value gets the same stand-in in
 * every form it takes (as sent, percent-encoded, decoded), and different values different ones, so
 * the saved trace grades as the original did (rotation, id in a URL, entropy class), while the
 * value itself is gone and a stand-in says nothing about it without the key, which is never saved.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
/** The characters kept as they are: what signed and encoded formats are made of. */
const FORMAT_MARKERS = new Set(['.', ':', '-', '_', '/', '+', '=']);

function classOf(code: number): string | null {
  if (code >= 0x61 && code <= 0x7a) return LOWER;
  if (code >= 0x41 && code <= 0x5a) return UPPER;
  if (code >= 0x30 && code <= 0x39) return DIGITS;
  return null;
}

/** The letters and digits of a value, with percent-escapes read as the characters they stand for. */
function alphanumerics(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      i += 2;
      continue;
    }
    if (classOf(text.charCodeAt(i)) !== null) out += text[i];
  }
  return out;
}

/** Bytes drawn from HMAC-SHA256(key, material || counter), as many as asked. */
function keyedStream(key: Uint8Array, material: string): () => number {
  const encoded = new TextEncoder().encode(material);
  let block = new Uint8Array(0);
  let used = 0;
  let counter = 0;
  return () => {
    if (used === block.length) {
      block = hmac(sha256, key, new Uint8Array([...encoded, 0, counter >>> 8, counter & 0xff]));
      counter++;
      used = 0;
    }
    return block[used++] as number;
  };
}

export type StandIn = (covered: string) => string;

export function createStandIn(key: Uint8Array = crypto.getRandomValues(new Uint8Array(32))): StandIn {
  return (covered) => {
    const next = keyedStream(key, alphanumerics(covered));
    const pick = (alphabet: string) => alphabet.charAt(next() % alphabet.length);
    let out = '';
    let first = true;
    for (let i = 0; i < covered.length; i++) {
      const character = covered[i] as string;
      if (character === '%' && /^[0-9A-Fa-f]{2}$/.test(covered.slice(i + 1, i + 3))) {
        const escaped = String.fromCharCode(parseInt(covered.slice(i + 1, i + 3), 16));
        // A marker's escape stays (`s%3A`); any other escaped byte becomes a letter.
        out += FORMAT_MARKERS.has(escaped) ? covered.slice(i, i + 3) : pick(LOWER);
        i += 2;
        continue;
      }
      const alphabet = classOf(covered.charCodeAt(i));
      if (alphabet === null) {
        out += FORMAT_MARKERS.has(character) ? character : pick(LOWER);
        continue;
      }
      // express-session's "s:" (also "s%3A") stays, so the stand-in keeps the value's format.
      const keep = first && character === 's' && (covered[i + 1] === ':' || covered.slice(i + 1, i + 4).toUpperCase() === '%3A');
      first = false;
      out += keep ? character : pick(alphabet);
    }
    return out;
  };
}
