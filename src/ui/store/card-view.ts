/**
 * What the panel shows of one cookie: its card, as plain data (values masked unless revealed),
 * built by panel-view.ts and shown by CookieCard.tsx.
 */
import type { Finding, Note } from '../../core/finding.js';
import type { CookieLetter } from '../../core/letter.js';
import type { UrlCount } from '../../core/url-tally.js';
import type { UserMark } from '../../detect/detect-session-cookie.js';
import type { Framework } from '../../detect/framework.js';
import type { AttributeChange } from '../../grade/grade-observations.js';
import type { GradedFrom } from '../../grade/grade-set-cookie.js';
import type { SeenAs } from '../../inventory/cookie-inventory.js';
import type { TimelineEvent } from '../../trace/analyze-trace.js';

export type { UrlCount };

/** A response that deleted the cookie, as "POST /logout (303)" reads it; with how many times. */
export interface ClearingResponse {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly count: number;
}

export interface AttributeView {
  readonly label: string;
  readonly value: string;
  /** true: as it should be for a session id; false: a problem; null: neutral. */
  readonly good: boolean | null;
}

export interface CookieCardView {
  readonly key: string;
  /** The card's element id, for the summary's links. */
  readonly anchor: string;
  /** The Set-Cookie line the grade rests on, masked like every other text; null when not graded from one. */
  readonly setCookieLine: string | null;
  /** The finding that costs most (lowest cap, then largest deduction), or null. */
  readonly worstFinding: string | null;
  /** What the latest Set-Cookie changed against the one before it with other attributes (URL masked). */
  readonly change: AttributeChange | null;
  /** Carries a session id (by detection or by the user's mark): gets a letter and a card. */
  readonly isSession: boolean;
  readonly name: string;
  readonly grade: CookieLetter | null;
  readonly score: number | null;
  /** What the grade rests on: a Set-Cookie line, the browser's store, or only requests (attributes unknown). */
  readonly gradedFrom: GradedFrom;
  readonly seenAs: readonly SeenAs[];
  readonly framework: Framework;
  readonly reason: string;
  /** Why detection decided so: the format, the default name, or the vendor of a cookie ruled out. */
  readonly why: string;
  readonly deletion: boolean;
  readonly thirdParty: boolean;
  readonly mark: UserMark | null;
  readonly value: string;
  readonly attributes: readonly AttributeView[];
  readonly findings: readonly Finding[];
  readonly notes: readonly Note[];
  readonly aPlusMissing: readonly string[];
  /** Distinct URLs (most recent first, at most RECENT_URLS_LISTED), each with how many exchanges it stands for. */
  readonly setBy: readonly UrlCount[];
  /** Distinct URLs that set (or deleted) it. */
  readonly setByCount: number;
  readonly setByExchanges: number;
  readonly sentWith: readonly UrlCount[];
  readonly sentWithCount: number;
  readonly sentWithExchanges: number;
  /** The last TIMELINE_SHOWN events; empty on a deletion's card: the cookie's own card shows the history. */
  readonly timeline: readonly TimelineEvent[];
  /** How many events the whole timeline has. */
  readonly timelineLength: number;
  /** On a deletion's card, the responses that deleted it (distinct, most recent first, URLs masked); else empty. */
  readonly clearedBy: readonly ClearingResponse[];
  /** A finding id whose fix this card already showed, by the finding that repeats it. */
  readonly sameFixAs: Readonly<Record<string, string>>;
  /** A number per finding (in order) that equal fix advice shares: the card compares fixes by it. */
  readonly fixNumbers: readonly number[];
}
