import { defineCookieRule } from './cookie-rule.js';
import { SAMESITE_ADVICE } from './fix-advice.js';

/**
 * `samesite-none`: SameSite=None (with Secure) sends the session on every cross-site request.
 * Sources: ZAP 10054-2, Chrome third-party cookie phase-out.
 */
export const sameSiteNone = defineCookieRule({
  id: 'samesite-none',
  deduction: 10,
  cap: 'B',
  evidence: ['set', 'store'],
  doc: {
    when: 'SameSite=None with Secure.',
    why: 'Every cross-site request carries the session cookie; only needed for real third-party use.',
    sources: 'ZAP 10054-2; Chrome third-party cookie phase-out',
  },
  snippet: "cookie: { sameSite: 'lax' }",
  explain: ({ cookie }) =>
    cookie.sameSite === 'None' && cookie.secure
      ? 'SameSite=None: the browser sends this cookie on cross-site requests too, which exposes the session to CSRF.'
      : null,
  fix: {
    ...SAMESITE_ADVICE,
    'express-session':
      "Use `sameSite: 'lax'` or `'strict'` unless the session must work inside other sites' frames; then keep `'none'` with `secure: true` and consider `partitioned: true`.",
  },
});
