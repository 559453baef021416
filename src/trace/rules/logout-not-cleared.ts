import { isLogoutRequest } from '../login-logout.js';
import { redirectChain } from '../redirect-chain.js';
import { defineTraceRule } from '../trace-rule.js';

/** The logout requests that carried the cookie, with the value each carried. */
type CarriedLogouts = { index: number; value: string }[];

/**
 * `logout-not-cleared`: after a logout request's response (following redirects), no Set-Cookie
 * deletes or replaces the session cookie, so the id (and often the server session) outlives the
 * logout. Sources: ASVS 5 7.4.1, OWASP Session Management.
 */
export const logoutNotCleared = defineTraceRule<CarriedLogouts>({
  id: 'logout-not-cleared',
  deduction: 10,
  cap: null,
  doc: {
    when: 'After a logout, no Set-Cookie deleted or replaced the session cookie.',
    why: 'The id, and often the server session, outlives the logout.',
    sources: 'ASVS 5 7.4.1; OWASP Session Management',
  },
  snippet: "req.session.destroy((err) => {\n  if (err) return next(err);\n  res.clearCookie('connect.sid', { path: '/' });\n  res.redirect('/');\n});",
  start: () => [],
  step: (logouts, { index, observation, carried }) => {
    if (carried !== undefined && isLogoutRequest(observation)) logouts.push({ index, value: carried });
  },
  // A logout's redirect chain can grow with later exchanges, so it is followed at the end.
  explain: (logouts, { observations, setAt }) => {
    const uncleared = logouts.some(
      ({ index, value }) =>
        !redirectChain(observations, index).some((hop) => {
          const effect = setAt(hop);
          return effect !== undefined && (effect.deletion || effect.value !== value);
        }),
    );
    return uncleared ? 'A logout left the session cookie in place: no Set-Cookie deleted or replaced it, so the id may still be valid.' : null;
  },
  fix: {
    'express-session': "Call `req.session.destroy(callback)`, then `res.clearCookie(name, { path: '/' })` with the cookie's own name, path and domain.",
    php: "Call `session_destroy()` and delete the cookie with `setcookie(session_name(), '', time() - 3600, ...)` using the same path and domain.",
    django: 'Log out with `django.contrib.auth.logout(request)`, which flushes the session.',
    flask: 'Call `session.clear()` (and delete the server-side session).',
    rails: 'Call `reset_session` in the logout action.',
    laravel: 'Call `Auth::logout()`, then `$request->session()->invalidate()` and `regenerateToken()`.',
    'asp.net-core': 'Call `HttpContext.Session.Clear()` and `Response.Cookies.Delete(".AspNetCore.Session")`.',
    'java-servlet':
      'Call `session.invalidate()`, which sends no Set-Cookie (Tomcat 10.1), and also clear the cookie: `Cookie c = new Cookie("JSESSIONID", ""); c.setMaxAge(0); c.setPath(request.getContextPath() + "/"); response.addCookie(c);` with the same path as the session cookie.',
    'cookie-session':
      'Set `req.session = null` in the logout handler: cookie-session then deletes both cookies. (A copy of the old cookie stays valid until it expires: keep `maxAge` short.)',
    'koa-session': 'Set `ctx.session = null` in the logout handler. (A copy of the old cookie stays valid until it expires: keep `maxAge` short.)',
    '@fastify/session': 'Call `await request.session.destroy()` in the logout handler.',
    'spring-session': 'Configure logout with `invalidateHttpSession(true)` and `deleteCookies("SESSION")`.',
  },
});
