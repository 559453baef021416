import { Unzlib } from 'fflate';
import { decodeBase64, decodeBase64Bytes, peekBase64 } from '../core/base64.js';
import { percentDecode } from '../core/percent-decode.js';
import { defineCookieRule } from './cookie-rule.js';
import type { FixAdvice } from './fix-advice.js';

export const SERVER_SIDE_DATA_ADVICE: FixAdvice = {
  'express-session': 'Keep data in `req.session` (a server-side store), never in the cookie value itself.',
  php: 'Keep data in `$_SESSION`, never in the cookie value itself.',
  django: 'Use a server-side `SESSION_ENGINE` (`django.contrib.sessions.backends.db` or `cache`), not `signed_cookies`.',
  flask: "Flask's default session stores data in the (signed, readable) cookie: use a server-side session (Flask-Session).",
  rails: 'Use a server-side store (`:active_record_store`, `:cache_store`) instead of `:cookie_store`.',
  laravel: "Use a server-side `'driver'` (database, redis, file) instead of `cookie` in config/session.php.",
  'asp.net-core': 'Keep data in `ISession` backed by a distributed cache, not in the cookie.',
  'java-servlet': 'Keep data in `HttpSession` attributes, not in the cookie.',
  'spring-session': 'Keep data in the session repository, not in the cookie.',
};

const LARAVEL_ENVELOPE_KEYS = new Set(['iv', 'value', 'mac', 'tag']);
const LOCAL_PART_CHAR = /[A-Za-z0-9._%+-]/;
/** The domain of an address, read from just after its "@" (sticky: no scanning, no backtracking). */
const EMAIL_DOMAIN = /[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/y;

/**
 * True when `text` holds something shaped like an e-mail address. Checks around each "@" only,
 * so it stays linear on long values (an unanchored regex backtracks quadratically on them).
 */
export function containsEmailAddress(text: string): boolean {
  for (let at = text.indexOf('@'); at > 0; at = text.indexOf('@', at + 1)) {
    if (!LOCAL_PART_CHAR.test(text.charAt(at - 1))) continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    if (EMAIL_DOMAIN.test(text)) return true;
  }
  return false;
}

function parseJsonContainer(text: string): object | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : null;
  } catch {
    return null;
  }
}

/** JSON text starts with "{" or "[", possibly after whitespace. */
function mayStartJson(code: number): boolean {
  return code === 0x7b || code === 0x5b || code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Laravel's encrypted cookie: `{ iv, value, mac, tag }` and nothing else; its data is opaque. */
function isLaravelEnvelope(container: object): boolean {
  const keys = Object.keys(container);
  return !Array.isArray(container) && keys.length > 0 && keys.every((key) => LARAVEL_ENVELOPE_KEYS.has(key));
}

/** What one segment holds: a JSON container (as text or base64), or an e-mail in base64. */
interface SegmentContent {
  readonly json: object | null;
  readonly base64Email: boolean;
}

const NOTHING: SegmentContent = { json: null, base64Email: false };

function inspectSegment(segment: string): SegmentContent {
  if (mayStartJson(segment.charCodeAt(0))) return { json: parseJsonContainer(segment), base64Email: false };
  const peek = peekBase64(segment);
  // Decode only what could hold JSON or an address; most ids are neither.
  if (peek === null || (!mayStartJson(peek.firstByte) && !peek.mayHoldEmail)) return NOTHING;
  const decoded = decodeBase64(segment) ?? '';
  return {
    json: mayStartJson(peek.firstByte) ? parseJsonContainer(decoded) : null,
    base64Email: peek.mayHoldEmail && containsEmailAddress(decoded),
  };
}

/**
 * The most a compressed value is inflated to. A browser keeps at most 4 KB of cookie, but a HAR or
 * a hostile page can hand over megabytes that deflate expands about 1000 times: 1.4 MB of them
 * took 2 GB and 9 s unbounded.
 */
export const MAX_INFLATED_BYTES = 64 * 1024;
/** Input fed to the inflater at a time: at most about 1000 times this comes out per step. */
const INFLATE_STEP_BYTES = 64;

/** The inflated bytes, or 'too large' once they pass MAX_INFLATED_BYTES, or null when not zlib. */
function inflateCapped(bytes: Uint8Array): Uint8Array | 'too large' | null {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Unzlib((chunk) => {
    chunks.push(chunk);
    size += chunk.length;
  });
  try {
    for (let at = 0; at < bytes.length; at += INFLATE_STEP_BYTES) {
      inflater.push(bytes.subarray(at, at + INFLATE_STEP_BYTES), at + INFLATE_STEP_BYTES >= bytes.length);
      if (size > MAX_INFLATED_BYTES) return 'too large';
    }
  } catch {
    return null;
  }
  const inflated = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    inflated.set(chunk, offset);
    offset += chunk.length;
  }
  return inflated;
}

/**
 * The JSON inside a zlib-compressed payload: Flask (itsdangerous) and Django's signing write
 * `.` + base64url(zlib(json)) when compressing pays. 'too large' when it inflates past the cap.
 */
function inflatedJson(payload: string): object | 'too large' | null {
  const bytes = decodeBase64Bytes(payload);
  // A zlib stream starts with CMF 0x78 (deflate, 32 KB window).
  if (bytes === null || bytes[0] !== 0x78) return null;
  const inflated = inflateCapped(bytes);
  return inflated === null || inflated === 'too large' ? inflated : parseJsonContainer(new TextDecoder().decode(inflated));
}

/** What a compressed value inflating past the cap carries, in words. */
export const PAST_INFLATE_CAP = `zlib-compressed data that inflates past ${MAX_INFLATED_BYTES / 1024} KB (reading stopped there)`;

/** The last answer: the grader asks twice per cookie (client-side session? and this rule). */
let lastValue: string | null = null;
let lastAnswer: string | null = null;

/** What readable data the value carries, in words, or null. Never returns the data itself. */
export function describeCarriedData(value: string): string | null {
  if (value === lastValue) return lastAnswer;
  lastAnswer = carriedData(value);
  lastValue = value;
  return lastAnswer;
}

function carriedData(value: string): string | null {
  const decoded = percentDecode(value);
  const dotted = decoded.split('.');
  const header = dotted.length === 3 || dotted.length === 5 ? inspectSegment(dotted[0] as string).json : null;
  // A JWE (five segments, a JSON header) is encrypted: nothing readable.
  if (dotted.length === 5 && header !== null) return null;
  if (dotted.length === 3 && header !== null && 'alg' in header) {
    return 'a JWS (signed, not encrypted: anyone can read its payload)';
  }
  // A compressed Flask or Django payload: "." then zlib data, up to the next "." or ":".
  if (decoded.charCodeAt(0) === 0x2e) {
    const json = inflatedJson(decoded.slice(1).split(/[.:]/, 1)[0] as string);
    if (json === 'too large') return PAST_INFLATE_CAP;
    if (json !== null) return Array.isArray(json) ? 'a zlib-compressed JSON array' : 'a zlib-compressed JSON object';
  }
  // Segments as the signed formats separate them: "." (Flask, JWT), ":" (Django), "--" (Rails).
  const segments = (decoded.includes(':') || decoded.includes('--') ? decoded.split(/\.|:|--/) : dotted).map(inspectSegment);
  for (const { json } of segments) {
    if (json !== null && !isLaravelEnvelope(json)) return Array.isArray(json) ? 'a JSON array' : 'a JSON object';
  }
  if (containsEmailAddress(decoded) || segments.some((segment) => segment.base64Email)) return 'an e-mail address';
  return null;
}

/**
 * `value-carries-data`: the value carries readable data (JSON, a JWS, an e-mail address) instead
 * of a meaningless id. Source: OWASP Session Management ("the session ID must be meaningless").
 */
export const valueCarriesData = defineCookieRule({
  id: 'value-carries-data',
  deduction: 10,
  cap: null,
  evidence: ['set', 'store', 'sent'],
  doc: {
    when: 'A segment of the value decodes to JSON, the value is a JWS, or an e-mail address appears.',
    why: 'Session data in the cookie can be read by anyone who sees it; a session id should mean nothing.',
    sources: 'OWASP Session Management ("meaningless")',
  },
  snippet: 'req.session.user = user; // in the server-side store; the cookie holds only the id',
  onlyForSessionIds: true,
  explain: ({ cookie }) => {
    const carried = describeCarriedData(cookie.value);
    return carried === null ? null : `The value carries ${carried} instead of a meaningless id: anyone who sees the cookie can read it.`;
  },
  fix: SERVER_SIDE_DATA_ADVICE,
});
