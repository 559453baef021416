/**
 * Stand-ins for cookie values in a saved HAR (`--save-har`): the same length, the same character
 * classes and the same punctuation as the value, but none of its letters or digits. The same value
 * gets the same stand-in in every form it takes (as sent, percent-encoded, decoded), and different
 * values different ones, so the saved trace grades as the original did (rotation, id in a URL,
 * entropy class, express-session's `s:`), while the value itself is gone. The letters come from a
 * random key of this run: a stand-in says nothing about the value it replaces.
 */
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

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

/** FNV-1a over the key and the text: a 32-bit seed. */
function seedOf(key: Uint32Array, text: string): number {
  let hash = 0x811c9dc5 ^ (key[0] as number);
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return (hash ^ (key[1] as number)) >>> 0 || 1;
}

export type StandIn = (covered: string) => string;

export function createStandIn(key: Uint32Array = crypto.getRandomValues(new Uint32Array(2))): StandIn {
  return (covered) => {
    let state = seedOf(key, alphanumerics(covered));
    const next = () => {
      // xorshift32
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 0x100000000;
    };
    let out = '';
    let first = true;
    for (let i = 0; i < covered.length; i++) {
      const character = covered[i] as string;
      if (character === '%' && /^[0-9A-Fa-f]{2}$/.test(covered.slice(i + 1, i + 3))) {
        out += covered.slice(i, i + 3);
        i += 2;
        continue;
      }
      const alphabet = classOf(covered.charCodeAt(i));
      if (alphabet === null) {
        out += character;
        continue;
      }
      // express-session's "s:" (also "s%3A") stays, so the stand-in keeps the value's format.
      const keep = first && character === 's' && (covered[i + 1] === ':' || covered.slice(i + 1, i + 4).toUpperCase() === '%3A');
      first = false;
      out += keep ? character : alphabet.charAt(Math.floor(next() * alphabet.length));
    }
    return out;
  };
}
