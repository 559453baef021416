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
  evidence: ['set', 'store'],
  doc: {
    when: 'No Secure attribute.',
    why: 'The browser also sends the cookie over plain http, where anyone on the network can read the session id.',
    sources: 'OWASP Session Management (mandatory); ASVS 4 3.4.1; MDN Observatory -40; ZAP 10011',
  },
  snippet: "app.set('trust proxy', 1); // only behind a TLS-terminating proxy\napp.use(session({ cookie: { secure: true } }));",
  explain: ({ cookie }) =>
    cookie.secure ? null : 'No Secure attribute: the browser also sends this cookie over plain http, where anyone on the path can read it.',
  fix: SECURE_ADVICE,
});
