import { cookiePrefix } from '../detect/session-names.js';
import { defineCookieRule } from './cookie-rule.js';
import { HOST_PREFIX_NAME_ADVICE } from './fix-advice.js';

/**
 * `prefix-none`: no `__Host-` or `__Secure-` prefix, so a subdomain or an http page could
 * overwrite the cookie (cookie tossing). Sources: ASVS 4 3.4.4, ASVS 5 3.3.1, OWASP.
 */
export const prefixNone = defineCookieRule({
  id: 'prefix-none',
  deduction: 5,
  cap: null,
  evidence: ['set', 'store', 'sent'],
  doc: {
    when: 'No __Host-, __Host-Http-, __Secure- or __Http- prefix.',
    why: 'A subdomain or an http page can plant or overwrite the cookie (cookie tossing, session fixation).',
    sources: 'ASVS 4 3.4.4; ASVS 5 3.3.1; OWASP',
  },
  snippet: "name: '__Host-sid',\ncookie: { secure: true, path: '/' },",
  explain: ({ cookie }) =>
    cookiePrefix(cookie.name) === null ? 'No __Host- prefix: a subdomain or an http page can plant or overwrite this cookie (cookie tossing).' : null,
  fix: HOST_PREFIX_NAME_ADVICE,
});
