/**
 * `session-alive-after-logout` (-40, cap D): after a flow, the session cookies that were valid
 * just before its logout step were sent again to its authenticated probe, and the server still
 * answered as logged in: the logout cleared (at most) the browser's cookie, not the session, so a
 * copy of the cookie (a stolen one, a shared computer's) still logs in. Only the CLI's `--active`
 * asks the server this (rubric section 5, "Verified on the server"); its answer reaches the rule as
 * `serverCheck`. Sources: ASVS 4 3.3.1, ASVS 5 7.4.1, OWASP Session Management, WSTG-SESS-06.
 */
import { defineCookieRule } from '../../rules/cookie-rule.js';

export const sessionAliveAfterLogout = defineCookieRule({
  id: 'session-alive-after-logout',
  deduction: 40,
  cap: 'D',
  onlyForSessionIds: true,
  evidence: ['set', 'store', 'sent'],
  doc: {
    when: "With --active: the session cookies held just before the flow's logout, sent again after it to the flow's authenticated probe, still get the logged-in page.",
    why: 'The logout ended nothing on the server: anyone holding a copy of the cookie (stolen, or left on a shared computer) is still logged in. Clearing the cookie in the browser is not ending the session.',
    sources: 'ASVS 4 3.3.1; ASVS 5 7.4.1; OWASP Session Management; OWASP WSTG-SESS-06',
  },
  snippet:
    "app.post('/logout', (req, res, next) => {\n  req.session.destroy((err) => {\n    if (err) return next(err);\n    res.clearCookie('connect.sid', { path: '/' });\n    res.redirect('/');\n  });\n});",
  explain: ({ serverCheck }) =>
    serverCheck?.aliveAfterLogout
      ? 'After the logout, the session cookie held before it was sent again and the server still answered the authenticated probe as logged in: the logout did not end the session on the server.'
      : null,
  fix: {
    'express-session':
      "End the session in the store: `req.session.destroy(callback)`, then `res.clearCookie(name, { path: '/' })`. Clearing the cookie (or deleting `req.session.user`) alone leaves the stored session valid for any copy of the cookie.",
    php: 'Call `$_SESSION = []; session_destroy();` at logout (and delete the cookie with `setcookie(session_name(), "", time() - 3600, "/")`): unsetting the cookie alone leaves the session file valid.',
    django: 'Log out with `django.contrib.auth.logout(request)`, which flushes the session from the store (`request.session.flush()`).',
    flask:
      "Flask's default session lives in the signed cookie, so a copy cannot be revoked: keep sessions server-side (Flask-Session) and clear them at logout, or check a per-user session version on every request.",
    rails:
      'Call `reset_session` at logout, with a server-side store (`ActiveRecord::SessionStore`): the default cookie store cannot revoke a copy of the cookie.',
    laravel: 'Call `Auth::logout()`, then `$request->session()->invalidate()` and `$request->session()->regenerateToken()`.',
    'asp.net-core': 'Call `HttpContext.Session.Clear()` and `await HttpContext.SignOutAsync()` at logout.',
    'java-servlet': 'Call `session.invalidate()` at logout (and clear the `JSESSIONID` cookie with `setMaxAge(0)` and the same path).',
    'spring-session': 'Configure logout with `invalidateHttpSession(true)` and `deleteCookies("SESSION")`.',
    'cookie-session':
      'cookie-session keeps the session in the cookie, so a copy cannot be revoked: keep `maxAge` short, and check a per-user session version on every request (bump it at logout).',
    'koa-session':
      'With the default cookie store a copy cannot be revoked: use an external `store` and set `ctx.session = null` at logout, or keep `maxAge` short.',
    '@fastify/session': 'Call `await request.session.destroy()` at logout.',
  },
});
