/**
 * The JSON report shared by the CLI's `--json` and the panel's export (rubric section 7).
 * Field names are stable; values are masked unless `showValues` is set.
 */
import type { Browser } from '../core/reader.js';
import type { CookieGrade, SiteGrade, TraceGrade } from '../grade/grade-observations.js';
import type { Framework } from '../detect/framework.js';
import type { SessionReason } from '../detect/detect-session-cookie.js';
import type { CapLetter, CookieLetter } from '../core/letter.js';
import { EMPTY_VALUE_INDEX, buildValueIndex, type ValueIndex } from '../core/value-index.js';
import type { GradedFrom } from '../grade/grade-set-cookie.js';
import type { SeenAs } from '../inventory/cookie-inventory.js';
import type { TimelineEventType } from '../trace/analyze-trace.js';
import { RUBRIC_VERSION, VERSION } from '../version.js';

export interface ReportFinding {
  readonly id: string;
  readonly deduction: number;
  readonly cap: CapLetter | null;
  readonly message: string;
  readonly fix: Readonly<Record<string, string>>;
}

export interface ReportAttributes {
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite: 'Strict' | 'Lax' | 'None' | null;
  readonly maxAge: number | null;
  readonly expires: string | null;
  readonly domain: string | null;
  readonly path: string | null;
  readonly partitioned: boolean;
}

export interface ReportCookie {
  readonly name: string;
  readonly domain: string;
  /** Null for a cookie seen only in requests or by script. */
  readonly path: string | null;
  /** How the trace knows it (rubric section 2.3). */
  readonly seenAs: readonly SeenAs[];
  /** Its domain is not the report's site: listed apart, never in the site grade (rubric section 3). */
  readonly thirdParty: boolean;
  /** What the grade rests on: a Set-Cookie line, the browser's store, or only requests. */
  readonly gradedFrom: GradedFrom;
  /** Present only when values were asked for. */
  readonly value?: string;
  readonly session: {
    readonly isSession: boolean;
    readonly framework: Framework;
    readonly reason: SessionReason;
    /** The session data travels in the cookie (rubric 2.2); true exactly when the client-side-session note is present. */
    readonly clientSide: boolean;
    /** Why, in a few words: the format, the default name, or the vendor of a cookie ruled out. */
    readonly why: string;
    /** Its `<name>.sig` companions, listed under it with no letter of their own. */
    readonly companions: readonly string[];
  };
  /** Null when only requests showed the cookie: its attributes are unknown. */
  readonly attributes: ReportAttributes | null;
  /** What Chromium and Firefox do with the line (rubric section 1); null without a Set-Cookie line. */
  readonly browsers: Readonly<Record<Browser, 'stored' | 'dropped'>> | null;
  /** The response that set it; null when none of the trace did. */
  readonly setBy: string | null;
  readonly score: number | null;
  readonly grade: CookieLetter | null;
  readonly deletion: boolean;
  readonly issuances: number;
  readonly lifetimeSeconds: number | null;
  readonly entropyBits: number | null;
  /** Null when the attributes are unknown. */
  readonly aPlusMissing: readonly string[] | null;
  readonly findings: readonly ReportFinding[];
  readonly notes: readonly { readonly id: string; readonly message: string }[];
  /** What happened to a session cookie across the trace (rubric section 5). */
  readonly timeline: readonly ReportTimelineEvent[];
}

export interface ReportTimelineEvent {
  readonly type: TimelineEventType;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly time: string;
  readonly count: number;
}

export interface JsonReport {
  readonly tool: 'session-cookie-inspector';
  readonly version: string;
  readonly rubric: number;
  readonly source: string;
  /** The registrable domain of the trace's first top-level document (rubric section 1), or null when unknown. */
  readonly site: string | null;
  /** The worst letter among the site's own session cookies. */
  readonly grade: SiteGrade;
  /** The site's session cookies whose grade is unknown (seen only in requests); the site grade leaves them out. */
  readonly unknownSessionCookies: number;
  readonly cookies: readonly ReportCookie[];
}

export interface ReportOptions {
  /** Include cookie values (`--show-values`, the panel's reveal switch). */
  readonly showValues?: boolean;
  /** Other values to mask always, whatever showValues says, from 3 characters on (a flow's credentials). */
  readonly alsoMask?: Iterable<string>;
}

function reportAttributes(entry: CookieGrade, mask: (text: string) => string): ReportAttributes | null {
  if (entry.gradedFrom === 'sent') return null;
  const { cookie } = entry;
  return {
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: cookie.sameSite === 'Unrecognized' ? null : cookie.sameSite,
    maxAge: cookie.maxAge,
    expires: cookie.expires === null ? null : new Date(cookie.expires).toISOString(),
    domain: cookie.domain === null ? null : mask(cookie.domain),
    // A Path can carry an id (`Path=/u/<id>`): masked like every other text.
    path: cookie.path === null ? null : mask(cookie.path),
    partitioned: cookie.partitioned,
  };
}

function reportCookie(entry: CookieGrade, showValues: boolean, mask: (text: string) => string): ReportCookie {
  const { cookie } = entry;
  return {
    name: cookie.name,
    domain: mask(entry.identity.domain),
    path: entry.identity.path === null ? null : mask(entry.identity.path),
    seenAs: entry.seenAs,
    thirdParty: entry.thirdParty,
    gradedFrom: entry.gradedFrom,
    ...(showValues ? { value: cookie.value } : {}),
    session: { ...entry.session, companions: entry.companions },
    attributes: reportAttributes(entry, mask),
    browsers: entry.browsers === null ? null : { chromium: entry.browsers.chromium.outcome, firefox: entry.browsers.firefox.outcome },
    setBy: entry.setBy === null ? null : mask(entry.setBy),
    score: entry.score,
    grade: entry.grade,
    deletion: entry.deletion,
    issuances: entry.issuances,
    lifetimeSeconds: entry.gradedFrom === 'sent' ? null : entry.lifetimeSeconds,
    entropyBits: entry.session.isSession && !entry.deletion ? Math.floor(entry.entropyBits) : null,
    aPlusMissing: entry.gradedFrom === 'sent' ? null : entry.grade === null ? [] : entry.aPlusMissing,
    findings: entry.findings.map((finding) => ({ ...finding, message: mask(finding.message) })),
    notes: entry.notes.map((note) => ({ ...note, message: mask(note.message) })),
    timeline: entry.timeline.map((event) => ({
      type: event.type,
      method: event.method,
      url: mask(event.url),
      status: event.status,
      time: new Date(event.time).toISOString(),
      count: event.count,
    })),
  };
}

/**
 * The value index of a trace (rubric section 7): every value of every cookie it saw, or nothing
 * when the user asked to see values. Built once; every text of a report goes through it.
 */
export function valueIndexFor(trace: TraceGrade, showValues: boolean): ValueIndex {
  return showValues ? EMPTY_VALUE_INDEX : buildValueIndex(trace.values);
}

export function buildJsonReport(source: string, trace: TraceGrade, options: ReportOptions = {}): JsonReport {
  const showValues = options.showValues ?? false;
  const values = valueIndexFor(trace, showValues);
  const always = buildValueIndex(options.alsoMask ?? [], { of: 'secrets' });
  const mask = (text: string) => always.mask(values.mask(text));
  return {
    tool: 'session-cookie-inspector',
    version: VERSION,
    rubric: RUBRIC_VERSION,
    source: mask(source),
    site: trace.site === null ? null : mask(trace.site),
    grade: trace.grade,
    unknownSessionCookies: trace.unknownSessionCookies,
    cookies: trace.cookies.map((entry) => reportCookie(entry, showValues, mask)),
  };
}
