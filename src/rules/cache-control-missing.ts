import { defineCookieRule } from './cookie-rule.js';
import type { FixAdvice } from './fix-advice.js';

export const CACHE_CONTROL_ADVICE: FixAdvice = {
  'express-session': "Send `res.set('Cache-Control', 'no-store')` on responses that set the session cookie (a small middleware before your routes).",
  php: 'Keep `session.cache_limiter = nocache` (it sends `Cache-Control: no-store, no-cache, must-revalidate`).',
  django: 'Decorate the views with `@never_cache` (or `patch_cache_control(response, no_store=True)`).',
  flask: "Set `response.headers['Cache-Control'] = 'no-store'` in an `after_request` hook.",
  rails:
    'Set `response.headers["Cache-Control"] = "no-store"` in the controller (a `before_action`): it works on every Rails version (`no_store` does not exist on 6.1).',
  laravel: 'Add the `cache.headers:no_store` middleware to the routes.',
  'asp.net-core': 'Use `[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]`.',
  'java-servlet': 'Call `response.setHeader("Cache-Control", "no-store")` in a filter.',
  'spring-session': "Keep Spring Security's default cache-control headers (`headers().cacheControl()`).",
};

/**
 * `cache-control-missing`: the response that sets the cookie may be stored by a shared cache and
 * replayed, Set-Cookie included, to another user. It needs `no-store`, or `private` and
 * `no-cache`. Source: OWASP Session Management ("Web content caching").
 */
export const cacheControlMissing = defineCookieRule({
  id: 'cache-control-missing',
  deduction: 3,
  cap: null,
  evidence: ['set'],
  doc: {
    when: 'The response that sets the cookie has neither Cache-Control: no-store nor both private and no-cache.',
    why: 'A shared cache may store the response, Set-Cookie included, and hand it to someone else.',
    sources: 'OWASP Session Management',
  },
  snippet: "app.use((req, res, next) => { res.set('Cache-Control', 'no-store'); next(); });",
  explain: ({ response }) =>
    response.cacheControlPrevents
      ? null
      : 'The response that sets this cookie has no `Cache-Control: no-store` (or `private, no-cache`): a shared cache could replay it to someone else.',
  fix: CACHE_CONTROL_ADVICE,
});
