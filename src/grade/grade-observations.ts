/**
 * Grades every Set-Cookie of a trace (rubric sections 2-4): one entry per cookie (name, domain,
 * path), graded on its worst issuance, plus its latest deletion; and the site grade, the worst
 * letter among session cookies.
 */
import { parseSetCookie } from '../core/parse-set-cookie.js';
import type { ParsedSetCookie } from '../core/parsed-set-cookie.js';
import { identifierPart } from '../core/estimate-entropy.js';
import { isDeletion } from '../core/cookie-lifetime.js';
import { detectSessionCookie, type SessionDetection, type UserMark } from '../detect/detect-session-cookie.js';
import { analyzeTrace, type TimelineEvent, type TraceAnalysis } from '../trace/analyze-trace.js';
import { traceCookie, type SetEffect } from '../trace/trace-cookie.js';
import { cookieIdentity, identityKey, type CookieIdentity } from '../core/cookie-identity.js';
import { setCookieLines, type Observation } from '../observation/observation.js';
import { isWorse, worstLetter, type Letter } from '../rules/letter.js';
import { isLoginRequest } from '../trace/login-logout.js';
import { gradeSetCookie, type GradedSetCookie } from './grade-set-cookie.js';
import { responseContext, type ResponseContext } from './response-context.js';

export { cookieIdentity, defaultCookiePath, identityKey, type CookieIdentity } from '../core/cookie-identity.js';

export interface CookieGrade extends GradedSetCookie {
  readonly identity: CookieIdentity;
  /** The URL of the response that set (or deleted) it. */
  readonly setBy: string;
  /** How many Set-Cookie lines of the trace wrote this cookie (issuances or deletions). */
  readonly issuances: number;
  /** URLs of the responses that set it (for a deletion: that deleted it), in trace order. */
  readonly setByUrls: readonly string[];
  /** What happened to a session cookie across the trace (empty for other cookies). */
  readonly timeline: readonly TimelineEvent[];
}

export type SiteGrade = Letter | 'none';

export interface TraceGrade {
  readonly cookies: readonly CookieGrade[];
  readonly grade: SiteGrade;
}

export interface TraceGradeOptions {
  /** The user's own marking by cookie name; it wins over detection. */
  readonly userMarks?: Readonly<Record<string, UserMark>>;
}

interface Issuance {
  readonly cookie: ParsedSetCookie;
  readonly response: ResponseContext;
  readonly byLogin: boolean;
  readonly identity: CookieIdentity;
  /** Index of the exchange that set it. */
  readonly index: number;
}

export function gradeObservations(
  observations: readonly Observation[],
  options: TraceGradeOptions = {},
): TraceGrade {
  const groups = new Map<string, Issuance[]>();
  const names = new Set<string>();
  observations.forEach((observation, index) => {
    const lines = setCookieLines(observation);
    if (lines.length === 0) return;
    const response = responseContext(observation);
    const byLogin = isLoginRequest(observation);
    for (const line of lines) {
      const cookie = parseSetCookie(line);
      const identity = cookieIdentity(cookie, response);
      names.add(cookie.name);
      const key = identityKey(identity);
      const group = groups.get(key);
      const issuance = { cookie, response, byLogin, identity, index };
      if (group) group.push(issuance);
      else groups.set(key, [issuance]);
    }
  });

  const cookies: CookieGrade[] = [];
  for (const group of groups.values()) {
    const extremes = extremeValuesById(group.map((issuance) => issuance.cookie.value));
    const sessions = group.map((issuance) =>
      detectSessionCookie(issuance.cookie.name, issuance.cookie.value, {
        siblingNames: names,
        setByLoginResponse: issuance.byLogin,
        userMark: options.userMarks?.[issuance.cookie.name],
      }),
    );
    const identity = (group[0] as Issuance).identity;
    const latest = sessions[sessions.length - 1] as SessionDetection;
    let trace: TraceAnalysis | null = null;
    if (latest.isSession) {
      const setAt = new Map<number, SetEffect>(
        group.map((issuance) => [issuance.index, { value: issuance.cookie.value, deletion: isDeletion(issuance.cookie, issuance.response.time) }]),
      );
      trace = analyzeTrace(traceCookie(observations, identity, setAt), latest.framework);
    }
    let worst: GradedSetCookie | null = null;
    let latestDeletion: GradedSetCookie | null = null;
    const issuedBy: string[] = [];
    const deletedBy: string[] = [];
    group.forEach((issuance, position) => {
      const session = sessions[position] as SessionDetection;
      const graded = gradeSetCookie(issuance.cookie, issuance.response, session, {
        otherValues: extremes.filter((value) => value !== issuance.cookie.value),
        rotatedOnLogin: trace?.rotatedOnLogin ?? false,
        traceFindings: session.isSession ? (trace?.findings ?? []) : [],
      });
      if (graded.deletion) {
        deletedBy.push(issuance.response.url);
        latestDeletion = graded;
      } else {
        issuedBy.push(issuance.response.url);
        if (worst === null || !isBetter(graded, worst)) worst = graded;
      }
    });
    const events = trace?.timeline ?? [];
    if (worst) cookies.push(cookieGrade(worst, identity, group.length, issuedBy, events));
    if (latestDeletion) cookies.push(cookieGrade(latestDeletion, identity, group.length, deletedBy, events));
  }
  return { cookies, grade: siteGrade(cookies) };
}

/**
 * The values with the smallest and the largest identifier, when at least two distinct ids were
 * seen. The prefix all ids share is the prefix these two share, so they stand for all the others
 * in the entropy estimate (rubric section 4) at a constant cost per issuance.
 */
function extremeValuesById(values: readonly string[]): string[] {
  const byId = [...new Set(values)].map((value) => [identifierPart(value), value] as const);
  if (byId.length < 2) return [];
  byId.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const [smallestId, smallest] = byId[0] as readonly [string, string];
  const [largestId, largest] = byId[byId.length - 1] as readonly [string, string];
  return smallestId === largestId ? [] : [smallest, largest];
}

/** A trace entry: the graded line plus where it sits in the trace (an explicit literal: no spread). */
function cookieGrade(
  graded: GradedSetCookie,
  identity: CookieIdentity,
  issuances: number,
  setByUrls: readonly string[],
  timeline: readonly TimelineEvent[],
): CookieGrade {
  return {
    cookie: graded.cookie,
    response: graded.response,
    session: graded.session,
    deletion: graded.deletion,
    lifetimeSeconds: graded.lifetimeSeconds,
    entropyBits: graded.entropyBits,
    findings: graded.findings,
    notes: graded.notes,
    aPlusMissing: graded.aPlusMissing,
    score: graded.score,
    grade: graded.grade,
    identity,
    setBy: graded.response.url,
    issuances,
    setByUrls,
    timeline,
  };
}

/** True when `candidate` grades strictly better than `current` (ties go to the later one). */
function isBetter(candidate: GradedSetCookie, current: GradedSetCookie): boolean {
  if (candidate.grade !== null && current.grade !== null && candidate.grade !== current.grade) {
    return isWorse(current.grade, candidate.grade);
  }
  return (candidate.score ?? 0) > (current.score ?? 0);
}

/** The worst letter among graded session cookies, or `none` (rubric section 3). */
export function siteGrade(cookies: readonly GradedSetCookie[]): SiteGrade {
  const letters = cookies.flatMap((cookie) => (cookie.grade !== null && cookie.session.isSession ? [cookie.grade] : []));
  return worstLetter(letters) ?? 'none';
}
