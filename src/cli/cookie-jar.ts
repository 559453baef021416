/**
 * The smallest cookie jar that lets a redirect chain behave as in a browser: cookies set by one
 * hop are sent on the next when their domain, path and Secure flag allow it (RFC 6265bis 5.8.3).
 */
import { isDeletion } from '../core/cookie-lifetime.js';
import { domainMatches } from '../core/domain-match.js';
import { parseSetCookie } from '../core/parse-set-cookie.js';
import { isTrustworthyUrl, urlParts } from '../core/trustworthy-url.js';
import { cookieIdentity, identityKey, isSentToHost, type PlacedIdentity } from '../core/cookie-identity.js';
import type { ResponseContext } from '../core/response-context.js';
import { pathMatches } from '../core/path-match.js';

interface StoredCookie {
  readonly identity: PlacedIdentity;
  readonly value: string;
  readonly secure: boolean;
}

export class CookieJar {
  readonly #cookies = new Map<string, StoredCookie>();

  /** Stores (or removes) what the response's Set-Cookie lines say, as a browser would. */
  store(lines: readonly string[], response: ResponseContext): void {
    for (const line of lines) {
      const cookie = parseSetCookie(line);
      if (cookie.rejection !== null) continue;
      if (cookie.secure && !response.trustworthy) continue;
      const identity = cookieIdentity(cookie, response);
      if (!identity.hostOnly && !domainMatches(response.host, identity.domain)) continue;
      const key = identityKey(identity);
      if (isDeletion(cookie, response.time)) this.#cookies.delete(key);
      else this.#cookies.set(key, { identity, value: cookie.value, secure: cookie.secure });
    }
  }

  /** The Cookie header value for a request to `url`, or null when no cookie applies. */
  cookieHeaderFor(url: string): string | null {
    const { host, path } = urlParts(url);
    const trustworthy = isTrustworthyUrl(url);
    const pairs: string[] = [];
    for (const { identity, value, secure } of this.#cookies.values()) {
      if (isSentToHost(identity, host) && pathMatches(path || '/', identity.path) && (!secure || trustworthy)) {
        pairs.push(identity.name === '' ? value : `${identity.name}=${value}`);
      }
    }
    return pairs.length > 0 ? pairs.join('; ') : null;
  }
}
