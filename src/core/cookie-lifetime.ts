/**
 * How long a cookie lives, as the browser computes it (RFC 6265bis 5.7 step 3): Max-Age wins over
 * Expires; Expires counts from the response's Date header (or the observation time).
 */
import type { ParsedSetCookie } from './parsed-set-cookie.js';

/** RFC 6265bis 5.5: browsers cap a cookie's lifetime at 400 days. */
export const MAX_LIFETIME_SECONDS = 400 * 24 * 3600;

/** Lifetime in seconds; `null` for a browser-session cookie (no valid Max-Age or Expires). */
export function cookieLifetimeSeconds(cookie: ParsedSetCookie, responseTime: number): number | null {
  if (cookie.maxAge !== null) return cookie.maxAge;
  if (cookie.expires !== null) return Math.floor((cookie.expires - responseTime) / 1000);
  return null;
}

/**
 * A deletion: an effective Max-Age of 0 or less, or (without a valid Max-Age) an Expires at or
 * before the response time (rubric section 2).
 */
export function isDeletion(cookie: ParsedSetCookie, responseTime: number): boolean {
  if (cookie.maxAge !== null) return cookie.maxAge <= 0;
  return cookie.expires !== null && cookie.expires <= responseTime;
}
