/**
 * `secret-known` (cap F): the session cookie's signature verifies with a publicly known secret,
 * so anyone can forge a session for any user. Sources: ASVS 5 V13.3 (secret management), OWASP,
 * badsecrets, CookieMonster. The secret is named only when it comes from the bundled public list;
 * a match from the user's own list names the file and line, never the secret.
 */
import type { SecretMatch } from '../secrets/known-secret-check.js';
import type { SigningScheme } from '../secrets/signed-values.js';
import { defineCookieRule } from './cookie-rule.js';

const ROTATE = 'Then treat every session issued so far as compromised: anyone could have forged one. Rotating the secret logs everyone out; that is the point.';

/** The framework whose advice applies, by scheme, and that advice. */
const ADVICE: Readonly<Record<SigningScheme, readonly [string, string]>> = {
  'express-session': ['express-session', ''],
  '@fastify/session': [
    '@fastify/session',
    'Pass `secret: process.env.SESSION_SECRET` (32+ random bytes) to `@fastify/session`; to rotate, give an array `[newSecret, oldSecret]`.',
  ],
  keygrip: [
    'cookie-session',
    'Set `keys: [process.env.SESSION_KEY]` in cookie-session (koa: `app.keys = [process.env.SESSION_KEY]`), each 32+ random bytes; rotate by putting the new key first: `keys: [newKey, oldKey]`.',
  ],
  itsdangerous: [
    'flask',
    "Set `app.config['SECRET_KEY'] = os.environ['SECRET_KEY']` with `secrets.token_hex(32)`; Flask 3.1+ takes old keys in `SECRET_KEY_FALLBACKS` while you rotate.",
  ],
  'django-signing-sha256': [
    'django',
    'Set `SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]` (`django.core.management.utils.get_random_secret_key()`); keep the old one in `SECRET_KEY_FALLBACKS` (Django 4.1+) while you rotate.',
  ],
  'django-signing-sha1': [
    'django',
    'Set `SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]` (`django.core.management.utils.get_random_secret_key()`); keep the old one in `SECRET_KEY_FALLBACKS` (Django 4.1+) while you rotate.',
  ],
  'jws-hs256': [
    'jwt',
    'Sign the token with a key of 32+ random bytes from the environment (e.g. `process.env.JWT_SECRET`), or use an asymmetric algorithm (ES256, EdDSA).',
  ],
  'jws-hs384': ['jwt', 'Sign the token with a key of 48+ random bytes from the environment, or use an asymmetric algorithm (ES256, EdDSA).'],
  'jws-hs512': ['jwt', 'Sign the token with a key of 64+ random bytes from the environment, or use an asymmetric algorithm (ES256, EdDSA).'],
};

const EXPRESS_FIX =
  "Set `secret: process.env.SESSION_SECRET` with 32+ random bytes (`node -e \"console.log(require('crypto').randomBytes(32).toString('hex'))\"`); to rotate without logging everyone out at once, `secret: [newSecret, oldSecret]`.";

function where(match: SecretMatch): string {
  return match.source.list === 'bundled'
    ? `the publicly known secret "${match.source.secret}"`
    : `a secret from your list (${match.source.file}, line ${match.source.line})`;
}

/** The advice for the framework the signing scheme names, after express-session's. */
function fixFor(match: SecretMatch): Record<string, string> {
  const [framework, advice] = ADVICE[match.scheme];
  const fix: Record<string, string> = { 'express-session': `${EXPRESS_FIX} ${ROTATE}` };
  if (framework !== 'express-session') fix[framework] = `${advice} ${ROTATE}`;
  return fix;
}

/**
 * The check itself runs before grading, off the render path (it signs with up to a thousand
 * secrets): its match reaches the rule as `secretMatch`, like every other fact about the cookie.
 */
export const secretKnown = defineCookieRule({
  id: 'secret-known',
  deduction: 0,
  cap: 'F',
  onlyForSessionIds: true,
  evidence: ['set', 'store', 'sent'],
  doc: {
    when: "The cookie's signature verifies with a publicly known secret (express-session, cookie-session / koa-session, Flask, Django signed cookies, HS256/384/512 JWTs).",
    why: 'Anyone can sign a session of their own choosing, for any user: every other finding is moot. Every session issued with that secret must be treated as compromised.',
    sources: 'ASVS 5 V13.3 (secret management); OWASP; badsecrets; CookieMonster',
  },
  snippet: 'secret: process.env.SESSION_SECRET, // 32+ random bytes; rotate with [newSecret, oldSecret]',
  explain: ({ secretMatch }) =>
    secretMatch === null ? null : `The cookie's ${secretMatch.scheme} signature verifies with ${where(secretMatch)}: anyone can forge a session for any user.`,
  fix: { 'express-session': `${EXPRESS_FIX} ${ROTATE}` },
  fixFor: ({ secretMatch }) => (secretMatch === null ? {} : fixFor(secretMatch)),
});
