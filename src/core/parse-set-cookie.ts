/**
 * A browser-faithful Set-Cookie parser: the algorithm of RFC 6265bis section 5.6
 * ("The Set-Cookie Header Field"), which is what Chrome and Firefox run. Unlike a browser it keeps
 * what it throws away (overridden duplicates, unknown attributes, ignored values) as diagnostics,
 * because explaining them is the product. It never throws: every string gives a result.
 *
 * @see https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#name-the-set-cookie-header-field
 */
import { parseCookieDate } from './cookie-date.js';
import type {
  KnownAttribute,
  ParseDiagnostic,
  ParseRejection,
  ParsedSetCookie,
  SameSiteAttribute,
} from './parsed-set-cookie.js';
import { utf8ByteLength } from './utf8-byte-length.js';

/** RFC 6265bis 5.6: an attribute value longer than this many bytes is ignored. */
export const MAX_ATTRIBUTE_VALUE_BYTES = 1024;

const NO_DIAGNOSTICS: readonly ParseDiagnostic[] = Object.freeze([]);

const SEMICOLON = 0x3b;
const EQUALS = 0x3d;

function isWsp(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** RFC 6265bis 5.6 step 1: CTL characters other than HTAB make the browser ignore the line. */
function hasControlCharacter(header: string): boolean {
  for (let i = 0; i < header.length; i++) {
    const code = header.charCodeAt(i);
    if ((code <= 0x1f && code !== 0x09) || code === 0x7f) return true;
  }
  return false;
}

/** Attribute names are case-insensitive (RFC 6265bis 5.6, "case-insensitive match"). */
function canonicalAttribute(name: string): KnownAttribute | null {
  switch (name.length) {
    case 4:
      return name.toLowerCase() === 'path' ? 'Path' : null;
    case 6:
      if (name.toLowerCase() === 'domain') return 'Domain';
      return name.toLowerCase() === 'secure' ? 'Secure' : null;
    case 7:
      if (name.toLowerCase() === 'expires') return 'Expires';
      return name.toLowerCase() === 'max-age' ? 'Max-Age' : null;
    case 8: {
      const lower = name.toLowerCase();
      if (lower === 'httponly') return 'HttpOnly';
      if (lower === 'samesite') return 'SameSite';
      return lower === 'priority' ? 'Priority' : null;
    }
    case 11:
      return name.toLowerCase() === 'partitioned' ? 'Partitioned' : null;
    default:
      return null;
  }
}

/**
 * RFC 6265bis 5.6.2: the first character must be a DIGIT or "-", the rest DIGITs. Returns the
 * delta in seconds (negative values and zero are kept: they mean "expire now"), or null.
 */
function parseMaxAge(value: string): number | null {
  if (value.length === 0) return null;
  const first = value.charCodeAt(0);
  const negative = first === 0x2d;
  if (!negative && (first < 0x30 || first > 0x39)) return null;
  if (negative && value.length === 1) return null;
  for (let i = 1; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return null;
  }
  const seconds = Number(value);
  // Very long digit strings overflow to Infinity: clamp so arithmetic stays finite.
  if (!Number.isFinite(seconds)) return negative ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  return seconds === 0 ? 0 : seconds;
}

/** RFC 6265bis 5.6.7: case-insensitive None / Strict / Lax; anything else is "Default". */
function parseSameSite(value: string): SameSiteAttribute {
  switch (value.toLowerCase()) {
    case 'strict':
      return 'Strict';
    case 'lax':
      return 'Lax';
    case 'none':
      return 'None';
    default:
      return 'Unrecognized';
  }
}

/** Parses one Set-Cookie header value as a browser does. */
export function parseSetCookie(header: string): ParsedSetCookie {
  const raw = typeof header === 'string' ? header : String(header);
  const length = raw.length;
  let rejection: ParseRejection | null = hasControlCharacter(raw) ? 'control-character' : null;

  // Steps 2-4: the name-value-pair ends at the first ";", the name at its first "=".
  let pairEnd = raw.indexOf(';');
  if (pairEnd < 0) pairEnd = length;
  let equals = -1;
  for (let i = 0; i < pairEnd; i++) {
    if (raw.charCodeAt(i) === EQUALS) {
      equals = i;
      break;
    }
  }
  let name: string;
  let value: string;
  if (equals < 0) {
    // No "=": the name is empty and the whole pair is the value.
    name = '';
    value = trimmed(raw, 0, pairEnd);
  } else {
    name = trimmed(raw, 0, equals);
    value = trimmed(raw, equals + 1, pairEnd);
  }
  const nameValueBytes = utf8ByteLength(name) + utf8ByteLength(value);
  if (rejection === null) {
    if (name.length === 0 && value.length === 0) rejection = 'empty-name-and-value';
    else if (name.length === 0 && /^__(secure|host)-/i.test(value)) rejection = 'nameless-prefixed-value';
  }

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
  // Text of the occurrence currently winning for each attribute, to report it once overridden.
  let winners: Partial<Record<KnownAttribute, string>> | null = null;

  let position = pairEnd + 1;
  while (position <= length) {
    let avEnd = raw.indexOf(';', position);
    if (avEnd < 0) avEnd = length;
    const avStart = position;
    position = avEnd + 1;

    let avEquals = -1;
    for (let i = avStart; i < avEnd; i++) {
      if (raw.charCodeAt(i) === EQUALS) {
        avEquals = i;
        break;
      }
    }
    const attributeName = avEquals < 0 ? trimmed(raw, avStart, avEnd) : trimmed(raw, avStart, avEquals);
    const attributeValue = avEquals < 0 ? '' : trimmed(raw, avEquals + 1, avEnd);
    if (attributeName.length === 0 && attributeValue.length === 0) continue;

    const text = trimmed(raw, avStart, avEnd);
    const valueBytes = utf8ByteLength(attributeValue);
    if (valueBytes > MAX_ATTRIBUTE_VALUE_BYTES) {
      (diagnostics ??= []).push({ kind: 'attribute-oversize', attribute: attributeName, bytes: valueBytes });
      continue;
    }

    const attribute = canonicalAttribute(attributeName);
    if (attribute === null) {
      (diagnostics ??= []).push({ kind: 'unknown-attribute', text });
      continue;
    }

    let accepted = true;
    switch (attribute) {
      case 'Expires': {
        const parsed = parseCookieDate(attributeValue);
        if (parsed === null) accepted = false;
        else expires = parsed;
        if (!accepted) (diagnostics ??= []).push({ kind: 'invalid-expires', text });
        break;
      }
      case 'Max-Age': {
        const parsed = parseMaxAge(attributeValue);
        if (parsed === null) accepted = false;
        else maxAge = parsed;
        if (!accepted) (diagnostics ??= []).push({ kind: 'invalid-max-age', text });
        break;
      }
      case 'Domain': {
        if (attributeValue.length === 0) {
          accepted = false;
          (diagnostics ??= []).push({ kind: 'empty-domain', text });
          break;
        }
        const withoutDot = attributeValue.charCodeAt(0) === 0x2e ? attributeValue.slice(1) : attributeValue;
        domain = withoutDot.toLowerCase();
        break;
      }
      case 'Path':
        if (attributeValue.charCodeAt(0) === 0x2f) {
          path = attributeValue;
        } else {
          // The attribute still counts (and overrides earlier ones): it sets the default path.
          path = null;
          (diagnostics ??= []).push({ kind: 'invalid-path', text });
        }
        break;
      case 'Secure':
        secure = true;
        break;
      case 'HttpOnly':
        httpOnly = true;
        break;
      case 'SameSite':
        sameSite = parseSameSite(attributeValue);
        if (sameSite === 'Unrecognized') (diagnostics ??= []).push({ kind: 'invalid-samesite', text });
        break;
      case 'Partitioned':
        partitioned = true;
        break;
      case 'Priority':
        priority = attributeValue;
        break;
    }
    if (!accepted) continue;
    winners ??= {};
    const previous = winners[attribute];
    if (previous !== undefined) {
      (diagnostics ??= []).push({ kind: 'overridden-attribute', attribute, text: previous });
    }
    winners[attribute] = text;
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
    nameValueBytes,
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
