import { CLASSIC_ASP_NAME, FRAMEWORK_DEFAULT_NAMES, LARAVEL_NAME, RAILS_NAME } from '../detect/session-names.js';
import { defineCookieRule } from './cookie-rule.js';
import { HOST_PREFIX_NAME_ADVICE } from './fix-advice.js';

const DEFAULT_NAMES = new Set(
  [...FRAMEWORK_DEFAULT_NAMES.map((entry) => entry.name), '__Secure-next-auth.session-token', '__Secure-authjs.session-token'].map((name) =>
    name.toLowerCase(),
  ),
);

/** True when the full name (prefix included) is a framework's default session cookie name. */
export function isDefaultSessionName(name: string): boolean {
  const lower = name.toLowerCase();
  if (DEFAULT_NAMES.has(lower)) return true;
  if (lower.startsWith('aspsessionid')) return CLASSIC_ASP_NAME.test(name);
  // Rails' (leading underscore) and Laravel's names, in any case: both end in "_session".
  return lower.endsWith('_session') && (RAILS_NAME.test(lower) || LARAVEL_NAME.test(lower));
}

/**
 * `name-default`: the framework's default cookie name tells an attacker which stack (and which
 * known weaknesses) to try. Source: OWASP Session Management ("session ID name fingerprinting").
 */
export const nameDefault = defineCookieRule({
  id: 'name-default',
  deduction: 2,
  cap: null,
  evidence: ['set', 'store', 'sent'],
  doc: {
    when: "The name is a framework's default (connect.sid, PHPSESSID, JSESSIONID, sessionid, ...).",
    why: 'It tells an attacker which framework, and so which weaknesses, to try.',
    sources: 'OWASP Session Management (name fingerprinting)',
  },
  snippet: "name: '__Host-sid',\ncookie: { secure: true, path: '/' },",
  onlyForSessionIds: true,
  explain: ({ cookie }) =>
    isDefaultSessionName(cookie.name) ? `"${cookie.name}" is a framework's default session cookie name: it tells attackers which stack you run.` : null,
  fix: HOST_PREFIX_NAME_ADVICE,
});
