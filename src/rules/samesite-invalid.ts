import { defineCookieRule } from './cookie-rule.js';
import { SAMESITE_ADVICE } from './fix-advice.js';

/**
 * `samesite-invalid`: SameSite with a value other than Strict, Lax or None; the browser treats it
 * as absent. Fires instead of `samesite-missing`. Sources: ZAP 10054-3, Observatory -20,
 * Firefox CookieSameSiteValueInvalid2.
 */
export const sameSiteInvalid = defineCookieRule({
  id: 'samesite-invalid',
  deduction: 20,
  cap: 'B',
  evidence: ['set'],
  doc: {
    when: 'SameSite with a value other than Strict, Lax or None.',
    why: 'Browsers ignore the value and fall back to their own default.',
    sources: 'ZAP 10054-3; MDN Observatory -20; Firefox CookieSameSiteValueInvalid2',
  },
  snippet: "cookie: { sameSite: 'strict' }",
  explain: ({ cookie }) => {
    if (cookie.sameSite !== 'Unrecognized') return null;
    const last = [...cookie.diagnostics].reverse().find((d) => d.kind === 'invalid-samesite');
    const written = last && 'text' in last ? `\`${last.text}\`` : 'The SameSite value';
    return `${written} is not Strict, Lax or None: the browser ignores it and applies its own default.`;
  },
  fix: {
    ...SAMESITE_ADVICE,
    'express-session': "Use `cookie.sameSite` with `'strict'`, `'lax'` or `'none'` (`true` means strict, `false` sends no attribute).",
  },
});
