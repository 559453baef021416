/**
 * The combined fix for Django (settings.py) and Flask (`app.config`): every fix applied, as the
 * settings each framework really has (Django's `SESSION_COOKIE_*`, `SECURE_*`; Flask's
 * `SESSION_COOKIE_*`, `PERMANENT_SESSION_LIFETIME`). Checked against Debian's python3-django and
 * python3-flask by `scripts/make-combined-fix-cookies.sh`.
 */
import { codeLines, type FixedSettings, fixedName } from './fixed-settings.js';

/** Django's settings.py lines. */
export function djangoSettingsFixed(settings: FixedSettings, cookieName: string): string {
  return codeLines([
    '# settings.py',
    `SESSION_COOKIE_NAME = '${fixedName(settings, cookieName, '__Host-sessionid')}'`,
    'SESSION_COOKIE_SECURE = True',
    'SESSION_COOKIE_HTTPONLY = True',
    "SESSION_COOKIE_SAMESITE = 'Strict'",
    "SESSION_COOKIE_PATH = '/'",
    'SESSION_COOKIE_DOMAIN = None',
    settings.shortLifetime ? 'SESSION_COOKIE_AGE = 60 * 60  # one hour (the default is two weeks)' : '',
    settings.serverSide ? "SESSION_ENGINE = 'django.contrib.sessions.backends.db'  # not signed_cookies: the data stays on the server" : '',
    settings.behindProxy ? "SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')  # only behind a TLS-terminating proxy that sets it" : '',
    settings.hsts ? 'SECURE_HSTS_SECONDS = 31536000  # sent by django.middleware.security.SecurityMiddleware' : '',
    settings.hsts ? 'SECURE_HSTS_INCLUDE_SUBDOMAINS = True' : '',
    settings.noStore ? '# The views that log in or set the session: @never_cache (django.views.decorators.cache).' : '',
    settings.rotateAtLogin ? '# At login: django.contrib.auth.login(request, user) rotates the id (or request.session.cycle_key()).' : '',
    settings.clearAtLogout ? '# At logout: django.contrib.auth.logout(request) flushes the session and deletes the cookie.' : '',
  ]);
}

/** Flask's `app.config.update(...)`, and an `after_request` hook for the headers. */
export function flaskConfigFixed(settings: FixedSettings, cookieName: string): string {
  const headers = [
    settings.noStore ? "    response.headers['Cache-Control'] = 'no-store'" : '',
    settings.hsts ? "    response.headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains'" : '',
  ].filter(Boolean);
  return [
    'import os',
    settings.behindProxy ? 'from werkzeug.middleware.proxy_fix import ProxyFix' : '',
    '',
    'app.config.update(',
    "    SECRET_KEY=os.environ['SECRET_KEY'],  # 32+ random bytes, never in the code",
    `    SESSION_COOKIE_NAME='${fixedName(settings, cookieName, '__Host-session')}',`,
    '    SESSION_COOKIE_SECURE=True,',
    '    SESSION_COOKIE_HTTPONLY=True,',
    "    SESSION_COOKIE_SAMESITE='Strict',",
    "    SESSION_COOKIE_PATH='/',",
    '    SESSION_COOKIE_DOMAIN=None,',
    settings.shortLifetime ? '    PERMANENT_SESSION_LIFETIME=60 * 60,  # one hour, for session.permanent = True' : '',
    ')',
    settings.behindProxy ? 'app.wsgi_app = ProxyFix(app.wsgi_app, x_proto=1)  # only behind a TLS-terminating proxy' : '',
    ...(headers.length > 0 ? ['', '', '@app.after_request', 'def session_headers(response):', ...headers, '    return response'] : []),
    settings.serverSide ? "# Flask's session is the cookie itself, readable by anyone: keep private data in a server-side session (Flask-Session)." : '',
    settings.rotateAtLogin || settings.clearAtLogout ? '# At login and at logout: session.clear(), then set what the new session holds.' : '',
  ]
    .filter((line, index, lines) => line !== '' || (index > 0 && lines[index - 1] !== ''))
    .join('\n')
    .trim();
}
