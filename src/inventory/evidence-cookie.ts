/**
 * The rules of rubric section 4 read a ParsedSetCookie and its response. A cookie known from the
 * browser's store, or only from the values requests carried, is given to them in that same shape
 * (rubric section 2.3), with only what the evidence says: the grader then runs just the rules
 * that evidence can answer.
 */
import type { ParsedSetCookie, SameSiteAttribute } from '../core/parsed-set-cookie.js';
import type { ResponseContext } from '../core/response-context.js';
import { isTrustworthyUrl, urlParts } from '../core/trustworthy-url.js';
import type { StoredCookie } from '../observation/readings.js';

const NO_DIAGNOSTICS = Object.freeze([]);

const STORE_SAME_SITE: Readonly<Record<StoredCookie['sameSite'], SameSiteAttribute | null>> = {
  strict: 'Strict',
  lax: 'Lax',
  none: 'None',
  unspecified: null,
};

/** A stored cookie as the Set-Cookie line that would have stored it. */
export function parsedFromStore(cookie: StoredCookie): ParsedSetCookie {
  return {
    raw: '',
    name: cookie.name,
    value: cookie.value,
    expires: cookie.expires,
    maxAge: null,
    domain: cookie.hostOnly ? null : cookie.domain,
    path: cookie.path,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: STORE_SAME_SITE[cookie.sameSite],
    partitioned: cookie.partitioned,
    priority: null,
    rejection: null,
    diagnostics: NO_DIAGNOSTICS,
  };
}

/** A cookie known only by its name and a value a request carried: every attribute unknown (absent). */
export function parsedFromSent(name: string, value: string): ParsedSetCookie {
  return {
    raw: '',
    name,
    value,
    expires: null,
    maxAge: null,
    domain: null,
    path: null,
    secure: false,
    httpOnly: false,
    sameSite: null,
    partitioned: false,
    priority: null,
    rejection: null,
    diagnostics: NO_DIAGNOSTICS,
  };
}

/** Where evidence without a response was taken: the URL and time stand in for the response. */
export function contextWithoutResponse(url: string, time: number): ResponseContext {
  const { scheme, host, path } = urlParts(url);
  return { url, scheme, host, path, trustworthy: isTrustworthyUrl(url), time, cacheControlPrevents: false, hstsMaxAge: null };
}
