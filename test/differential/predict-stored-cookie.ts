/**
 * What our parser and rules say the browser stores for one Set-Cookie from one URL: the cookie
 * as Chrome's CDP reports it, or null when the line is ignored, rejected or deletes the cookie.
 */
import { cookieIdentity } from '../../src/core/cookie-identity.js';
import { isDeletion, MAX_LIFETIME_SECONDS } from '../../src/core/cookie-lifetime.js';
import { parseSetCookie } from '../../src/core/parse-set-cookie.js';
import { cookieRuleContext } from '../../src/grade/grade-set-cookie.js';
import { responseContext } from '../../src/core/response-context.js';
import { COOKIE_RULES } from '../../src/rules/all-rules.js';
import { detectSessionCookie } from '../../src/detect/detect-session-cookie.js';

export interface StoredCookie {
  readonly name: string;
  readonly value: string;
  /** As CDP reports it: the host for a host-only cookie, `.domain` otherwise. */
  readonly domain: string;
  readonly path: string;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite: 'Strict' | 'Lax' | 'None' | null;
  /** Seconds since the epoch, or null for a browser-session cookie. */
  readonly expires: number | null;
}

/** The rules that say the browser drops the cookie (rubric section 4, `rejected-*`). */
const REJECTIONS = COOKIE_RULES.filter((rule) => rule.id.startsWith('rejected-'));

export function predictStoredCookie(header: string, url: string, nowMs: number): StoredCookie | null {
  const cookie = parseSetCookie(header);
  if (cookie.rejection !== null) return null;
  const response = responseContext({ url, method: 'GET', requestHeaders: [], requestBodyParamNames: null, status: 200, responseHeaders: [], time: nowMs });
  const context = cookieRuleContext(cookie, response, detectSessionCookie(cookie.name, cookie.value));
  if (REJECTIONS.some((rule) => rule.explain(context) !== null)) return null;
  if (isDeletion(cookie, nowMs)) return null;
  const identity = cookieIdentity(cookie, response);
  const now = Math.floor(nowMs / 1000);
  const cap = now + MAX_LIFETIME_SECONDS;
  const expires =
    cookie.maxAge !== null ? Math.min(now + cookie.maxAge, cap) : cookie.expires !== null ? Math.min(Math.floor(cookie.expires / 1000), cap) : null;
  return {
    name: cookie.name,
    value: cookie.value,
    domain: identity.hostOnly ? identity.domain : `.${identity.domain}`,
    path: identity.path,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: cookie.sameSite === 'Unrecognized' ? null : cookie.sameSite,
    expires,
  };
}
