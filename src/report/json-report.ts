/**
 * The JSON report shared by the CLI's `--json` and the panel's export (rubric section 7).
 * Field names are stable; values are masked unless `showValues` is set.
 */
import type { CookieGrade, SiteGrade, TraceGrade } from '../grade/grade-observations.js';
import type { Framework } from '../detect/framework.js';
import type { SessionReason } from '../detect/detect-session-cookie.js';
import type { Letter, CapLetter } from '../rules/letter.js';
import type { TimelineEventType } from '../trace/analyze-trace.js';
import { RUBRIC_VERSION, VERSION } from '../version.js';
import { maskValuesIn } from './redact.js';

export interface ReportFinding {
  readonly id: string;
  readonly deduction: number;
  readonly cap: CapLetter | null;
  readonly message: string;
  readonly fix: Readonly<Record<string, string>>;
}

export interface ReportCookie {
  readonly name: string;
  readonly domain: string;
  readonly path: string;
  /** Present only when values were asked for. */
  readonly value?: string;
  readonly session: { readonly isSession: boolean; readonly framework: Framework; readonly reason: SessionReason };
  readonly attributes: {
    readonly secure: boolean;
    readonly httpOnly: boolean;
    readonly sameSite: 'Strict' | 'Lax' | 'None' | null;
    readonly maxAge: number | null;
    readonly expires: string | null;
    readonly domain: string | null;
    readonly path: string | null;
    readonly partitioned: boolean;
  };
  readonly setBy: string;
  readonly score: number | null;
  readonly grade: Letter | null;
  readonly deletion: boolean;
  readonly issuances: number;
  readonly lifetimeSeconds: number | null;
  readonly entropyBits: number | null;
  readonly aPlusMissing: readonly string[];
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
  readonly grade: SiteGrade;
  readonly cookies: readonly ReportCookie[];
}

export interface ReportOptions {
  /** Include cookie values (`--show-values`, the panel's reveal switch). */
  readonly showValues?: boolean;
}

function reportCookie(entry: CookieGrade, showValues: boolean, mask: (text: string) => string): ReportCookie {
  const { cookie } = entry;
  return {
    name: cookie.name,
    domain: entry.identity.domain,
    path: entry.identity.path,
    ...(showValues ? { value: cookie.value } : {}),
    session: { ...entry.session },
    attributes: {
      secure: cookie.secure,
      httpOnly: cookie.httpOnly,
      sameSite: cookie.sameSite === 'Unrecognized' ? null : cookie.sameSite,
      maxAge: cookie.maxAge,
      expires: cookie.expires === null ? null : new Date(cookie.expires).toISOString(),
      domain: cookie.domain,
      path: cookie.path,
      partitioned: cookie.partitioned,
    },
    setBy: mask(entry.setBy),
    score: entry.score,
    grade: entry.grade,
    deletion: entry.deletion,
    issuances: entry.issuances,
    lifetimeSeconds: entry.lifetimeSeconds,
    entropyBits: entry.session.isSession && !entry.deletion ? Math.floor(entry.entropyBits) : null,
    aPlusMissing: entry.grade === null ? [] : entry.aPlusMissing,
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

export function buildJsonReport(source: string, trace: TraceGrade, options: ReportOptions = {}): JsonReport {
  const showValues = options.showValues ?? false;
  const values = trace.cookies.map((entry) => entry.cookie.value);
  const mask = showValues ? (text: string) => text : (text: string) => maskValuesIn(text, values);
  return {
    tool: 'session-cookie-inspector',
    version: VERSION,
    rubric: RUBRIC_VERSION,
    source: mask(source),
    grade: trace.grade,
    cookies: trace.cookies.map((entry) => reportCookie(entry, showValues, mask)),
  };
}
