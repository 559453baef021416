/**
 * The site of a trace and the cookies that belong to it (rubric sections 1 and 3): a site is a
 * registrable domain (the public suffix list from `tldts`, private domains included, as browsers
 * use it); a cookie belongs to the site when the registrable domain of its domain (its Domain
 * attribute, or its host) is the site, and is third-party otherwise.
 *
 * @see https://publicsuffix.org/ (registrable domain)
 * @see https://www.rfc-editor.org/rfc/rfc6265bis (section 5.2, "same-site")
 */
import { getDomain } from 'tldts';
import { urlParts } from './trustworthy-url.js';

/** The site of a host: its registrable domain (`app.example.co.uk` -> `example.co.uk`), else the host (an IP address, `localhost`). */
export function siteOfHost(host: string): string {
  const bare = host.toLowerCase().replace(/^\./, '');
  return getDomain(bare, { allowPrivateDomains: true }) ?? bare;
}

/** The site of a URL, or null when it has no host. */
export function siteOfUrl(url: string): string | null {
  const { host } = urlParts(url);
  return host === '' ? null : siteOfHost(host);
}

/** A cookie is third-party when a site is known and its domain's site is another (rubric section 1). */
export function isThirdParty(cookieDomain: string, site: string | null): boolean {
  return site !== null && siteOfHost(cookieDomain) !== site;
}
