/**
 * What Chromium and Firefox each do with one Set-Cookie line (rubric section 1, "Browsers differ,
 * and the product says so"): stored or dropped, why, and where a browser's reading departs from
 * the draft's. Each departure modelled here was measured by the differential tests.
 */
import { isDeletion } from '../core/cookie-lifetime.js';
import type { ParsedSetCookie } from '../core/parsed-set-cookie.js';
import { parseSetCookie } from '../core/parse-set-cookie.js';
import { BROWSER_NAMES, type Browser, type BrowserOutcome, type BrowserOutcomes } from '../core/reader.js';
import type { ResponseContext } from '../core/response-context.js';
import { isDropped, setCookieOutcome, storeRejection, type SetCookieOutcome, type StoredCookie } from './stored-cookie.js';

const EXPIRED = 'The line expires the cookie at once.';
const EXPIRED_HERE = "It reads the line's Expires or Max-Age as already past, which the draft ignores: the cookie expires at once.";

/**
 * True when no browser reads the line differently from the draft: every measured departure needs
 * an empty name, a tab, or a Max-Age or Expires the draft ignores.
 */
function readsAsTheDraft(cookie: ParsedSetCookie): boolean {
  if (cookie.name === '' || cookie.raw.includes('\t')) return false;
  for (const diagnostic of cookie.diagnostics) {
    if (diagnostic.kind === 'invalid-expires' || diagnostic.kind === 'invalid-max-age') return false;
  }
  return true;
}

function lifetimeInWords(expires: number | null): string {
  return expires === null ? 'a browser-session cookie' : `a cookie that expires ${new Date(expires).toISOString()}`;
}

/** How `browser`'s stored cookie differs from the draft's, in one sentence, or null. */
function storedDifference(browser: Browser, draft: StoredCookie | null, stored: StoredCookie): string | null {
  const name = BROWSER_NAMES[browser];
  if (draft === null) return `${name} stores this line, which the draft ignores.`;
  if (draft.name !== stored.name) {
    return stored.value === ''
      ? `${name} reads the pair without "=" as the name \`${stored.name}\` with an empty value.`
      : `${name} reads the name as \`${stored.name}\`.`;
  }
  if (draft.expires !== stored.expires) {
    return `${name} stores ${lifetimeInWords(stored.expires)}, where the draft gives ${lifetimeInWords(draft.expires)}.`;
  }
  return null;
}

function outcomeIn(browser: Browser, draft: SetCookieOutcome, own: SetCookieOutcome): BrowserOutcome {
  const draftCookie = isDropped(draft) || draft.expired ? null : draft.cookie;
  if (isDropped(own)) {
    const named = isDropped(draft) && draft.dropped.startsWith('rejected-') && draft.dropped === own.dropped;
    return { outcome: 'dropped', reason: own.dropped, explanation: own.explanation, departs: !named };
  }
  if (own.expired) {
    const named = draftCookie === null;
    return { outcome: 'dropped', reason: 'expired', explanation: named ? EXPIRED : EXPIRED_HERE, departs: !named };
  }
  return { outcome: 'stored', reason: null, explanation: storedDifference(browser, draftCookie, own.cookie), departs: false };
}

const STORED: BrowserOutcome = Object.freeze({ outcome: 'stored', reason: null, explanation: null, departs: false });
const BOTH_STORE: BrowserOutcomes = Object.freeze({ chromium: STORED, firefox: STORED });
const EXPIRES: BrowserOutcome = Object.freeze({ outcome: 'dropped', reason: 'expired', explanation: EXPIRED, departs: false });
const BOTH_EXPIRE: BrowserOutcomes = Object.freeze({ chromium: EXPIRES, firefox: EXPIRES });

/** The outcome of `cookie` (the draft's reading) in each browser, received from `response`. */
export function browserOutcomes(cookie: ParsedSetCookie, response: ResponseContext): BrowserOutcomes {
  if (readsAsTheDraft(cookie)) {
    // Most lines: both browsers do what the draft says, so only the store's rejections can differ from "stored".
    const rejection = storeRejection(cookie, response);
    if (rejection === null) return isDeletion(cookie, response.time) ? BOTH_EXPIRE : BOTH_STORE;
    const same = outcomeIn('chromium', rejection, rejection);
    return { chromium: same, firefox: same };
  }
  const draft = setCookieOutcome(cookie, response);
  return {
    chromium: outcomeIn('chromium', draft, setCookieOutcome(parseSetCookie(cookie.raw, 'chromium'), response)),
    firefox: outcomeIn('firefox', draft, setCookieOutcome(parseSetCookie(cookie.raw, 'firefox'), response)),
  };
}
