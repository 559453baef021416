import { isScriptReadCsrfName } from '../detect/never-session.js';
import { defineCookieRule } from './cookie-rule.js';
import { HTTPONLY_ADVICE } from './fix-advice.js';

/**
 * `httponly-missing`: no HttpOnly, so page scripts (and any XSS) can read the cookie.
 * Sources: OWASP Session Management (mandatory), ASVS 4 3.4.2, Observatory -30, ZAP 10010.
 */
export const httpOnlyMissing = defineCookieRule({
  id: 'httponly-missing',
  deduction: 30,
  cap: 'C',
  // CSRF cookies that script must read by design (XSRF-TOKEN, csrftoken, ...) are exempt (rubric 4).
  explain: ({ cookie }) =>
    cookie.httpOnly || isScriptReadCsrfName(cookie.name) ? null : 'No HttpOnly attribute: JavaScript on the page (including injected script) can read this cookie.',
  fix: HTTPONLY_ADVICE,
});
