/**
 * The signing schemes of rubric section 8, as data: for a cookie value (and its `.sig`
 * companion), what bytes were signed, the signature, and how a candidate secret becomes the HMAC
 * key. Recognising the format is cheap and exact (the signature must decode to the digest's
 * length), so a value that is not signed costs nothing to check.
 */
import { decodeBase64 } from '../core/base64.js';
import { percentDecode } from '../core/percent-decode.js';

export type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

export type SigningScheme =
  | 'express-session'
  | '@fastify/session'
  | 'keygrip'
  | 'itsdangerous'
  | 'django-signing-sha256'
  | 'django-signing-sha1'
  | 'jws-hs256'
  | 'jws-hs384'
  | 'jws-hs512';

/** How the HMAC key comes from a secret. */
export type KeyDerivation =
  /** The secret's UTF-8 bytes are the key. */
  | { readonly kind: 'secret' }
  /** itsdangerous "hmac" derivation: key = HMAC(secret, salt). */
  | { readonly kind: 'hmac-salt'; readonly salt: string }
  /** Django's salted_hmac: key = hash(keySalt + secret). */
  | { readonly kind: 'hash-salt'; readonly keySalt: string };

export interface SignedValue {
  readonly scheme: SigningScheme;
  readonly hash: HashName;
  readonly derivation: KeyDerivation;
  /** The signed bytes, as UTF-8 text. */
  readonly message: string;
  readonly signature: Uint8Array;
}

const DIGEST_BYTES: Readonly<Record<HashName, number>> = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };
const SECRET: KeyDerivation = { kind: 'secret' };
/** Flask's SecureCookieSessionInterface: salt "cookie-session", hmac derivation, SHA-1. */
const FLASK: KeyDerivation = { kind: 'hmac-salt', salt: 'cookie-session' };
/** Django's signed_cookies backend: signing.dumps(salt=...), whose Signer salts with "signer". */
const DJANGO: KeyDerivation = { kind: 'hash-salt', keySalt: 'django.contrib.sessions.backends.signed_cookiessigner' };

function bytes(base64: string): Uint8Array | null {
  const decoded = decodeBase64(base64);
  if (decoded === null) return null;
  const out = new Uint8Array(decoded.length);
  for (let i = 0; i < decoded.length; i++) out[i] = decoded.charCodeAt(i);
  return out;
}

/** The signature after `separator`, when it decodes to exactly a digest of `hash`. */
function split(text: string, separator: string, hash: HashName): { message: string; signature: Uint8Array } | null {
  const at = text.lastIndexOf(separator);
  if (at <= 0 || at === text.length - 1) return null;
  const signature = bytes(text.slice(at + 1));
  return signature !== null && signature.length === DIGEST_BYTES[hash] ? { message: text.slice(0, at), signature } : null;
}

function jwsAlgorithm(header: string): HashName | null {
  const decoded = decodeBase64(header);
  if (decoded === null || !decoded.startsWith('{')) return null;
  try {
    const alg = (JSON.parse(decoded) as { alg?: unknown }).alg;
    return alg === 'HS256' ? 'SHA-256' : alg === 'HS384' ? 'SHA-384' : alg === 'HS512' ? 'SHA-512' : null;
  } catch {
    return null;
  }
}

const JWS_SCHEME: Readonly<Record<string, SigningScheme>> = { 'SHA-256': 'jws-hs256', 'SHA-384': 'jws-hs384', 'SHA-512': 'jws-hs512' };

/**
 * Every signing scheme `value` could be signed with, or none. `companion` is the value of the
 * `<name>.sig` cookie, when the trace has one (cookie-session, koa-session: keygrip).
 */
export function signedValues(name: string, value: string, companion?: string): SignedValue[] {
  const found: SignedValue[] = [];
  const text = percentDecode(value);
  if (companion !== undefined) {
    // keygrip signs "<name>=<value>" with HMAC-SHA1, base64url without padding.
    const signature = bytes(percentDecode(companion));
    if (signature !== null && signature.length === 20)
      found.push({ scheme: 'keygrip', hash: 'SHA-1', derivation: SECRET, message: `${name}=${value}`, signature });
  }
  // express-session: s:<id>.<sig>, sig = base64(HMAC-SHA256(secret, id)) without padding (cookie-signature).
  if (text.startsWith('s:')) {
    const signed = split(text.slice(2), '.', 'SHA-256');
    if (signed) found.push({ scheme: 'express-session', hash: 'SHA-256', derivation: SECRET, ...signed });
    return found;
  }
  const segments = text.split('.');
  if (segments.length === 3) {
    const hash = jwsAlgorithm(segments[0] as string);
    if (hash !== null) {
      const signed = split(text, '.', hash);
      if (signed) found.push({ scheme: JWS_SCHEME[hash] as SigningScheme, hash, derivation: SECRET, ...signed });
      return found;
    }
  }
  // Flask / itsdangerous: <payload>.<timestamp>.<sig> (payload may start with "." when compressed).
  if (segments.length >= 3 && segments.length <= 4) {
    const signed = split(text, '.', 'SHA-1');
    if (signed) found.push({ scheme: 'itsdangerous', hash: 'SHA-1', derivation: FLASK, ...signed });
  }
  // Django signing: <payload>:<timestamp>:<sig>, SHA-256 (or SHA-1 from Django 3.1/3.2).
  if (text.split(':').length === 3) {
    for (const hash of ['SHA-256', 'SHA-1'] as const) {
      const signed = split(text, ':', hash);
      if (signed) found.push({ scheme: hash === 'SHA-256' ? 'django-signing-sha256' : 'django-signing-sha1', hash, derivation: DJANGO, ...signed });
    }
  }
  // @fastify/session: <id>.<sig>, cookie-signature without the "s:".
  if (segments.length === 2) {
    const signed = split(text, '.', 'SHA-256');
    if (signed) found.push({ scheme: '@fastify/session', hash: 'SHA-256', derivation: SECRET, ...signed });
  }
  return found;
}
