/**
 * Grades every Set-Cookie of a trace (rubric sections 2-4): one entry per cookie (name, domain,
 * path), graded on its worst issuance, plus its latest deletion; and the site grade, the worst
 * letter among session cookies.
 */
import { parseSetCookie } from '../core/parse-set-cookie.js';
import type { ParsedSetCookie } from '../core/parsed-set-cookie.js';
import { identifierPart } from '../core/estimate-entropy.js';
import { detectSessionCookie, type UserMark } from '../detect/detect-session-cookie.js';
import { setCookieLines, type Observation } from '../observation/observation.js';
import { isWorse, worstLetter, type Letter } from '../rules/letter.js';
import { isLoginRequest } from '../trace/login-logout.js';
import { gradeSetCookie, type GradedSetCookie } from './grade-set-cookie.js';
import { responseContext, type ResponseContext } from './response-context.js';

export interface CookieIdentity {
  readonly name: string;
  /** The Domain attribute, or the response host for a host-only cookie. */
  readonly domain: string;
  readonly path: string;
  readonly hostOnly: boolean;
}

export interface CookieGrade extends GradedSetCookie {
  readonly identity: CookieIdentity;
  /** The URL of the response that set (or deleted) it. */
  readonly setBy: string;
  /** How many Set-Cookie lines of the trace wrote this cookie (issuances or deletions). */
  readonly issuances: number;
}

export type SiteGrade = Letter | 'none';

export interface TraceGrade {
  readonly cookies: readonly CookieGrade[];
  readonly grade: SiteGrade;
}

export interface TraceGradeOptions {
  /** The user's own marking by cookie name; it wins over detection. */
  readonly userMarks?: Readonly<Record<string, UserMark>>;
  /** Ids of cookies (by identity key) that the trace shows rotated at a login. */
  readonly rotatedOnLogin?: ReadonlySet<string>;
}

/** RFC 6265bis 5.1.4: the default path is the request path up to its last "/". */
export function defaultCookiePath(requestPath: string): string {
  if (!requestPath.startsWith('/')) return '/';
  const last = requestPath.lastIndexOf('/');
  return last <= 0 ? '/' : requestPath.slice(0, last);
}

export function cookieIdentity(cookie: ParsedSetCookie, response: ResponseContext): CookieIdentity {
  return {
    name: cookie.name,
    domain: cookie.domain ?? response.host,
    path: cookie.path ?? defaultCookiePath(response.path),
    hostOnly: cookie.domain === null,
  };
}

export function identityKey(identity: CookieIdentity): string {
  return `${identity.name}\u0000${identity.domain}\u0000${identity.path}`;
}

interface Issuance {
  readonly cookie: ParsedSetCookie;
  readonly response: ResponseContext;
  readonly byLogin: boolean;
  readonly identity: CookieIdentity;
}

export function gradeObservations(
  observations: readonly Observation[],
  options: TraceGradeOptions = {},
): TraceGrade {
  const groups = new Map<string, Issuance[]>();
  const names = new Set<string>();
  for (const observation of observations) {
    const lines = setCookieLines(observation);
    if (lines.length === 0) continue;
    const response = responseContext(observation);
    const byLogin = isLoginRequest(observation);
    for (const line of lines) {
      const cookie = parseSetCookie(line);
      const identity = cookieIdentity(cookie, response);
      names.add(cookie.name);
      const key = identityKey(identity);
      const group = groups.get(key);
      const issuance = { cookie, response, byLogin, identity };
      if (group) group.push(issuance);
      else groups.set(key, [issuance]);
    }
  }

  const cookies: CookieGrade[] = [];
  for (const [key, group] of groups) {
    const values = group.map((issuance) => issuance.cookie.value);
    let worst: CookieGrade | null = null;
    let latestDeletion: CookieGrade | null = null;
    for (const issuance of group) {
      const session = detectSessionCookie(issuance.cookie.name, issuance.cookie.value, {
        siblingNames: names,
        setByLoginResponse: issuance.byLogin,
        userMark: options.userMarks?.[issuance.cookie.name],
      });
      const ownId = identifierPart(issuance.cookie.value);
      const graded = gradeSetCookie(issuance.cookie, issuance.response, session, {
        otherValues: values.filter((value) => value !== issuance.cookie.value && identifierPart(value) !== ownId),
        rotatedOnLogin: options.rotatedOnLogin?.has(key) ?? false,
      });
      const entry: CookieGrade = { ...graded, identity: issuance.identity, setBy: issuance.response.url, issuances: group.length };
      if (entry.deletion) latestDeletion = entry;
      else if (worst === null || !isBetter(entry, worst)) worst = entry;
    }
    if (worst) cookies.push(worst);
    if (latestDeletion) cookies.push(latestDeletion);
  }
  return { cookies, grade: siteGrade(cookies) };
}

/** True when `candidate` grades strictly better than `current` (ties go to the later one). */
function isBetter(candidate: CookieGrade, current: CookieGrade): boolean {
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
