import { cookiePrefix } from '../detect/session-names.js';
import { defineCookieRule } from './cookie-rule.js';
import { HOST_PREFIX_NAME_ADVICE } from './fix-advice.js';

/**
 * `prefix-secure-only`: a `__Secure-` or `__Http-` cookie that already meets every `__Host-`
 * condition (Secure, no Domain, `Path=/`): `__Host-` (or `__Host-Http-`) would also lock it to
 * this host. Source: ASVS 4 3.4.4.
 */
export const prefixSecureOnly = defineCookieRule({
  id: 'prefix-secure-only',
  deduction: 2,
  cap: null,
  evidence: ['set', 'store'],
  doc: {
    when: 'A __Secure- or __Http- cookie that already has Secure, no Domain and Path=/.',
    why: '__Host- (or __Host-Http-) would also lock the cookie to this host.',
    sources: 'ASVS 4 3.4.4',
  },
  snippet: "name: '__Host-sid',\ncookie: { secure: true, path: '/' },",
  explain: ({ cookie }) => {
    const prefix = cookiePrefix(cookie.name);
    if ((prefix !== '__Secure-' && prefix !== '__Http-') || !cookie.secure || cookie.domain !== null || cookie.path !== '/') return null;
    const better = prefix === '__Http-' ? '__Host-Http-' : '__Host-';
    return `This ${prefix} cookie already has Secure, no Domain and Path=/: the ${better} prefix would also pin it to this host.`;
  },
  fix: HOST_PREFIX_NAME_ADVICE,
});
