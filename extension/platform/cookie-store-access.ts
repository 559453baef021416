/**
 * CookieStoreAccess over the WebExtension `permissions` and `cookies` APIs (passed in, so this
 * module touches no browser global and tests give fakes). Nothing is asked for at install time:
 * the manifest lists `cookies` and host access as optional, and each call asks only for the
 * inspected host (`*://<host>/*`, any port), so a user grants exactly what they clicked for.
 */
import { siteOfHost } from '../../src/core/site.js';
import type { StoredCookie } from '../../src/observation/readings.js';
import type { CookieStoreAccess, StoreAnswer } from './panel-platform.js';

/** The part of cookies.Cookie we read (Chrome and Firefox share it). */
export interface BrowserCookie {
  readonly name: string;
  readonly value: string;
  readonly domain: string;
  readonly hostOnly: boolean;
  readonly path: string;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite?: string;
  readonly session?: boolean;
  readonly expirationDate?: number;
  readonly storeId?: string;
  readonly partitionKey?: unknown;
  readonly firstPartyDomain?: string;
}

export interface CookieApis {
  readonly permissions: { request(permissions: { permissions: string[]; origins: string[] }): Promise<boolean> };
  readonly cookies: {
    getAll(details: Record<string, unknown>): Promise<BrowserCookie[]>;
    remove(details: Record<string, unknown>): Promise<unknown>;
  };
  readonly browser: 'chrome' | 'firefox';
}

function hostPattern(url: string): string {
  return `*://${new URL(url).hostname}/*`;
}

/**
 * Partitioned cookies too: `partitionKey: {}` asks for every partition (Chrome 119+, Firefox 94+).
 * Firefox also needs `firstPartyDomain: null` to answer at all under first-party isolation
 * (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/cookies/getAll); Chrome
 * rejects that key, so it is added for Firefox only.
 */
function allPartitions(browser: 'chrome' | 'firefox', details: Record<string, unknown>): Record<string, unknown> {
  return browser === 'firefox' ? { ...details, partitionKey: {}, firstPartyDomain: null } : { ...details, partitionKey: {} };
}

const SAME_SITE: Readonly<Record<string, StoredCookie['sameSite']>> = { strict: 'strict', lax: 'lax', no_restriction: 'none' };

export function storedCookie(cookie: BrowserCookie): StoredCookie {
  return {
    name: cookie.name,
    value: cookie.value,
    domain: cookie.domain.replace(/^\./, '').toLowerCase(),
    hostOnly: cookie.hostOnly,
    path: cookie.path,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: SAME_SITE[cookie.sameSite ?? ''] ?? 'unspecified',
    expires: cookie.session || cookie.expirationDate === undefined ? null : Math.round(cookie.expirationDate * 1000),
    partitioned: cookie.partitionKey !== undefined && cookie.partitionKey !== null,
  };
}

/** The store operations themselves, for a context that already holds the permissions. */
export function cookieStoreOperations(apis: Pick<CookieApis, 'cookies' | 'browser'>) {
  const { cookies, browser } = apis;
  return {
    read: async (url: string): Promise<StoredCookie[]> => (await cookies.getAll(allPartitions(browser, { url }))).map(storedCookie),
    clearSite: async (url: string): Promise<number> => {
      const { hostname } = new URL(url);
      const site = siteOfHost(hostname);
      const found = [...(await cookies.getAll(allPartitions(browser, { url }))), ...(await cookies.getAll(allPartitions(browser, { domain: site })))];
      const seen = new Set<string>();
      let removed = 0;
      for (const cookie of found) {
        const key = `${cookie.name}\u0000${cookie.domain}\u0000${cookie.path}\u0000${JSON.stringify(cookie.partitionKey ?? null)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const cookieUrl = `${cookie.secure ? 'https' : 'http'}://${cookie.domain.replace(/^\./, '')}${cookie.path}`;
        const details: Record<string, unknown> = { url: cookieUrl, name: cookie.name, storeId: cookie.storeId };
        if (cookie.partitionKey !== undefined) details.partitionKey = cookie.partitionKey;
        if (browser === 'firefox' && cookie.firstPartyDomain !== undefined) details.firstPartyDomain = cookie.firstPartyDomain;
        await cookies.remove(details);
        removed++;
      }
      return removed;
    },
  };
}

/** Asks for the permissions for `url`'s host (any port), as one request. */
export function requestStoreAccess(permissions: CookieApis['permissions'], url: string): Promise<boolean> {
  return permissions.request({ permissions: ['cookies'], origins: [hostPattern(url)] });
}

/** CookieStoreAccess for a page that may call permissions.request itself (Chrome's panels). */
export function createCookieStoreAccess(apis: CookieApis): CookieStoreAccess {
  const operations = cookieStoreOperations(apis);
  const guarded =
    <T>(action: (url: string) => Promise<T>) =>
    async (url: string): Promise<StoreAnswer<T>> =>
      (await requestStoreAccess(apis.permissions, url)) ? { granted: true, result: await action(url) } : { granted: false };
  return { read: guarded(operations.read), clearSite: guarded(operations.clearSite) };
}
