/**
 * Evidence about cookies that is not an HTTP exchange (rubric sections 1 and 2.3): what the
 * browser's cookie store held for a URL (read with the user's permission), and what page script
 * could read through `document.cookie` (the page can lie: evidence of visibility only).
 */

/** One cookie as the browser's store reports it (cookies.getAll). */
export interface StoredCookie {
  readonly name: string;
  readonly value: string;
  /** Lower-cased, without a leading dot. */
  readonly domain: string;
  readonly hostOnly: boolean;
  readonly path: string;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  /** The store's own word: `unspecified` when the cookie was set without SameSite. */
  readonly sameSite: 'strict' | 'lax' | 'none' | 'unspecified';
  /** Epoch milliseconds, or null for a browser-session cookie. */
  readonly expires: number | null;
  readonly partitioned: boolean;
}

export interface StoreReading {
  readonly kind: 'store';
  /** The URL the store was asked about (the inspected page). */
  readonly url: string;
  /** Epoch milliseconds of the reading. */
  readonly time: number;
  readonly cookies: readonly StoredCookie[];
}

export interface ScriptReading {
  readonly kind: 'script';
  /** The page whose `document.cookie` was read. */
  readonly url: string;
  readonly time: number;
  readonly cookies: readonly { readonly name: string; readonly value: string }[];
}

export type Reading = StoreReading | ScriptReading;

/** name=value pairs of a `document.cookie` string (RFC 6265bis 5.8.4 serialisation). */
export function parseCookieString(text: string): { name: string; value: string }[] {
  const pairs: { name: string; value: string }[] = [];
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const equals = part.indexOf('=');
    pairs.push(equals < 0 ? { name: '', value: part.trim() } : { name: part.slice(0, equals).trim(), value: part.slice(equals + 1).trim() });
  }
  return pairs;
}
