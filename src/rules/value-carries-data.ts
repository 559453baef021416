import type { CookieRule } from './cookie-rule.js';
import { SERVER_SIDE_DATA_ADVICE } from './fix-advice.js';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const BASE64ISH = /^[A-Za-z0-9+/_-]{2,}={0,2}$/;
const LARAVEL_ENVELOPE_KEYS = new Set(['iv', 'value', 'mac', 'tag']);

function safeDecodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Base64 or base64url to text, or null when the segment is not base64. */
function decodeBase64(segment: string): string | null {
  if (!BASE64ISH.test(segment)) return null;
  try {
    return atob(segment.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, ''));
  } catch {
    return null;
  }
}

function parseJsonContainer(text: string): object | null {
  const trimmed = text.trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return null;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return typeof parsed === 'object' && parsed !== null ? parsed : null;
  } catch {
    return null;
  }
}

/** Laravel's encrypted cookie: `{ iv, value, mac, tag }` and nothing else; its data is opaque. */
function isLaravelEnvelope(container: object): boolean {
  const keys = Object.keys(container);
  return !Array.isArray(container) && keys.length > 0 && keys.every((key) => LARAVEL_ENVELOPE_KEYS.has(key));
}

/** What readable data the value carries, in words, or null. Never returns the data itself. */
export function describeCarriedData(value: string): string | null {
  const decoded = safeDecodeUri(value);
  const segments = decoded.split('.');
  const texts = segments.map((segment) => [segment, decodeBase64(segment)]);
  const firstHeader = parseJsonContainer(texts[0]?.[1] ?? '');
  // A JWE (five segments, a JSON header) is encrypted: nothing readable.
  if (segments.length === 5 && firstHeader !== null) return null;
  if (segments.length === 3 && firstHeader !== null && 'alg' in firstHeader) {
    return 'a JWS (signed, not encrypted: anyone can read its payload)';
  }
  for (const candidates of texts) {
    for (const text of candidates) {
      if (text === null) continue;
      const container = parseJsonContainer(text);
      if (container !== null && !isLaravelEnvelope(container)) {
        return Array.isArray(container) ? 'a JSON array' : 'a JSON object';
      }
    }
  }
  if (EMAIL.test(decoded)) return 'an e-mail address';
  for (const [, text] of texts) if (text != null && EMAIL.test(text)) return 'an e-mail address';
  return null;
}

/**
 * `value-carries-data`: the value carries readable data (JSON, a JWS, an e-mail address) instead
 * of a meaningless id. Source: OWASP Session Management ("the session ID must be meaningless").
 */
export const valueCarriesData: CookieRule = {
  id: 'value-carries-data',
  deduction: 10,
  cap: null,
  onlyForSessionIds: true,
  explain: ({ cookie }) => {
    const carried = describeCarriedData(cookie.value);
    return carried === null
      ? null
      : `The value carries ${carried} instead of a meaningless id: anyone who sees the cookie can read it.`;
  },
  fix: SERVER_SIDE_DATA_ADVICE,
};
