import { defineCookieRule } from './cookie-rule.js';
import type { FixAdvice } from './fix-advice.js';

export const ENTROPY_ADVICE: FixAdvice = {
  'express-session':
    'Let express-session generate ids (its default `genid` gives 24 random bytes); a custom `genid` must return at least 16 bytes from `crypto.randomBytes`, e.g. `crypto.randomUUID()` is only 122 bits.',
  php: 'Do not call `session_id()` with your own ids; on PHP < 8.4 keep `session.sid_length >= 32` and `session.sid_bits_per_character >= 5`.',
  django: "Use Django's own session ids (do not override `_get_new_session_key`).",
  flask: 'Use a server-side session whose ids come from `secrets.token_urlsafe(32)`.',
  rails: "Use Rails' own session ids (`SecureRandom`-based); do not set `session.id` yourself.",
  laravel: "Use Laravel's own session ids (40 random characters); do not call `Session::setId` with your own.",
  'asp.net-core': "Use ASP.NET Core's own session keys; do not generate them yourself.",
  'java-servlet': "Use the container's session ids; on Tomcat keep `sessionIdLength` at 16 bytes or more.",
  'spring-session': "Use Spring Session's own ids (UUIDs); do not replace the id generator with a weaker one.",
};

/**
 * `entropy-low`: under 64 bits, the id can be guessed. Sources: OWASP Session Management
 * (at least 64 bits of entropy), ASVS 4 3.2.2.
 */
export const entropyLow = defineCookieRule({
  id: 'entropy-low',
  deduction: 40,
  cap: 'D',
  evidence: ['set', 'store', 'sent'],
  doc: {
    when: 'Estimated entropy of the id under 64 bits.',
    why: 'The id can be guessed.',
    sources: 'OWASP Session Management (at least 64 bits); ASVS 4 3.2.2',
  },
  snippet: "genid: () => require('node:crypto').randomBytes(32).toString('base64url'),",
  onlyForSessionIds: true,
  explain: ({ entropyBits }) =>
    entropyBits < 64 ? `The id carries at most ${Math.floor(entropyBits)} bits of entropy (64 is the minimum): it can be guessed.` : null,
  fix: ENTROPY_ADVICE,
});

/** `entropy-medium`: at least 64 but under 128 bits. Source: ASVS 5 7.2.3 (128 bits). */
export const entropyMedium = defineCookieRule({
  id: 'entropy-medium',
  deduction: 10,
  cap: null,
  evidence: ['set', 'store', 'sent'],
  doc: {
    when: 'Estimated entropy of the id at least 64 and under 128 bits.',
    why: 'ASVS 5 asks for 128 bits.',
    sources: 'ASVS 5 7.2.3',
  },
  snippet: "genid: () => require('node:crypto').randomBytes(32).toString('base64url'),",
  onlyForSessionIds: true,
  explain: ({ entropyBits }) =>
    entropyBits >= 64 && entropyBits < 128 ? `The id carries at most ${Math.floor(entropyBits)} bits of entropy; ASVS 5 asks for 128.` : null,
  fix: ENTROPY_ADVICE,
});
