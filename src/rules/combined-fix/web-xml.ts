/**
 * The combined fix for a Java servlet container: web.xml's `<session-config>` (Servlet 6, as in
 * Tomcat 10.1; checked against Debian's tomcat10 by `scripts/make-combined-fix-cookies.sh`).
 * `<tracking-mode>COOKIE</tracking-mode>` stops `;jsessionid=` in URLs (rubric `id-in-url`).
 */
import { codeLines, type FixedSettings, fixedName } from './fixed-settings.js';

export function webXmlFixed(settings: FixedSettings, cookieName: string): string {
  return codeLines([
    '<!-- web.xml, inside <web-app> -->',
    '<session-config>',
    settings.shortLifetime ? '  <session-timeout>30</session-timeout>' : '',
    '  <cookie-config>',
    `    <name>${fixedName(settings, cookieName, '__Host-id')}</name>`,
    '    <path>/</path>',
    '    <http-only>true</http-only>',
    '    <secure>true</secure>',
    settings.shortLifetime ? '    <max-age>-1</max-age>' : '',
    '    <attribute>',
    '      <attribute-name>SameSite</attribute-name>',
    '      <attribute-value>Strict</attribute-value>',
    '    </attribute>',
    '  </cookie-config>',
    '  <tracking-mode>COOKIE</tracking-mode>',
    '</session-config>',
    settings.noStore || settings.hsts
      ? `<!-- ${[settings.noStore ? 'Cache-Control: no-store (a filter: response.setHeader("Cache-Control", "no-store"))' : '', settings.hsts ? "HSTS (Tomcat's HttpHeaderSecurityFilter, hstsMaxAgeSeconds=31536000)" : ''].filter(Boolean).join('; ')} -->`
      : '',
    settings.rotateAtLogin ? '<!-- At login: request.changeSessionId(); -->' : '',
    settings.clearAtLogout
      ? `<!-- At logout: session.invalidate() sends no Set-Cookie; also add new Cookie("${fixedName(settings, cookieName, '__Host-id')}", "") with setMaxAge(0), setPath("/"), setSecure(true). -->`
      : '',
  ]);
}
