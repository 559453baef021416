import { defineCookieRule } from './cookie-rule.js';
import { HSTS_ADVICE } from './fix-advice.js';

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
  explain: ({ response }) => {
    if (response.scheme !== 'https' || !hstsApplies(response.host)) return null;
    if (response.hstsMaxAge === null) return 'The https response sends no Strict-Transport-Security header.';
    return response.hstsMaxAge < HSTS_MIN_MAX_AGE
      ? `Strict-Transport-Security max-age=${response.hstsMaxAge} is under one year (31536000).`
      : null;
  },
  fix: HSTS_ADVICE,
});
