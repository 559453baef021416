import { defineCookieRule } from './cookie-rule.js';
import type { FixAdvice } from './fix-advice.js';

export const PATH_ADVICE: FixAdvice = {
  'express-session': "Keep `cookie: { path: '/' }` (the default).",
  'cookie-session': "Keep `path: '/'` (the default) in `cookieSession({ ... })`.",
  'koa-session': "Keep `path: '/'` (the default).",
  '@fastify/session': "Keep `cookie: { path: '/' }` (the default).",
  php: 'Set `session.cookie_path = /` in php.ini.',
  django: "Set `SESSION_COOKIE_PATH = '/'`.",
  flask: "Set `app.config['SESSION_COOKIE_PATH'] = '/'`.",
  rails: "Pass `path: '/'` to `config.session_store`.",
  laravel: "Set `'path' => '/'` in config/session.php.",
  'asp.net-core': 'Set `options.Cookie.Path = "/"`.',
  'java-servlet': 'Add `<path>/</path>` to `<cookie-config>` in web.xml.',
  'spring-session': 'Set `server.servlet.session.cookie.path=/`.',
};

/**
 * `path-missing`: no Path attribute; the default path is the directory of the request path
 * (RFC 6265bis 5.1.4), so the same login can get different cookies on different pages.
 */
export const pathMissing = defineCookieRule({
  id: 'path-missing',
  deduction: 2,
  cap: null,
  evidence: ['set'],
  doc: {
    when: 'No Path attribute.',
    why: 'The default path depends on the URL that set the cookie, so the same app can end up with several cookies.',
    sources: 'RFC 6265bis 5.1.4',
  },
  snippet: "cookie: { path: '/' }",
  explain: ({ cookie }) => {
    if (cookie.path !== null) return null;
    const hasPathAttribute = cookie.diagnostics.some(
      (d) => d.kind === 'invalid-path' || (d.kind === 'attribute-oversize' && d.attribute.toLowerCase() === 'path'),
    );
    return hasPathAttribute ? null : 'No Path attribute: the cookie gets a default path from the request URL, which depends on the page that set it.';
  },
  fix: PATH_ADVICE,
});
