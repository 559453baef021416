import { defineCookieRule } from './cookie-rule.js';
import { DOMAIN_ADVICE } from './fix-advice.js';

/**
 * `domain-host`: Domain equals the response host, which makes the cookie no longer host-only:
 * every subdomain receives it. Source: OWASP Session Management ("do not set Domain").
 */
export const domainHost = defineCookieRule({
  id: 'domain-host',
  deduction: 5,
  cap: null,
  evidence: ['set', 'store'],
  doc: {
    when: 'Domain equals the response host.',
    why: 'The cookie is no longer host-only: every subdomain receives it too.',
    sources: 'OWASP Session Management ("do not set Domain")',
  },
  snippet: "cookie: { path: '/' } // no cookie.domain: the cookie stays host-only",
  explain: ({ cookie, response }) =>
    cookie.domain !== null && cookie.domain === response.host
      ? `Domain=${cookie.domain} names the host itself: the cookie is no longer host-only and every subdomain receives it.`
      : null,
  fix: DOMAIN_ADVICE,
});
