/**
 * The CLI's cookie jar: the storage model of RFC 6265bis 5.7 and the Cookie header of 5.8.3, so a
 * redirect chain and a flow behave as in a browser. It stores through `setCookieOutcome`, the same
 * code that tells the grader what a browser drops (prefixes, Secure from an insecure origin,
 * SameSite=None without Secure, Partitioned without Secure, 4096 bytes, Domain and public
 * suffixes), in the draft's reading or a browser's.
 */
import { isSentToHost } from '../core/cookie-identity.js';
import { parseSetCookie } from '../core/parse-set-cookie.js';
import { pathMatches } from '../core/path-match.js';
import type { Reader } from '../core/reader.js';
import type { ResponseContext } from '../core/response-context.js';
import { isTrustworthyUrl, urlParts } from '../core/trustworthy-url.js';
import { isDropped, setCookieOutcome, type StoredCookie } from '../browsers/stored-cookie.js';

interface JarEntry {
  readonly cookie: StoredCookie;
  /** Kept from the cookie it replaced (5.7 step 23): it orders the Cookie header. */
  readonly created: number;
}

/** Where a cookie comes from: a response, or page script (`document.cookie`, which cannot touch HttpOnly). */
export type CookieSource = 'http' | 'script';

function keyOf(cookie: StoredCookie): string {
  return `${cookie.name}\u0000${cookie.domain}\u0000${cookie.path}`;
}

export class CookieJar {
  readonly #entries = new Map<string, JarEntry>();
  readonly #reader: Reader;
  /** A counter rather than the clock: two cookies stored in one millisecond keep their order. */
  #created = 0;

  constructor(reader: Reader = 'rfc') {
    this.#reader = reader;
  }

  /** Stores (or removes) what the response's Set-Cookie lines say, as a browser would. */
  store(lines: readonly string[], response: ResponseContext, source: CookieSource = 'http'): void {
    for (const line of lines) this.#storeOne(line, response, source);
  }

  #storeOne(line: string, response: ResponseContext, source: CookieSource): void {
    const outcome = setCookieOutcome(parseSetCookie(line, this.#reader), response);
    if (isDropped(outcome)) return;
    const { cookie, expired } = outcome;
    // 5.7 step 10: script may neither set nor replace an HttpOnly cookie.
    if (source === 'script' && cookie.httpOnly) return;
    const key = keyOf(cookie);
    const existing = this.#entries.get(key);
    if (source === 'script' && existing?.cookie.httpOnly) return;
    // 5.7 step 16 ("leave secure cookies alone"): an insecure origin may not shadow a Secure cookie.
    if (!cookie.secure && !response.trustworthy && this.#shadowsSecureCookie(cookie)) return;
    if (expired) {
      this.#entries.delete(key);
      return;
    }
    this.#entries.set(key, { cookie, created: existing?.created ?? this.#created++ });
  }

  #shadowsSecureCookie(cookie: StoredCookie): boolean {
    for (const { cookie: stored } of this.#entries.values()) {
      if (!stored.secure || stored.name !== cookie.name) continue;
      const domainsMatch = isSentToHost({ ...stored, hostOnly: false }, cookie.domain) || isSentToHost({ ...cookie, hostOnly: false }, stored.domain);
      if (domainsMatch && pathMatches(cookie.path, stored.path)) return true;
    }
    return false;
  }

  /**
   * The cookies a request to `url` carries, in the order of RFC 6265bis 5.8.3: longer paths
   * first, then the earlier created. Expired cookies are evicted first; `source: 'script'` leaves
   * out HttpOnly cookies, as `document.cookie` does.
   */
  cookiesFor(url: string, now: number, source: CookieSource = 'http'): StoredCookie[] {
    const { host, path } = urlParts(url);
    const trustworthy = isTrustworthyUrl(url);
    const matching: JarEntry[] = [];
    for (const [key, entry] of this.#entries) {
      const { cookie } = entry;
      if (cookie.expires !== null && cookie.expires <= now) {
        this.#entries.delete(key);
        continue;
      }
      if (!isSentToHost(cookie, host) || !pathMatches(path || '/', cookie.path)) continue;
      if (cookie.secure && !trustworthy) continue;
      if (source === 'script' && cookie.httpOnly) continue;
      matching.push(entry);
    }
    matching.sort((a, b) => b.cookie.path.length - a.cookie.path.length || a.created - b.created);
    return matching.map((entry) => entry.cookie);
  }

  /** Every cookie the jar holds (expired ones included until a request evicts them), in creation order. */
  all(): StoredCookie[] {
    return [...this.#entries.values()].sort((a, b) => a.created - b.created).map((entry) => entry.cookie);
  }

  /**
   * Puts a cookie in the jar as it is, replacing the one with its name, domain and path: what
   * another jar held (`--active` sends old cookies again), or a value planted as an attacker would.
   */
  put(cookie: StoredCookie): void {
    const key = keyOf(cookie);
    this.#entries.set(key, { cookie, created: this.#entries.get(key)?.created ?? this.#created++ });
  }

  /** The Cookie header value for a request to `url`, or null when no cookie applies. */
  cookieHeaderFor(url: string, now = Date.now()): string | null {
    const pairs = this.cookiesFor(url, now).map(serializePair);
    return pairs.length > 0 ? pairs.join('; ') : null;
  }
}

/** RFC 6265bis 5.8.3 step 4: `name=value`, or the value alone for a nameless cookie. */
export function serializePair(cookie: { readonly name: string; readonly value: string }): string {
  return cookie.name === '' ? cookie.value : `${cookie.name}=${cookie.value}`;
}
