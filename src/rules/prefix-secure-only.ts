import { cookiePrefix } from '../detect/session-names.js';
import { defineCookieRule } from './cookie-rule.js';
import { HOST_PREFIX_NAME_ADVICE } from './fix-advice.js';

/**
 * `prefix-secure-only`: a `__Secure-` cookie that already meets every `__Host-` condition (Secure,
 * no Domain, `Path=/`): `__Host-` would also lock it to this host. Source: ASVS 4 3.4.4.
 */
export const prefixSecureOnly = defineCookieRule({
  id: 'prefix-secure-only',
  deduction: 2,
  cap: null,
  explain: ({ cookie }) =>
    cookiePrefix(cookie.name) === '__Secure-' && cookie.secure && cookie.domain === null && cookie.path === '/'
      ? 'This __Secure- cookie already has Secure, no Domain and Path=/: the __Host- prefix would also pin it to this host.'
      : null,
  fix: HOST_PREFIX_NAME_ADVICE,
});
