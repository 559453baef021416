/**
 * Rule 1 of rubric section 2.1: value formats that name their framework, and which of them carry
 * the session data in the cookie itself (client-side sessions, section 2.2).
 */
import { decodeBase64 } from '../core/base64.js';
import { percentDecode } from '../core/percent-decode.js';
import { signedValues } from '../secrets/signed-values.js';
import type { Framework } from './framework.js';

export interface ValueFormat {
  readonly framework: Framework;
  /** The session data travels in the cookie (Flask, Django signed cookies, Rails' cookie store, JWE...). */
  readonly clientSide: boolean;
  /** A JWS or JWE: a session credential whatever the cookie's name. */
  readonly token: 'jws' | 'jwe' | null;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function jsonHeader(segment: string): Record<string, unknown> | null {
  const decoded = decodeBase64(segment);
  if (decoded === null || !decoded.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(decoded);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Laravel's encrypted envelope: base64 of a JSON object with iv, value, mac (and tag), nothing else. */
export function isLaravelEnvelope(value: string): boolean {
  const text = percentDecode(value);
  if (!BASE64.test(text) || text.length < 40) return false;
  const object = jsonHeader(text);
  if (object === null) return false;
  const keys = Object.keys(object);
  return ['iv', 'value', 'mac'].every((key) => typeof object[key] === 'string') && keys.every((key) => ['iv', 'value', 'mac', 'tag'].includes(key));
}

/** Rails' cookie store: `<base64>--<base64>--<base64>` (5.2+), or `<base64>--<hex digest>` before. */
function isRailsCookieStore(text: string): boolean {
  const parts = text.split('--');
  if (parts.length === 3) return parts.every((part) => part.length > 0 && BASE64.test(part));
  return parts.length === 2 && BASE64.test(parts[0] as string) && /^[0-9a-f]{40,128}$/.test(parts[1] as string);
}

/** The framework a value's format names, or null. `token` formats name none by themselves. */
export function valueFormat(name: string, value: string): ValueFormat | null {
  const text = percentDecode(value);
  // Every format has a separator ("." ":" "--") or is base64 JSON ("eyJ" is base64 for '{"'):
  // a plain id, the usual case, is decided here without parsing anything.
  if (!text.includes('.') && !text.includes(':') && !text.includes('--') && !text.startsWith('eyJ')) return null;
  const dotted = text.split('.');
  if ((dotted.length === 3 || dotted.length === 5) && dotted.every((part) => BASE64URL.test(part) || part === '')) {
    const header = jsonHeader(dotted[0] as string);
    if (dotted.length === 5 && header !== null && typeof header.enc === 'string') return { framework: 'jwt', clientSide: true, token: 'jwe' };
    if (dotted.length === 3 && header !== null && typeof header.alg === 'string') return { framework: 'jwt', clientSide: false, token: 'jws' };
  }
  const schemes = signedValues(name, value).map((signed) => signed.scheme);
  if (schemes.includes('itsdangerous')) return { framework: 'flask', clientSide: true, token: null };
  if (schemes.includes('django-signing-sha256') || schemes.includes('django-signing-sha1')) return { framework: 'django', clientSide: true, token: null };
  if (isRailsCookieStore(text)) return { framework: 'rails', clientSide: true, token: null };
  if (isLaravelEnvelope(value)) return { framework: 'laravel', clientSide: false, token: null };
  return null;
}
