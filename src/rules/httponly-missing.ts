import { isScriptReadCsrfName } from '../detect/never-session.js';
import { defineCookieRule } from './cookie-rule.js';
import type { FixAdvice } from './fix-advice.js';

export const HTTPONLY_ADVICE: FixAdvice = {
  'express-session': 'Remove `httpOnly: false`: `cookie: { httpOnly: true }` is the default.',
  'cookie-session': 'Keep `httpOnly: true` (the default) in `cookieSession({ ... })`.',
  'koa-session': 'Keep `httpOnly: true` (the default) in the `session({ ... }, app)` options.',
  '@fastify/session': 'Keep `cookie: { httpOnly: true }` (the default).',
  php: 'Set `session.cookie_httponly = 1` in php.ini.',
  django: 'Set `SESSION_COOKIE_HTTPONLY = True` (the default).',
  flask: "Set `app.config['SESSION_COOKIE_HTTPONLY'] = True` (the default).",
  rails: 'Pass `httponly: true` to `config.session_store` (the default).',
  laravel: "Set `'http_only' => true` in config/session.php.",
  'asp.net-core': 'Set `options.Cookie.HttpOnly = true` in `AddSession`.',
  'java-servlet': 'Add `<http-only>true</http-only>` to `<cookie-config>` in web.xml.',
  'spring-session': 'Set `server.servlet.session.cookie.http-only=true` (or `setUseHttpOnlyCookie(true)`).',
};

/**
 * `httponly-missing`: no HttpOnly, so page scripts (and any XSS) can read the cookie.
 * Sources: OWASP Session Management (mandatory), ASVS 4 3.4.2, Observatory -30, ZAP 10010.
 */
export const httpOnlyMissing = defineCookieRule({
  id: 'httponly-missing',
  deduction: 30,
  cap: 'C',
  evidence: ['set', 'store'],
  doc: {
    when: 'No HttpOnly attribute (for a cookie seen only in requests: page script could read it).',
    why: 'Script on the page, including injected script (XSS), can read the session id and send it away.',
    sources: 'OWASP Session Management (mandatory); ASVS 4 3.4.2; MDN Observatory -30; ZAP 10010',
  },
  snippet: 'cookie: { httpOnly: true }',
  // CSRF cookies that script must read by design (XSRF-TOKEN, csrftoken, ...) are exempt (rubric 4).
  explain: ({ cookie }) =>
    cookie.httpOnly || isScriptReadCsrfName(cookie.name)
      ? null
      : 'No HttpOnly attribute: JavaScript on the page (including injected script) can read this cookie.',
  fix: HTTPONLY_ADVICE,
});
