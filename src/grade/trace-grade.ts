/**
 * What grading a trace hands out (rubric sections 2-5): a grade per cookie, and the site grade,
 * the worst letter among the session cookies that belong to the trace's site (third-party ones are
 * listed, never counted). Values: nothing here changes once made.
 */
import type { CookieIdentity } from '../core/cookie-identity.js';
import type { Note } from '../core/finding.js';
import { worstLetter, type CookieLetter, type Letter } from '../core/letter.js';
import type { UrlTally } from '../core/url-tally.js';
import type { UserMark } from '../detect/detect-session-cookie.js';
import type { SeenAs } from '../inventory/cookie-inventory.js';
import type { Reading } from '../observation/readings.js';
import type { SecretVerdict } from '../secrets/known-secret-check.js';
import type { TimelineEvent } from '../trace/analyze-trace.js';
import type { ServerCheckResults } from '../trace/server-checks.js';
import type { GradedSetCookie } from './grade-set-cookie.js';

export interface CookieGrade extends GradedSetCookie {
  readonly identity: CookieIdentity;
  /** The URL of the response that set (or deleted) it; null when no response of the trace did. */
  readonly setBy: string | null;
  /** How many Set-Cookie lines of the trace wrote this cookie (issuances or deletions). */
  readonly issuances: number;
  /** The URLs of the responses that set it (for a deletion: that deleted it): counts and the most recent. */
  readonly setByUrls: UrlTally;
  /** The URLs of the requests that carried it (one per request): counts and the most recent. */
  readonly sentByUrls: UrlTally;
  /** How the trace knows the cookie: set, sent, store, script. */
  readonly seenAs: readonly SeenAs[];
  /** Its domain is not the trace's site (rubric section 1): listed, never in the site grade. */
  readonly thirdParty: boolean;
  /** Its `<name>.sig` signature companions in the trace (rubric 2.2). */
  readonly companions: readonly string[];
  /** What happened to a session cookie across the trace (empty for other cookies). */
  readonly timeline: readonly TimelineEvent[];
  /** How the latest issuance differs from the one before it with other attributes (the demo's learning loop); null if none did. */
  readonly change: AttributeChange | null;
}

/** The latest Set-Cookie against the previous one with other attributes: letters, and findings gained and lost. */
export interface AttributeChange {
  readonly before: CookieLetter | null;
  readonly after: CookieLetter | null;
  /** The response of the latest issuance. */
  readonly url: string;
  readonly appeared: readonly string[];
  readonly disappeared: readonly string[];
}

export type SiteGrade = Letter | 'none';

export interface TraceGrade {
  readonly cookies: readonly CookieGrade[];
  /** The registrable domain of the trace's first top-level document (rubric section 1), or null when unknown. */
  readonly site: string | null;
  /** The worst letter among the site's own session cookies. */
  readonly grade: SiteGrade;
  /** The site's session cookies seen only in requests whose grade is still unknown (they do not count). */
  readonly unknownSessionCookies: number;
  /** Every value of every cookie the trace saw, in every role: what reports mask. Never changed once made (its value index is kept per set). */
  readonly values: ReadonlySet<string>;
}

export interface InventoryGradeOptions {
  /** The trace's site (a registrable domain, see `siteOfUrl`); null or absent: every cookie counts as the site's. */
  readonly site?: string | null;
  /** The user's own marking by cookie name; it wins over detection. */
  readonly userMarks?: ReadonlyMap<string, UserMark>;
  /** Values whose signature verified with a known secret (rubric section 8), by value. */
  readonly secretMatches?: ReadonlyMap<string, SecretVerdict>;
  /** What the CLI's `--active` learnt from the server after a flow (rubric section 5, "Verified on the server"). */
  readonly serverChecks?: ServerCheckResults;
}

export interface TraceGradeOptions extends InventoryGradeOptions {
  /** Store and script readings that join the trace (rubric section 2.3). */
  readonly readings?: readonly Reading[];
}

export const SET_OUTSIDE_TRACE: Note = {
  id: 'set-outside-trace',
  message: 'Set before the recording, or by script: no Set-Cookie of this trace set it.',
};
/** The grade of a trace from its cookies' grades: the site grade and unknown count over the site's own session cookies (rubric section 3). */
export function traceGradeOf(cookies: readonly CookieGrade[], site: string | null, values: ReadonlySet<string>): TraceGrade {
  const own = cookies.filter((entry) => entry.session.isSession && !entry.thirdParty);
  return { cookies, site, grade: siteGrade(own), unknownSessionCookies: own.filter((entry) => entry.grade === 'unknown').length, values };
}

/** The worst letter among graded session cookies, or `none`; `unknown` grades do not count (rubric section 3). */
export function siteGrade(cookies: readonly GradedSetCookie[]): SiteGrade {
  const letters = cookies.flatMap((cookie) => (cookie.grade !== null && cookie.grade !== 'unknown' && cookie.session.isSession ? [cookie.grade] : []));
  return worstLetter(letters) ?? 'none';
}
