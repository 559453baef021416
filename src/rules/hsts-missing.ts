import { defineCookieRule } from './cookie-rule.js';
import type { FixAdvice } from './fix-advice.js';

export const HSTS_ADVICE: FixAdvice = {
  'express-session': "Send `Strict-Transport-Security: max-age=31536000; includeSubDomains` on https responses (e.g. helmet's `hsts`).",
  php: "Send `header('Strict-Transport-Security: max-age=31536000; includeSubDomains')` on https responses.",
  django: 'Set `SECURE_HSTS_SECONDS = 31536000` (with `SecurityMiddleware`).',
  flask: 'Send `Strict-Transport-Security: max-age=31536000` (e.g. with Flask-Talisman).',
  rails: 'Set `config.force_ssl = true` (HSTS with a two-year max-age by default).',
  laravel: 'Add a middleware that sends `Strict-Transport-Security: max-age=31536000`.',
  'asp.net-core': 'Call `app.UseHsts()` with `options.MaxAge = TimeSpan.FromDays(365)`.',
  'java-servlet': "Enable the container's HSTS filter (Tomcat `HttpHeaderSecurityFilter`, `hstsMaxAgeSeconds=31536000`).",
  'spring-session': "Keep Spring Security's HSTS header (`headers().httpStrictTransportSecurity()`, one year by default).",
};

/** One year, the HSTS max-age the rubric (and the HSTS preload list) asks for. */
export const HSTS_MIN_MAX_AGE = 31_536_000;

/**
 * Whether HSTS means anything for this host: browsers ignore it on IP addresses (RFC 6797 8.1),
 * and for localhost the rubric chooses not to ask for it (HSTS sent from localhost pins every
 * local dev server to https).
 */
export function hstsApplies(host: string): boolean {
  if (host.endsWith('localhost') && (host.length === 9 || host.endsWith('.localhost'))) return false;
  if (host.startsWith('[')) return false;
  // An IPv4 address: digits and dots only (a host name has a letter somewhere).
  for (let i = 0; i < host.length; i++) {
    const code = host.charCodeAt(i);
    if (code !== 0x2e && (code < 0x30 || code > 0x39)) return true;
  }
  return host.length === 0;
}

/** What an https response from such a host gets instead of hsts-missing (rubric section 4). */
export const HSTS_NOT_APPLICABLE = {
  id: 'hsts-not-applicable',
  message: 'HSTS does not apply to an IP address or localhost: check Strict-Transport-Security on your real host name.',
} as const;

/** The hsts-missing test without the host exemption: does the response lack a year of HSTS? */
export function lacksHsts(response: { readonly scheme: string; readonly hstsMaxAge: number | null }): boolean {
  return response.scheme === 'https' && (response.hstsMaxAge ?? 0) < HSTS_MIN_MAX_AGE;
}

/**
 * `hsts-missing`: an https response without Strict-Transport-Security max-age >= one year, so a
 * first http request can still be intercepted; not on IP addresses or localhost (RFC 6797 8.1).
 * Sources: ASVS 5 3.4.1, MDN Observatory, RFC 6797.
 */
export const hstsMissing = defineCookieRule({
  id: 'hsts-missing',
  deduction: 5,
  cap: null,
  evidence: ['set'],
  doc: {
    when: 'An https response without Strict-Transport-Security max-age >= 31536000 (not on IP addresses or localhost).',
    why: 'The first visit, or a typed http:// link, can be downgraded to plain http before the redirect.',
    sources: 'ASVS 5 3.4.1; MDN Observatory; RFC 6797',
  },
  snippet: "app.use((req, res, next) => { res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains'); next(); });",
  explain: ({ response }) => {
    if (response.scheme !== 'https' || !hstsApplies(response.host)) return null;
    if (response.hstsMaxAge === null) return 'The https response sends no Strict-Transport-Security header.';
    return response.hstsMaxAge < HSTS_MIN_MAX_AGE ? `Strict-Transport-Security max-age=${response.hstsMaxAge} is under one year (31536000).` : null;
  },
  fix: HSTS_ADVICE,
});
