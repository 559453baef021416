import { getDomain } from 'tldts';
import { urlParts } from '../../core/trustworthy-url.js';

/** The site of a URL or host: its registrable domain (`app.example.co.uk` -> `example.co.uk`), else the host. */
export function siteOfHost(host: string): string {
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

export function siteOfUrl(url: string): string | null {
  const { host } = urlParts(url);
  return host === '' ? null : siteOfHost(host);
}
