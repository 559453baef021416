/**
 * The combined fix for PHP (php.ini's `session.*`, checked against Debian's php-cli by
 * `scripts/make-combined-fix-cookies.sh`) and Laravel (the entries of `config/session.php`).
 */
import { codeLines, type FixedSettings, fixedName } from './fixed-settings.js';

/** php.ini lines; `;` starts a comment. */
export function phpIniFixed(settings: FixedSettings, cookieName: string): string {
  return codeLines([
    '; php.ini',
    `session.name = ${fixedName(settings, cookieName, '__Host-SID')}`,
    'session.cookie_secure = 1',
    'session.cookie_httponly = 1',
    'session.cookie_samesite = "Strict"',
    'session.cookie_path = /',
    'session.cookie_domain =',
    'session.use_strict_mode = 1',
    'session.use_only_cookies = 1',
    'session.use_trans_sid = 0',
    ...(settings.shortLifetime
      ? ['; a browser-session cookie, and sessions idle for 30 minutes end', 'session.cookie_lifetime = 0', 'session.gc_maxlifetime = 1800']
      : []),
    settings.noStore ? 'session.cache_limiter = nocache' : '',
    settings.hsts ? "; HSTS, in PHP on https responses: header('Strict-Transport-Security: max-age=31536000; includeSubDomains');" : '',
    settings.rotateAtLogin ? '; At login, in PHP: session_regenerate_id(true);' : '',
    settings.clearAtLogout
      ? "; At logout, in PHP: $_SESSION = []; session_destroy(); setcookie(session_name(), '', ['expires' => 1, 'path' => '/', 'secure' => true, 'httponly' => true, 'samesite' => 'Strict']);"
      : '',
  ]);
}

/** The entries to set in the array `config/session.php` returns. */
export function laravelSessionFixed(settings: FixedSettings, cookieName: string): string {
  return codeLines([
    '// config/session.php: these entries of the returned array',
    settings.serverSide ? "'driver' => 'database', // not 'cookie': the data stays on the server" : '',
    settings.shortLifetime ? "'lifetime' => 60, // minutes" : '',
    settings.shortLifetime ? "'expire_on_close' => false," : '',
    `'cookie' => '${fixedName(settings, cookieName, '__Host-app')}',`,
    "'path' => '/',",
    "'domain' => null,",
    "'secure' => true,",
    "'http_only' => true,",
    "'same_site' => 'strict',",
    settings.behindProxy ? "// Behind a TLS-terminating proxy, in bootstrap/app.php: $middleware->trustProxies(at: '*');" : '',
    settings.noStore ? "// On the routes that log in: ->middleware('cache.headers:no_store')" : '',
    settings.hsts ? '// HSTS: a middleware that sends Strict-Transport-Security: max-age=31536000; includeSubDomains' : '',
    settings.rotateAtLogin ? '// At login: $request->session()->regenerate();' : '',
    settings.clearAtLogout ? '// At logout: Auth::logout(); $request->session()->invalidate(); $request->session()->regenerateToken();' : '',
  ]);
}
