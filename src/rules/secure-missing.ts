import { defineCookieRule } from './cookie-rule.js';
import { SECURE_ADVICE } from './fix-advice.js';

/**
 * `secure-missing`: no Secure attribute, so the cookie also travels over plain http.
 * Sources: OWASP Session Management (mandatory), ASVS 4 3.4.1, Observatory -40, ZAP 10011,
 * Burp 00500200.
 */
export const secureMissing = defineCookieRule({
  id: 'secure-missing',
  deduction: 40,
  cap: 'D',
  explain: ({ cookie }) =>
    cookie.secure ? null : 'No Secure attribute: the browser also sends this cookie over plain http, where anyone on the path can read it.',
  fix: SECURE_ADVICE,
});
