/**
 * What a browser stores for one Set-Cookie line from one URL: the parse (RFC 6265bis 5.6, in the
 * browser's own reading where it departs from the draft), the storage model's rejections
 * (RFC 6265bis 5.7: prefixes, Secure from an insecure origin, SameSite=None without Secure,
 * Partitioned without Secure, 4096 bytes, Domain and public suffixes) and its lifetime (400-day cap).
 * The same code serves the grader's browser outcomes, the CLI's cookie jar and `storedCookie()`.
 */
import { defaultCookiePath } from '../core/cookie-identity.js';
import { MAX_LIFETIME_SECONDS } from '../core/cookie-lifetime.js';
import { parseSetCookie } from '../core/parse-set-cookie.js';
import type { ParsedSetCookie } from '../core/parsed-set-cookie.js';
import type { Reader } from '../core/reader.js';
import { responseContext, type ResponseContext } from '../core/response-context.js';
import { NOT_A_SESSION } from '../detect/detect-session-cookie.js';
import { REJECTION_RULES } from '../rules/all-rules.js';
import type { StoredCookie } from '../observation/readings.js';
import { PARSE_REJECTION_MESSAGES } from './parse-rejection-messages.js';

export type { StoredCookie };

const STORE_SAME_SITE = { Strict: 'strict', Lax: 'lax', None: 'none', Unrecognized: 'unspecified' } as const;

/** Why the browser keeps nothing: a parse rejection (ParseRejection), a `rejected-*` rule id, or `expired`. */
export type DropReason = string;

export interface DroppedCookie {
  readonly dropped: DropReason;
  /** One sentence, with no cookie value in it. */
  readonly explanation: string;
}

/** A stored cookie, with `expired` when the line deletes it instead (RFC 6265bis 5.7 step 3). */
export type SetCookieOutcome = { readonly cookie: StoredCookie; readonly expired: boolean } | DroppedCookie;

/**
 * What `storedCookie()` gives: the cookie the browser keeps, or why it keeps none. `dropped` is
 * the discriminant (a string on a dropped cookie, absent on a stored one), so either
 * `isDropped(result)` or `result.dropped !== undefined` narrows it.
 */
export type StoredCookieResult = (StoredCookie & { readonly dropped?: undefined }) | DroppedCookie;

/** True for a dropped cookie: narrows `storedCookie()`'s result (or a store outcome) to `DroppedCookie`. */
export function isDropped<T extends object>(outcome: T | DroppedCookie): outcome is DroppedCookie {
  return 'dropped' in outcome && typeof outcome.dropped === 'string';
}

/** Why the store drops `cookie` from `response` (a parse rejection or a `rejected-*` rule), or null. */
export function storeRejection(cookie: ParsedSetCookie, response: ResponseContext): DroppedCookie | null {
  if (cookie.rejection !== null) return { dropped: cookie.rejection, explanation: PARSE_REJECTION_MESSAGES[cookie.rejection] };
  const context = { cookie, response, session: NOT_A_SESSION, lifetimeSeconds: null, entropyBits: 0, browsers: null, secretMatch: null, serverCheck: null };
  for (const rule of REJECTION_RULES) {
    const explanation = rule.explain(context);
    if (explanation !== null) return { dropped: rule.id, explanation };
  }
  return null;
}

/** The outcome of `cookie` (parsed in `reader`'s reading) in a store receiving it from `response`. */
export function setCookieOutcome(cookie: ParsedSetCookie, response: ResponseContext): SetCookieOutcome {
  const rejection = storeRejection(cookie, response);
  if (rejection !== null) return rejection;
  const nowSeconds = Math.floor(response.time / 1000);
  const capSeconds = nowSeconds + MAX_LIFETIME_SECONDS;
  const expiresSeconds =
    cookie.maxAge !== null
      ? Math.min(nowSeconds + cookie.maxAge, capSeconds)
      : cookie.expires !== null
        ? Math.min(Math.floor(cookie.expires / 1000), capSeconds)
        : null;
  const expired = cookie.maxAge !== null ? cookie.maxAge <= 0 : cookie.expires !== null && cookie.expires <= response.time;
  return {
    cookie: {
      name: cookie.name,
      value: cookie.value,
      domain: cookie.domain ?? response.host,
      hostOnly: cookie.domain === null,
      path: cookie.path ?? defaultCookiePath(response.path),
      secure: cookie.secure,
      httpOnly: cookie.httpOnly,
      sameSite: STORE_SAME_SITE[cookie.sameSite ?? 'Unrecognized'],
      expires: expiresSeconds === null ? null : expiresSeconds * 1000,
      partitioned: cookie.partitioned,
    },
    expired,
  };
}

/** The outcome of a raw line in `reader`'s reading. */
export function readSetCookie(line: string, response: ResponseContext, reader: Reader): SetCookieOutcome {
  return setCookieOutcome(parseSetCookie(line, reader), response);
}

export interface StoredCookieOptions {
  /** The URL of the response that carried the line. */
  readonly url: string;
  /** Whose reading: `chromium`, `firefox`, or `rfc` for RFC 6265bis as written. */
  readonly browser: Reader;
  /** Epoch milliseconds of the response (default: now). */
  readonly now?: number;
}

/**
 * The cookie `browser` would store for `setCookieLine` received from `url`, or why it stores
 * none (`{ dropped: reason, explanation }`; a line that expires the cookie is `dropped: 'expired'`).
 */
export function storedCookie(setCookieLine: string, options: StoredCookieOptions): StoredCookieResult {
  const response = responseContext({
    url: options.url,
    method: 'GET',
    status: 200,
    requestHeaders: [],
    requestBodyParamNames: null,
    responseHeaders: [],
    time: options.now ?? Date.now(),
  });
  const outcome = readSetCookie(setCookieLine, response, options.browser);
  if (isDropped(outcome)) return outcome;
  if (outcome.expired)
    return { dropped: 'expired', explanation: 'The line expires the cookie at once: it deletes a stored cookie of that name, domain and path.' };
  return outcome.cookie;
}
