/** Which cookie a Set-Cookie writes: browsers key their cookie store by name, domain and path. */
import { domainMatches } from './domain-match.js';
import type { ResponseContext } from './response-context.js';
import type { ParsedSetCookie } from './parsed-set-cookie.js';

export interface CookieIdentity {
  readonly name: string;
  /** The Domain attribute, or the response host for a host-only cookie. */
  readonly domain: string;
  /** Null for a cookie seen only in requests or by script: its path is unknown. */
  readonly path: string | null;
  readonly hostOnly: boolean;
}

/** RFC 6265bis 5.1.4: the default path is the request path up to its last "/". */
export function defaultCookiePath(requestPath: string): string {
  if (!requestPath.startsWith('/')) return '/';
  const last = requestPath.lastIndexOf('/');
  return last <= 0 ? '/' : requestPath.slice(0, last);
}

/** The identity a Set-Cookie line writes: its path is always known. */
export type PlacedIdentity = CookieIdentity & { readonly path: string };

export function cookieIdentity(cookie: ParsedSetCookie, response: ResponseContext): PlacedIdentity {
  return {
    name: cookie.name,
    domain: cookie.domain ?? response.host,
    path: cookie.path ?? defaultCookiePath(response.path),
    hostOnly: cookie.domain === null,
  };
}

export function identityKey(identity: CookieIdentity): string {
  return `${identity.name}\u0000${identity.domain}\u0000${identity.path ?? ''}`;
}

/** RFC 6265bis 5.8.3: a host-only cookie goes to its host only, a Domain cookie to every host that domain-matches. */
export function isSentToHost(identity: CookieIdentity, host: string): boolean {
  return identity.hostOnly ? host === identity.domain : domainMatches(host, identity.domain);
}
