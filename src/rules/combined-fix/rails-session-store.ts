/**
 * The combined fix for Rails: `config.session_store` (checked against Debian's ruby-rails, 6.1,
 * by `scripts/make-combined-fix-cookies.sh`). With `secure: true` over plain http Rack sends no
 * session cookie at all (rubric section 6).
 */
import { codeLines, type FixedSettings, fixedName } from './fixed-settings.js';

export function railsSessionStoreFixed(settings: FixedSettings, cookieName: string): string {
  const options = [
    `key: '${fixedName(settings, cookieName, '__Host-_app_session')}'`,
    'secure: true',
    'httponly: true',
    'same_site: :strict',
    "path: '/'",
    ...(settings.shortLifetime ? ['expire_after: 1.hour'] : []),
  ];
  return codeLines([
    '# config/initializers/session_store.rb',
    `Rails.application.config.session_store ${settings.serverSide ? ':cache_store' : ':cookie_store'},`,
    options.map((option) => `  ${option}`).join(',\n'),
    settings.hsts || settings.behindProxy ? '# config/environments/production.rb: config.force_ssl = true (https only, with HSTS)' : '',
    settings.behindProxy ? '# Behind a TLS-terminating proxy: it must send X-Forwarded-Proto: https, or Rails sees http and sends no cookie.' : '',
    settings.noStore ? "# ApplicationController: before_action { response.headers['Cache-Control'] = 'no-store' }" : '',
    settings.rotateAtLogin ? '# At login: reset_session, then session[:user_id] = user.id' : '',
    settings.clearAtLogout ? '# At logout: reset_session' : '',
  ]);
}
