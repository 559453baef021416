/**
 * Fix advice per framework (rubric section 6) that several rules share (Secure, SameSite, Domain,
 * the __Host- name); a rule's own advice sits in its module. express-session advice uses the option names the
 * package really has (`name`, `cookie.secure` incl. `'auto'`, `cookie.httpOnly`, `cookie.sameSite`,
 * `cookie.maxAge`, `cookie.domain`, `cookie.path`, `cookie.partitioned`, `rolling`, `proxy`,
 * `app.set('trust proxy', 1)`, `req.session.regenerate`, `req.session.destroy` + `res.clearCookie`).
 */
import type { AdvisedFramework, Framework } from '../detect/framework.js';

/** Advice for express-session always, and for the frameworks that have a setting for it. */
export type FixAdvice = { readonly 'express-session': string } & Partial<Record<AdvisedFramework, string>>;

/**
 * The advice to show for a cookie: express-session plus the recognised framework's, if any.
 * Django's CSRF cookie (`csrftoken`) gets Django's advice in its `CSRF_COOKIE_*` settings.
 */
export function adviceFor(fix: FixAdvice, framework: Framework, cookieName?: string): Record<string, string> {
  const shown: Record<string, string> = { 'express-session': fix['express-session'] };
  if (cookieName === 'csrftoken' && fix.django !== undefined && fix.django.includes('SESSION_COOKIE_')) {
    shown.django = fix.django.replaceAll('SESSION_COOKIE_', 'CSRF_COOKIE_').replace("'__Host-sessionid'", "'__Host-csrftoken'");
    return shown;
  }
  const own = (fix as Partial<Record<string, string>>)[framework];
  if (framework !== 'express-session' && own !== undefined) shown[framework] = own;
  return shown;
}

/** The same sentence for every framework that has no setting of its own for it. */
export function everyFramework(express: string, others: string): FixAdvice {
  return {
    'express-session': express,
    'cookie-session': others,
    'koa-session': others,
    '@fastify/session': others,
    php: others,
    django: others,
    flask: others,
    rails: others,
    laravel: others,
    'asp.net-core': others,
    'java-servlet': others,
    'spring-session': others,
  };
}

export const SECURE_ADVICE: FixAdvice = {
  'express-session':
    "Set `cookie: { secure: true }` (or `secure: 'auto'`); behind a TLS-terminating proxy also `app.set('trust proxy', 1)`, or express-session silently sends no cookie.",
  'cookie-session': "Pass `secure: true` to `cookieSession({ ... })` (behind a proxy also `app.set('trust proxy', 1)`).",
  'koa-session': 'Pass `secure: true` in the `session({ ... }, app)` options (behind a proxy also `app.proxy = true`).',
  '@fastify/session': 'Keep `cookie: { secure: true }` (the default) and serve https; behind a proxy set `trustProxy: true` on Fastify.',
  php: "Set `session.cookie_secure = 1` in php.ini (or `session_set_cookie_params(['secure' => true])`).",
  django: 'Set `SESSION_COOKIE_SECURE = True` in settings.py.',
  flask: "Set `app.config['SESSION_COOKIE_SECURE'] = True`.",
  rails: 'Pass `secure: true` to `config.session_store` (or set `config.force_ssl = true`).',
  laravel: "Set `'secure' => true` in config/session.php (`SESSION_SECURE_COOKIE=true`).",
  'asp.net-core': 'Set `options.Cookie.SecurePolicy = CookieSecurePolicy.Always` in `AddSession`.',
  'java-servlet': 'Add `<secure>true</secure>` to `<session-config><cookie-config>` in web.xml.',
  'spring-session': 'Set `server.servlet.session.cookie.secure=true` (or `DefaultCookieSerializer#setUseSecureCookie(true)`).',
};

export const SAMESITE_ADVICE: FixAdvice = {
  'express-session': "Set `cookie: { sameSite: 'strict' }` (or `'lax'` if links from other sites must keep the session).",
  'cookie-session': "Pass `sameSite: 'strict'` (or `'lax'`) to `cookieSession({ ... })`.",
  'koa-session': "Pass `sameSite: 'strict'` (or `'lax'`) in the `session({ ... }, app)` options.",
  '@fastify/session': "Set `cookie: { sameSite: 'strict' }` (or `'lax'`).",
  php: 'Set `session.cookie_samesite = "Strict"` in php.ini (PHP 7.3+).',
  django: "Set `SESSION_COOKIE_SAMESITE = 'Strict'` (Django's default is 'Lax').",
  flask: "Set `app.config['SESSION_COOKIE_SAMESITE'] = 'Strict'` (or 'Lax').",
  rails: 'Pass `same_site: :strict` to `config.session_store`.',
  laravel: "Set `'same_site' => 'strict'` in config/session.php.",
  'asp.net-core': 'Set `options.Cookie.SameSite = SameSiteMode.Strict` in `AddSession`.',
  'java-servlet':
    'Servlet 6: add `<attribute><attribute-name>SameSite</attribute-name><attribute-value>Strict</attribute-value></attribute>` to `<cookie-config>`; older containers: the container\'s cookie processor (Tomcat `sameSiteCookies="strict"`).',
  'spring-session': 'Set `server.servlet.session.cookie.same-site=strict` (or `DefaultCookieSerializer#setSameSite("Strict")`).',
};

export const DOMAIN_ADVICE: FixAdvice = {
  'express-session': 'Remove `cookie.domain` so the cookie stays host-only.',
  'cookie-session': 'Remove `domain` from `cookieSession({ ... })`.',
  'koa-session': 'Remove `domain` from the `session({ ... }, app)` options.',
  '@fastify/session': 'Remove `cookie.domain`.',
  php: 'Set `session.cookie_domain = ""` in php.ini.',
  django: 'Set `SESSION_COOKIE_DOMAIN = None` (the default).',
  flask: "Set `app.config['SESSION_COOKIE_DOMAIN'] = None`.",
  rails: 'Remove `domain:` (and `domain: :all`) from `config.session_store`.',
  laravel: "Set `'domain' => null` in config/session.php.",
  'asp.net-core': 'Leave `options.Cookie.Domain` unset.',
  'java-servlet': 'Remove `<domain>` from `<cookie-config>` in web.xml.',
  'spring-session': 'Leave `server.servlet.session.cookie.domain` unset.',
};

/** Renaming to a `__Host-` name (also hides the framework's default name). */
export const HOST_PREFIX_NAME_ADVICE: FixAdvice = {
  'express-session':
    "Use `name: '__Host-sid'` with `cookie: { secure: true, path: '/' }` and no `cookie.domain` (without `secure: true` the browser rejects the cookie).",
  'cookie-session': "Use `name: '__Host-session'` with `secure: true` and `path: '/'` (cookie-session then also signs `__Host-session.sig`).",
  'koa-session': "Use `key: '__Host-koa.sess'` with `secure: true` and `path: '/'`.",
  '@fastify/session': "Use `cookieName: '__Host-sid'` with `cookie: { secure: true, path: '/' }`.",
  php: 'Set `session.name = __Host-SID` with `session.cookie_secure = 1`, `session.cookie_path = /` and no `session.cookie_domain`.',
  django: "Set `SESSION_COOKIE_NAME = '__Host-sessionid'` with `SESSION_COOKIE_SECURE = True` and no domain.",
  flask: "Set `app.config['SESSION_COOKIE_NAME'] = '__Host-session'` with `SESSION_COOKIE_SECURE = True`.",
  rails: "Pass `key: '__Host-_app_session'` and `secure: true` to `config.session_store` (a prefixed Rails cookie keeps its leading underscore).",
  laravel: "Set `'cookie' => '__Host-app'` with `'secure' => true` and `'domain' => null` in config/session.php.",
  'asp.net-core': 'Set `options.Cookie.Name = "__Host-session"` with `SecurePolicy = Always` and no Domain.',
  'java-servlet': 'Add `<name>__Host-id</name>` (with `<secure>true</secure>`, `<path>/</path>`) to `<cookie-config>`.',
  'spring-session': 'Set `server.servlet.session.cookie.name=__Host-SESSION` with `cookie.secure=true` and `cookie.path=/`.',
};
