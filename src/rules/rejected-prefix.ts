import { cookiePrefix } from '../detect/session-names.js';
import { defineCookieRule } from './cookie-rule.js';
import { everyFramework } from './fix-advice.js';

/**
 * `rejected-prefix`: `__Secure-` needs Secure; `__Host-` needs Secure, no Domain and `Path=/`;
 * `__Http-` needs Secure and HttpOnly; `__Host-Http-` all four (prefixes matched
 * case-insensitively). A nameless cookie whose value looks prefixed is also dropped.
 * Sources: RFC 6265bis 4.1.3 and 5.6, Chrome InvalidPrefix, Firefox CookieRejectedInvalidPrefix.
 */
export const rejectedPrefix = defineCookieRule({
  id: 'rejected-prefix',
  deduction: 0,
  cap: 'F',
  evidence: ['set'],
  doc: {
    when: 'A __Secure-, __Host-, __Http- or __Host-Http- name whose attributes break the prefix rules, or a nameless cookie whose value starts with a prefix.',
    why: 'Browsers drop the cookie: the prefix promises attributes the line does not have.',
    sources: 'RFC 6265bis 4.1.3 and 5.6; Chrome InvalidPrefix; Firefox CookieRejectedInvalidPrefix',
  },
  snippet: "name: '__Host-sid',\ncookie: { secure: true, httpOnly: true, path: '/' }, // and no cookie.domain",
  explain: ({ cookie }) => {
    if (cookie.rejection === 'nameless-prefixed-value') {
      return 'A cookie with an empty name whose value starts with a cookie prefix: the browser rejects it.';
    }
    const prefix = cookiePrefix(cookie.name);
    if (prefix === '__Secure-' && !cookie.secure) {
      return 'A __Secure- cookie without Secure: the browser rejects it.';
    }
    if (prefix === null || prefix === '__Secure-') return null;
    const missing: string[] = [];
    if (!cookie.secure) missing.push('it has no Secure');
    if ((prefix === '__Http-' || prefix === '__Host-Http-') && !cookie.httpOnly) missing.push('it has no HttpOnly');
    if (prefix !== '__Http-' && cookie.domain !== null) missing.push('it has a Domain');
    if (prefix !== '__Http-' && cookie.path !== '/') missing.push('its Path is not /');
    return missing.length > 0 ? `A ${prefix} cookie the browser rejects: ${missing.join(', ')}.` : null;
  },
  fix: everyFramework(
    "With a `__Host-` name use `cookie: { secure: true, path: '/' }` and no `cookie.domain`; with `__Secure-` use `secure: true`; `__Http-` and `__Host-Http-` also need `httpOnly: true`. express-session emits a `__Host-` cookie without `secure: true`, and the browser drops it.",
    'Give a __Host- cookie Secure, Path=/ and no Domain; a __Secure- cookie Secure; __Http- and __Host-Http- cookies HttpOnly too.',
  ),
});
