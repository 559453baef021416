/**
 * Fix advice per framework (rubric section 6). express-session advice uses the option names the
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
  'cookie-session': 'Pass `secure: true` to `cookieSession({ ... })` (behind a proxy also `app.set(\'trust proxy\', 1)`).',
  'koa-session': 'Pass `secure: true` in the `session({ ... }, app)` options (behind a proxy also `app.proxy = true`).',
  '@fastify/session': 'Keep `cookie: { secure: true }` (the default) and serve https; behind a proxy set `trustProxy: true` on Fastify.',
  php: 'Set `session.cookie_secure = 1` in php.ini (or `session_set_cookie_params([\'secure\' => true])`).',
  django: 'Set `SESSION_COOKIE_SECURE = True` in settings.py.',
  flask: "Set `app.config['SESSION_COOKIE_SECURE'] = True`.",
  rails: 'Pass `secure: true` to `config.session_store` (or set `config.force_ssl = true`).',
  laravel: "Set `'secure' => true` in config/session.php (`SESSION_SECURE_COOKIE=true`).",
  'asp.net-core': 'Set `options.Cookie.SecurePolicy = CookieSecurePolicy.Always` in `AddSession`.',
  'java-servlet': 'Add `<secure>true</secure>` to `<session-config><cookie-config>` in web.xml.',
  'spring-session': 'Set `server.servlet.session.cookie.secure=true` (or `DefaultCookieSerializer#setUseSecureCookie(true)`).',
};

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

export const LIFETIME_ADVICE: FixAdvice = {
  'express-session':
    'Shorten `cookie.maxAge` (milliseconds, e.g. `30 * 60 * 1000`) and use `rolling: true` to extend it while the user is active, or leave `maxAge` unset for a browser-session cookie.',
  'cookie-session': 'Lower `maxAge` (milliseconds) in `cookieSession({ ... })`, or leave it unset for a browser-session cookie.',
  'koa-session': "Lower `maxAge` (milliseconds) in the options, or set `maxAge: 'session'`.",
  '@fastify/session': 'Lower `cookie: { maxAge }` (milliseconds), or leave it unset for a browser-session cookie.',
  php: 'Set `session.cookie_lifetime = 0` (browser session) and a short `session.gc_maxlifetime`.',
  django: 'Lower `SESSION_COOKIE_AGE` (seconds) or set `SESSION_EXPIRE_AT_BROWSER_CLOSE = True`.',
  flask: "Lower `app.config['PERMANENT_SESSION_LIFETIME']`, or leave `session.permanent` False.",
  rails: 'Pass a short `expire_after:` (e.g. `30.minutes`) to `config.session_store`.',
  laravel: "Lower `'lifetime'` (minutes) or set `'expire_on_close' => true` in config/session.php.",
  'asp.net-core': 'Lower `options.IdleTimeout` and leave `options.Cookie.MaxAge` unset.',
  'java-servlet': 'Set a short `<session-timeout>` and `<max-age>-1</max-age>` in `<cookie-config>`.',
  'spring-session': 'Lower `server.servlet.session.timeout` and leave `server.servlet.session.cookie.max-age` unset.',
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

export const ENTROPY_ADVICE: FixAdvice = {
  'express-session':
    "Let express-session generate ids (its default `genid` gives 24 random bytes); a custom `genid` must return at least 16 bytes from `crypto.randomBytes`, e.g. `crypto.randomUUID()` is only 122 bits.",
  php: 'Do not call `session_id()` with your own ids; on PHP < 8.4 keep `session.sid_length >= 32` and `session.sid_bits_per_character >= 5`.',
  django: "Use Django's own session ids (do not override `_get_new_session_key`).",
  flask: 'Use a server-side session whose ids come from `secrets.token_urlsafe(32)`.',
  rails: "Use Rails' own session ids (`SecureRandom`-based); do not set `session.id` yourself.",
  laravel: "Use Laravel's own session ids (40 random characters); do not call `Session::setId` with your own.",
  'asp.net-core': "Use ASP.NET Core's own session keys; do not generate them yourself.",
  'java-servlet': "Use the container's session ids; on Tomcat keep `sessionIdLength` at 16 bytes or more.",
  'spring-session': "Use Spring Session's own ids (UUIDs); do not replace the id generator with a weaker one.",
};

export const SERVER_SIDE_DATA_ADVICE: FixAdvice = {
  'express-session': 'Keep data in `req.session` (a server-side store), never in the cookie value itself.',
  php: 'Keep data in `$_SESSION`, never in the cookie value itself.',
  django: "Use a server-side `SESSION_ENGINE` (`django.contrib.sessions.backends.db` or `cache`), not `signed_cookies`.",
  flask: "Flask's default session stores data in the (signed, readable) cookie: use a server-side session (Flask-Session).",
  rails: 'Use a server-side store (`:active_record_store`, `:cache_store`) instead of `:cookie_store`.',
  laravel: "Use a server-side `'driver'` (database, redis, file) instead of `cookie` in config/session.php.",
  'asp.net-core': 'Keep data in `ISession` backed by a distributed cache, not in the cookie.',
  'java-servlet': 'Keep data in `HttpSession` attributes, not in the cookie.',
  'spring-session': 'Keep data in the session repository, not in the cookie.',
};

export const CACHE_CONTROL_ADVICE: FixAdvice = {
  'express-session':
    "Send `res.set('Cache-Control', 'no-store')` on responses that set the session cookie (a small middleware before your routes).",
  php: 'Keep `session.cache_limiter = nocache` (it sends `Cache-Control: no-store, no-cache, must-revalidate`).',
  django: 'Decorate the views with `@never_cache` (or `patch_cache_control(response, no_store=True)`).',
  flask: "Set `response.headers['Cache-Control'] = 'no-store'` in an `after_request` hook.",
  rails: 'Set `response.headers["Cache-Control"] = "no-store"` in the controller (a `before_action`): it works on every Rails version (`no_store` does not exist on 6.1).',
  laravel: "Add the `cache.headers:no_store` middleware to the routes.",
  'asp.net-core': 'Use `[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]`.',
  'java-servlet': 'Call `response.setHeader("Cache-Control", "no-store")` in a filter.',
  'spring-session': "Keep Spring Security's default cache-control headers (`headers().cacheControl()`).",
};

export const HSTS_ADVICE: FixAdvice = {
  'express-session':
    "Send `Strict-Transport-Security: max-age=31536000; includeSubDomains` on https responses (e.g. helmet's `hsts`).",
  php: "Send `header('Strict-Transport-Security: max-age=31536000; includeSubDomains')` on https responses.",
  django: 'Set `SECURE_HSTS_SECONDS = 31536000` (with `SecurityMiddleware`).',
  flask: 'Send `Strict-Transport-Security: max-age=31536000` (e.g. with Flask-Talisman).',
  rails: 'Set `config.force_ssl = true` (HSTS with a two-year max-age by default).',
  laravel: 'Add a middleware that sends `Strict-Transport-Security: max-age=31536000`.',
  'asp.net-core': 'Call `app.UseHsts()` with `options.MaxAge = TimeSpan.FromDays(365)`.',
  'java-servlet': "Enable the container's HSTS filter (Tomcat `HttpHeaderSecurityFilter`, `hstsMaxAgeSeconds=31536000`).",
  'spring-session': "Keep Spring Security's HSTS header (`headers().httpStrictTransportSecurity()`, one year by default).",
};
