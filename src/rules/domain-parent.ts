import { domainMatches } from '../core/domain-match.js';
import { defineCookieRule } from './cookie-rule.js';
import { DOMAIN_ADVICE } from './fix-advice.js';

/**
 * `domain-parent`: Domain is a parent of the response host, so sibling sites under it receive the
 * session too. Sources: ZAP 90033, Burp 00500300.
 */
export const domainParent = defineCookieRule({
  id: 'domain-parent',
  deduction: 10,
  cap: null,
  evidence: ['set', 'store'],
  doc: {
    when: 'Domain is a parent of the response host.',
    why: 'Every host under that domain receives the session id, and any of them can overwrite it.',
    sources: 'ZAP 90033; Burp 00500300',
  },
  snippet: "cookie: { path: '/' } // no cookie.domain: the cookie stays host-only",
  explain: ({ cookie, response }) =>
    cookie.domain !== null && cookie.domain !== response.host && domainMatches(response.host, cookie.domain)
      ? `Domain=${cookie.domain} is a parent of ${response.host}: every site under ${cookie.domain} receives this cookie.`
      : null,
  fix: DOMAIN_ADVICE,
});
