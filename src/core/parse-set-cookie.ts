/**
 * A browser-faithful Set-Cookie parser: the algorithm of RFC 6265bis section 5.6
 * ("The Set-Cookie Header Field"), which is what Chrome and Firefox run. Unlike a browser it keeps
 * what it throws away (overridden duplicates, unknown attributes, ignored values) as diagnostics,
 * because explaining them is the product. It never throws: every string gives a result.
 *
 * @see https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#name-the-set-cookie-header-field
 */
import { parseCookieDate } from './cookie-date.js';
import type { KnownAttribute, ParseDiagnostic, ParseRejection, ParsedSetCookie, SameSiteAttribute } from './parsed-set-cookie.js';
import type { Reader } from './reader.js';
import { utf8ByteLength } from './utf8-byte-length.js';

/** RFC 6265bis 5.6: an attribute value longer than this many bytes is ignored. */
export const MAX_ATTRIBUTE_VALUE_BYTES = 1024;

const NO_DIAGNOSTICS: readonly ParseDiagnostic[] = Object.freeze([]);

/**
 * RFC 6265bis 5.6 step 1: CTL characters other than HTAB make the browser ignore the line.
 * Written as "only allowed characters, anchored" because V8 runs that as one tight loop, about
 * twice as fast as searching for a forbidden character at every position.
 */
const NO_CONTROL_CHARACTERS = /^[\t\u0020-\u007e\u0080-\uffff]*$/;

/** The attributes browsers know, numbered so the parser can track them in small arrays. */
const ATTRIBUTES: readonly KnownAttribute[] = ['Expires', 'Max-Age', 'Domain', 'Path', 'Secure', 'HttpOnly', 'SameSite', 'Partitioned', 'Priority'];
const EXPIRES = 0;
const MAX_AGE = 1;
const DOMAIN = 2;
const PATH = 3;
const SECURE = 4;
const HTTP_ONLY = 5;
const SAME_SITE = 6;
const PARTITIONED = 7;
const PRIORITY = 8;

/**
 * Start and end of the occurrence currently winning for each attribute, to name it once a later
 * one overrides it. Scratch space shared by every call (the parser is synchronous and never
 * re-entered), so parsing allocates no bookkeeping; only bits set in `seen` are meaningful.
 */
const WINNER_BOUNDS = new Int32Array(ATTRIBUTES.length * 2);

function isWsp(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** True when raw[start, end) equals `lower` ignoring ASCII case (no allocation). */
function equalsIgnoreCase(raw: string, start: number, end: number, lower: string): boolean {
  if (end - start !== lower.length) return false;
  for (let i = 0; i < lower.length; i++) {
    let code = raw.charCodeAt(start + i);
    if (code >= 0x41 && code <= 0x5a) code |= 0x20;
    if (code !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Attribute names are case-insensitive (RFC 6265bis 5.6): the attribute's number, or -1.
 * Dispatches on the first letter so a name is compared with at most two candidates.
 */
function attributeAt(raw: string, start: number, end: number): number {
  switch (raw.charCodeAt(start) | 0x20) {
    case 0x64: // d
      return equalsIgnoreCase(raw, start, end, 'domain') ? DOMAIN : -1;
    case 0x65: // e
      return equalsIgnoreCase(raw, start, end, 'expires') ? EXPIRES : -1;
    case 0x68: // h
      return equalsIgnoreCase(raw, start, end, 'httponly') ? HTTP_ONLY : -1;
    case 0x6d: // m
      return equalsIgnoreCase(raw, start, end, 'max-age') ? MAX_AGE : -1;
    case 0x70: // p
      if (equalsIgnoreCase(raw, start, end, 'path')) return PATH;
      if (equalsIgnoreCase(raw, start, end, 'partitioned')) return PARTITIONED;
      return equalsIgnoreCase(raw, start, end, 'priority') ? PRIORITY : -1;
    case 0x73: // s
      if (equalsIgnoreCase(raw, start, end, 'secure')) return SECURE;
      return equalsIgnoreCase(raw, start, end, 'samesite') ? SAME_SITE : -1;
    default:
      return -1;
  }
}

/**
 * RFC 6265bis 5.6.2: an optional "-", then DIGITs. Returns the delta in seconds (negative values
 * and zero are kept: they mean "expire now"), or null. Measured departures: Chromium also takes a
 * "+" ("+60" is 60); Firefox expires the cookie for any value that starts with "-" ("-", "--1").
 */
function parseMaxAge(raw: string, start: number, end: number, reader: Reader): number | null {
  if (start >= end) return null;
  const sign = raw.charCodeAt(start);
  const negative = sign === 0x2d;
  const digitsStart = negative || (sign === 0x2b && reader === 'chromium') ? start + 1 : start;
  if (digitsStart >= end) return negative && reader === 'firefox' ? 0 : null;
  let seconds = 0;
  for (let i = digitsStart; i < end; i++) {
    const digit = raw.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return negative && reader === 'firefox' ? 0 : null;
    // Very long digit strings would overflow: clamp so arithmetic stays finite and exact.
    seconds = Math.min(seconds * 10 + digit, Number.MAX_SAFE_INTEGER);
  }
  return negative ? (seconds === 0 ? 0 : -seconds) : seconds;
}

/** RFC 6265bis 5.6.7: case-insensitive None / Strict / Lax; anything else is "Default". */
function sameSiteAt(raw: string, start: number, end: number): SameSiteAttribute {
  if (equalsIgnoreCase(raw, start, end, 'strict')) return 'Strict';
  if (equalsIgnoreCase(raw, start, end, 'lax')) return 'Lax';
  if (equalsIgnoreCase(raw, start, end, 'none')) return 'None';
  return 'Unrecognized';
}

/** UTF-8 bytes of raw[start, end), computed only when the length could pass `limit`. */
function exceedsBytes(raw: string, start: number, end: number, limit: number): number | null {
  // A UTF-16 unit is at most 3 UTF-8 bytes, so short values cannot exceed the limit.
  if ((end - start) * 3 <= limit) return null;
  const bytes = utf8ByteLength(start === 0 && end === raw.length ? raw : raw.slice(start, end));
  return bytes > limit ? bytes : null;
}

/**
 * Parses one Set-Cookie header value as RFC 6265bis says a browser does, or as `reader` does where
 * it departs from the draft (section 1 of the rubric; each departure is measured by a differential
 * test): Chromium drops a line with a tab inside its name or value; Firefox reads a pair without
 * "=" as a name with an empty value, and drops a nameless pair written with "=".
 */
/** Whether a tab stands inside [start, nameEnd) or [valueStart, end) of the line. */
function hasTab(raw: string, start: number, nameEnd: number, valueStart: number, end: number): boolean {
  for (let index = start; index < nameEnd; index++) if (raw.charCodeAt(index) === 0x09) return true;
  for (let index = valueStart; index < end; index++) if (raw.charCodeAt(index) === 0x09) return true;
  return false;
}

export function parseSetCookie(header: string, reader: Reader = 'rfc'): ParsedSetCookie {
  const raw = typeof header === 'string' ? header : String(header);
  const length = raw.length;
  let rejection: ParseRejection | null = NO_CONTROL_CHARACTERS.test(raw) ? null : 'control-character';

  // Steps 2-4: the name-value-pair ends at the first ";", the name at its first "=".
  let pairEnd = raw.indexOf(';');
  if (pairEnd < 0) pairEnd = length;
  // The next "=" at or after a position; reused while it lies ahead, so the scan stays linear.
  let nextEquals = raw.indexOf('=');
  let name: string;
  let value: string;
  const hasEquals = nextEquals >= 0 && nextEquals < pairEnd;
  if (!hasEquals && reader === 'firefox') {
    name = trimmed(raw, 0, pairEnd);
    value = '';
  } else if (!hasEquals) {
    // No "=": the name is empty and the whole pair is the value.
    name = '';
    value = trimmed(raw, 0, pairEnd);
  } else {
    name = trimmed(raw, 0, nextEquals);
    value = trimmed(raw, nextEquals + 1, pairEnd);
  }
  if (rejection === null && name.length === 0) {
    if (value.length === 0) rejection = 'empty-name-and-value';
    else if (reader === 'firefox') rejection = 'nameless-with-equals';
    else if (reader === 'chromium' && value.includes('=')) rejection = 'nameless-value-with-equals';
    else if (/^__(secure|host|http)-/i.test(value)) rejection = 'nameless-prefixed-value';
  }
  if (rejection === null && reader === 'chromium' && (name.includes('\t') || value.includes('\t'))) rejection = 'tab-in-name-or-value';

  let expires: number | null = null;
  let maxAge: number | null = null;
  let domain: string | null = null;
  let path: string | null = null;
  let secure = false;
  let httpOnly = false;
  let sameSite: SameSiteAttribute | null = null;
  let partitioned = false;
  let priority: string | null = null;
  let diagnostics: ParseDiagnostic[] | null = null;
  // Bit n set: attribute n has a winning occurrence, whose bounds are in WINNER_BOUNDS.
  let seen = 0;

  let position = pairEnd + 1;
  while (position <= length) {
    let avEnd = raw.indexOf(';', position);
    if (avEnd < 0) avEnd = length;
    let start = position;
    position = avEnd + 1;

    if (nextEquals >= 0 && nextEquals < start) nextEquals = raw.indexOf('=', start);
    const equals = nextEquals >= 0 && nextEquals < avEnd ? nextEquals : -1;

    // Trimmed bounds of the whole attribute, its name and its value (steps 4 and 6 of 5.6).
    let end = avEnd;
    while (start < end && isWsp(raw.charCodeAt(start))) start++;
    while (end > start && isWsp(raw.charCodeAt(end - 1))) end--;
    if (start === end) continue;
    let nameEnd = equals < 0 ? end : equals;
    while (nameEnd > start && isWsp(raw.charCodeAt(nameEnd - 1))) nameEnd--;
    let valueStart = equals < 0 ? end : equals + 1;
    while (valueStart < end && isWsp(raw.charCodeAt(valueStart))) valueStart++;
    // Chromium drops the whole line for a tab inside an attribute's trimmed name or value.
    if (reader === 'chromium' && rejection === null && hasTab(raw, start, nameEnd, valueStart, end)) rejection = 'tab-in-attribute';

    const oversize = exceedsBytes(raw, valueStart, end, MAX_ATTRIBUTE_VALUE_BYTES);
    if (oversize !== null) {
      (diagnostics ??= []).push({ kind: 'attribute-oversize', attribute: raw.slice(start, nameEnd), bytes: oversize });
      continue;
    }

    const attribute = attributeAt(raw, start, nameEnd);
    if (attribute < 0) {
      (diagnostics ??= []).push({ kind: 'unknown-attribute', text: raw.slice(start, end) });
      continue;
    }

    switch (attribute) {
      case EXPIRES: {
        const parsed = parseCookieDate(raw, valueStart, end, reader);
        if (parsed === null) {
          (diagnostics ??= []).push({ kind: 'invalid-expires', text: raw.slice(start, end) });
          continue;
        }
        expires = parsed;
        break;
      }
      case MAX_AGE: {
        const parsed = parseMaxAge(raw, valueStart, end, reader);
        if (parsed === null) {
          (diagnostics ??= []).push({ kind: 'invalid-max-age', text: raw.slice(start, end) });
          continue;
        }
        maxAge = parsed;
        break;
      }
      case DOMAIN:
        if (valueStart === end) {
          // An empty Domain that comes last makes the cookie host-only: it overrides an earlier
          // Domain (rubric section 1; the current draft and Chromium).
          domain = null;
          (diagnostics ??= []).push({ kind: 'empty-domain', text: raw.slice(start, end) });
          break;
        }
        domain = raw.slice(raw.charCodeAt(valueStart) === 0x2e ? valueStart + 1 : valueStart, end).toLowerCase();
        break;
      case PATH:
        if (raw.charCodeAt(valueStart) === 0x2f && valueStart < end) {
          path = raw.slice(valueStart, end);
        } else {
          // The attribute still counts (and overrides earlier ones): it sets the default path.
          path = null;
          (diagnostics ??= []).push({ kind: 'invalid-path', text: raw.slice(start, end) });
        }
        break;
      case SECURE:
        secure = true;
        break;
      case HTTP_ONLY:
        httpOnly = true;
        break;
      case SAME_SITE:
        sameSite = sameSiteAt(raw, valueStart, end);
        if (sameSite === 'Unrecognized') (diagnostics ??= []).push({ kind: 'invalid-samesite', text: raw.slice(start, end) });
        break;
      case PARTITIONED:
        partitioned = true;
        break;
      case PRIORITY:
        priority = raw.slice(valueStart, end);
        break;
    }
    const bit = 1 << attribute;
    if ((seen & bit) !== 0) {
      (diagnostics ??= []).push({
        kind: 'overridden-attribute',
        attribute: ATTRIBUTES[attribute] as KnownAttribute,
        text: raw.slice(WINNER_BOUNDS[attribute * 2], WINNER_BOUNDS[attribute * 2 + 1]),
      });
    }
    seen |= bit;
    WINNER_BOUNDS[attribute * 2] = start;
    WINNER_BOUNDS[attribute * 2 + 1] = end;
  }

  return {
    raw,
    name,
    value,
    expires,
    maxAge,
    domain,
    path,
    secure,
    httpOnly,
    sameSite,
    partitioned,
    priority,
    rejection,
    diagnostics: diagnostics ?? NO_DIAGNOSTICS,
  };
}

/** `raw.slice(start, end)` without leading and trailing WSP (RFC 6265bis 5.6 steps 4 and 6). */
function trimmed(raw: string, start: number, end: number): string {
  while (start < end && isWsp(raw.charCodeAt(start))) start++;
  while (end > start && isWsp(raw.charCodeAt(end - 1))) end--;
  return start === 0 && end === raw.length ? raw : raw.slice(start, end);
}
