import { defineCookieRule } from './cookie-rule.js';
import { everyFramework } from './fix-advice.js';

/**
 * `rejected-secure-from-insecure`: a Secure cookie set by a response whose URL is not
 * trustworthy (plain http, not localhost) is dropped. Sources: RFC 6265bis 5.7 step 13,
 * Chrome SecureOnly, Firefox CookieRejectedSecureButNonHttps.
 */
export const rejectedSecureFromInsecure = defineCookieRule({
  id: 'rejected-secure-from-insecure',
  deduction: 0,
  cap: 'F',
  evidence: ['set'],
  doc: {
    when: 'A Secure cookie set by a response whose URL is not trustworthy (plain http, not localhost).',
    why: 'Browsers drop Secure cookies set over plain http: the cookie is never stored.',
    sources: 'RFC 6265bis 5.6 step 13; Chrome SecureOnly; Firefox CookieRejectedSecureButNonHttps',
  },
  snippet: "cookie: { secure: 'auto' },\nproxy: true, // behind a TLS-terminating proxy",
  explain: ({ cookie, response }) =>
    cookie.secure && !response.trustworthy && response.scheme !== ''
      ? `Secure cookie set over plain ${response.scheme}: the browser rejects it (only https or localhost may set Secure cookies).`
      : null,
  fix: everyFramework(
    "Serve the site over https (localhost may use http). With `cookie.secure: 'auto'` the flag follows the request; behind a proxy set `proxy: true` or `app.set('trust proxy', 1)`.",
    'Serve the site over https; localhost is the only http origin allowed to set Secure cookies.',
  ),
});
