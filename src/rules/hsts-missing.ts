import { defineCookieRule } from './cookie-rule.js';
import { HSTS_ADVICE } from './fix-advice.js';

/** One year, the HSTS max-age the rubric (and the HSTS preload list) asks for. */
export const HSTS_MIN_MAX_AGE = 31_536_000;

/**
 * `hsts-missing`: an https response without Strict-Transport-Security max-age >= one year, so a
 * first http request can still be intercepted. Sources: ASVS 5 3.4.1, MDN Observatory.
 */
export const hstsMissing = defineCookieRule({
  id: 'hsts-missing',
  deduction: 5,
  cap: null,
  explain: ({ response }) => {
    if (response.scheme !== 'https') return null;
    if (response.hstsMaxAge === null) return 'The https response sends no Strict-Transport-Security header.';
    return response.hstsMaxAge < HSTS_MIN_MAX_AGE
      ? `Strict-Transport-Security max-age=${response.hstsMaxAge} is under one year (31536000).`
      : null;
  },
  fix: HSTS_ADVICE,
});
