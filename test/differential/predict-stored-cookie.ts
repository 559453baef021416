/**
 * What the library's `storedCookie()` says a browser stores for one Set-Cookie from one URL, in
 * the form the browsers' own stores report (CDP, Services.cookies): the host for a host-only
 * cookie, `.domain` otherwise; expiry in seconds. Null when it stores nothing.
 */
import { storedCookie } from '../../src/browsers/stored-cookie.js';
import type { Reader } from '../../src/core/reader.js';

/** A cookie as the browsers' own stores report it (CDP, Services.cookies), for comparison. */
export interface StoreEntry {
  readonly name: string;
  readonly value: string;
  readonly domain: string;
  readonly path: string;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite: 'Strict' | 'Lax' | 'None' | null;
  /** Seconds since the epoch, or null for a browser-session cookie. */
  readonly expires: number | null;
}

const CDP_SAME_SITE = { strict: 'Strict', lax: 'Lax', none: 'None', unspecified: null } as const;

export function predictStoredCookie(header: string, url: string, nowMs: number, browser: Reader): StoreEntry | null {
  const stored = storedCookie(header, { url, browser, now: nowMs });
  if ('dropped' in stored) return null;
  return {
    name: stored.name,
    value: stored.value,
    domain: stored.hostOnly ? stored.domain : `.${stored.domain}`,
    path: stored.path,
    secure: stored.secure,
    httpOnly: stored.httpOnly,
    sameSite: CDP_SAME_SITE[stored.sameSite],
    expires: stored.expires === null ? null : Math.floor(stored.expires / 1000),
  };
}
