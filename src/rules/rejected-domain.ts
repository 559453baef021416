import { domainMatches, isPublicSuffix } from '../core/domain-match.js';
import { defineCookieRule } from './cookie-rule.js';
import { DOMAIN_ADVICE } from './fix-advice.js';

/**
 * `rejected-domain`: a Domain that does not domain-match the response host, or that is a public
 * suffix (other than the host itself), makes the browser drop the cookie.
 * Sources: RFC 6265bis 5.7 steps 9-10, Chrome InvalidDomain, Firefox CookieRejectedInvalidDomain.
 */
export const rejectedDomain = defineCookieRule({
  id: 'rejected-domain',
  deduction: 0,
  cap: 'F',
  evidence: ['set'],
  doc: {
    when: 'Domain does not domain-match the response host, or is a public suffix.',
    why: 'Browsers drop the cookie: a site may not set cookies for another site or for a whole suffix.',
    sources: 'RFC 6265bis 5.6 steps 9-10; Chrome InvalidDomain; Firefox CookieRejectedInvalidDomain',
  },
  snippet: "cookie: { path: '/' } // no cookie.domain: the cookie stays host-only",
  explain: ({ cookie, response }) => {
    const domain = cookie.domain;
    if (domain === null || response.host === '') return null;
    if (!domainMatches(response.host, domain)) {
      return `Domain=${domain} does not match the host ${response.host}: the browser rejects the cookie.`;
    }
    if (domain !== response.host && isPublicSuffix(domain)) {
      return `Domain=${domain} is a public suffix: the browser rejects the cookie.`;
    }
    return null;
  },
  fix: DOMAIN_ADVICE,
});
