/**
 * `session-id-adopted` (cap F): a flow walked again with a made-up value planted for each session
 * cookie before its login kept the planted value through the login, and the authenticated probe
 * passed: the server adopts ids it never issued, so an attacker who plants one in a victim's
 * browser shares the victim's session after they log in (session fixation, as PHP's default
 * `session.use_strict_mode=0` allows). Only the CLI's `--active` asks the server this (rubric
 * section 5, "Verified on the server"); its answer reaches the rule as `serverCheck`.
 * Sources: ASVS 4 3.2.1, OWASP Session Management (session fixation), WSTG-SESS-03, ZAP 40013.
 */
import { defineCookieRule } from '../../rules/cookie-rule.js';

export const sessionIdAdopted = defineCookieRule({
  id: 'session-id-adopted',
  deduction: 0,
  cap: 'F',
  onlyForSessionIds: true,
  evidence: ['set', 'store', 'sent'],
  doc: {
    when: 'With --active: the flow walked again with a made-up session id planted before the login kept that id through the login, and the authenticated probe passed.',
    why: "The server accepts session ids it never issued and keeps them at login: an attacker who plants an id in the victim's browser is logged in as the victim once they log in (session fixation).",
    sources: 'ASVS 4 3.2.1; OWASP Session Management (session fixation); OWASP WSTG-SESS-03; ZAP 40013',
  },
  snippet:
    "app.post('/login', (req, res, next) => {\n  // once the password checks out:\n  req.session.regenerate((err) => {\n    if (err) return next(err);\n    req.session.user = req.body.username;\n    req.session.save((err) => (err ? next(err) : res.redirect('/profile')));\n  });\n});",
  explain: ({ serverCheck }) =>
    serverCheck?.idAdopted
      ? 'A session id made up by the client and planted before the login was still in use after it, and the authenticated probe passed: the server adopts ids it never issued (session fixation).'
      : null,
  fix: {
    'express-session':
      'Call `req.session.regenerate(callback)` at login, before storing the user; never pass a `genid` that takes the id from the request, nor a store that creates sessions for unknown ids.',
    php: 'Set `session.use_strict_mode = 1` in php.ini (PHP then refuses ids it did not create) and call `session_regenerate_id(true)` right after a successful login.',
    django: 'Log users in with `django.contrib.auth.login()`, which gives the session a new key (`request.session.cycle_key()`).',
    rails: 'Call `reset_session` before setting `session[:user_id]` at login.',
    laravel: 'Call `$request->session()->regenerate()` after `Auth::attempt()` succeeds.',
    'java-servlet': 'Call `request.changeSessionId()` after authentication (Servlet 3.1).',
    'spring-session': "Keep Spring Security's session fixation protection on: `sessionManagement().sessionFixation().changeSessionId()`.",
    '@fastify/session': 'Call `await request.session.regenerate()` at login, before storing the user.',
  },
});
