import { defineCookieRule } from './cookie-rule.js';
import { everyFramework, SECURE_ADVICE } from './fix-advice.js';

/**
 * `rejected-samesite-none-insecure`: SameSite=None without Secure is dropped by the browser.
 * Sources: RFC 6265bis 5.7 step 19, Chrome SameSiteNoneInsecure, Firefox
 * CookieRejectedNonRequiresSecure2, MDN Observatory (-20).
 */
export const rejectedSameSiteNoneInsecure = defineCookieRule({
  id: 'rejected-samesite-none-insecure',
  deduction: 0,
  cap: 'F',
  evidence: ['set'],
  doc: {
    when: 'SameSite=None without Secure.',
    why: 'Chrome and Firefox drop the cookie: the session never starts, or an older cookie stays in use.',
    sources: 'RFC 6265bis 5.6 step 19; Chrome SameSiteNoneInsecure; Firefox CookieRejectedNonRequiresSecure2; MDN Observatory -20',
  },
  snippet: "cookie: { sameSite: 'lax' } // or, for real cross-site use: { sameSite: 'none', secure: true }",
  explain: ({ cookie }) =>
    cookie.sameSite === 'None' && !cookie.secure ? 'SameSite=None without Secure: the browser rejects this cookie, so the session does not work.' : null,
  fix: {
    ...SECURE_ADVICE,
    ...everyFramework(
      "Add `secure: true` to a `sameSite: 'none'` cookie, or use `sameSite: 'lax'`. Note `secure: 'auto'` with `sameSite: 'none'` over http emits None without Secure.",
      'Add Secure whenever SameSite=None is set, or use SameSite=Lax.',
    ),
  },
});
