import { defineCookieRule } from './cookie-rule.js';
import { CACHE_CONTROL_ADVICE } from './fix-advice.js';

/**
 * `cache-control-missing`: the response that sets the cookie may be stored by a shared cache and
 * replayed, Set-Cookie included, to another user. It needs `no-store`, or `private` and
 * `no-cache`. Source: OWASP Session Management ("Web content caching").
 */
export const cacheControlMissing = defineCookieRule({
  id: 'cache-control-missing',
  deduction: 3,
  cap: null,
  explain: ({ response }) =>
    response.cacheControlPrevents
      ? null
      : 'The response that sets this cookie has no `Cache-Control: no-store` (or `private, no-cache`): a shared cache could replay it to someone else.',
  fix: CACHE_CONTROL_ADVICE,
});
