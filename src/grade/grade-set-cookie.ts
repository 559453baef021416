/**
 * Grades one Set-Cookie line against every rule of rubric section 4 and computes its score and
 * letter (section 3). Cookies that carry no session id keep their findings but get no letter.
 */
import { cookieLifetimeSeconds, isDeletion } from '../core/cookie-lifetime.js';
import { estimateEntropyBits } from '../core/estimate-entropy.js';
import type { ParsedSetCookie } from '../core/parsed-set-cookie.js';
import type { SessionDetection } from '../detect/detect-session-cookie.js';
import { cookiePrefix, isHostPrefix } from '../detect/session-names.js';
import { COOKIE_RULES } from '../rules/all-rules.js';
import { ROTATED_ON_LOGIN } from '../trace/analyze-trace.js';
import { activeCheckSkippedNote, serverCheckFindings } from '../trace/server-checks.js';
import type { CookieRule, CookieRuleContext, GradedFrom, ServerCheckVerdict } from '../rules/cookie-rule.js';
import type { SecretMatch } from '../secrets/known-secret-check.js';
import { adviceFor } from '../rules/fix-advice.js';
import { HSTS_NOT_APPLICABLE, hstsApplies, lacksHsts } from '../rules/hsts-missing.js';
import { worstLetter, type CookieLetter } from '../core/letter.js';
import { MAX_INFLATED_BYTES, PAST_INFLATE_CAP, describeCarriedData } from '../rules/value-carries-data.js';
import { cookieNotes } from './cookie-notes.js';
import type { Finding, Note } from '../core/finding.js';
import type { ResponseContext } from '../core/response-context.js';
import { scoreAndLetter } from './score.js';
import { browserOutcomes } from '../browsers/browser-outcomes.js';
import { BROWSERS, type BrowserOutcomes } from '../core/reader.js';

export type { GradedFrom } from '../rules/cookie-rule.js';

/** Whether the rule can answer from the evidence: a script reading also shows a missing HttpOnly (rubric 2.3). */
function appliesTo(rule: CookieRule, gradedFrom: GradedFrom, scriptVisible: boolean): boolean {
  return rule.evidence.includes(gradedFrom) || (gradedFrom === 'sent' && scriptVisible && rule.id === 'httponly-missing');
}

export interface GradeSetCookieOptions {
  /** What the cookie is graded from (default: its Set-Cookie line). */
  readonly gradedFrom?: GradedFrom;
  /** True when page script could read the cookie (a script reading): it cannot be HttpOnly. */
  readonly scriptVisible?: boolean;
  /** Other values seen for the same cookie: a prefix they all share is not counted as entropy. */
  readonly otherValues?: readonly string[];
  /** True when the trace shows the id rotated at a login (rubric section 5, `rotated-on-login`). */
  readonly rotatedOnLogin?: boolean;
  /** Findings of the rules over the whole trace (rubric section 5), scored with the others. */
  readonly traceFindings?: readonly Finding[];
  /** A known secret the cookie's signature verifies with (rubric section 8), found before grading. */
  readonly secretMatch?: SecretMatch | null;
  /** Why the known-secrets check did not check the value (a cap stopped it), or null. */
  readonly secretCheckSkipped?: string | null;
  /** What `--active` learnt from the server about the cookie (rubric section 5, "Verified on the server"). */
  readonly serverCheck?: ServerCheckVerdict | null;
}

export interface GradedSetCookie {
  readonly cookie: ParsedSetCookie;
  readonly response: ResponseContext;
  readonly session: SessionDetection;
  /** A Set-Cookie that removes the cookie: listed, never graded. */
  readonly deletion: boolean;
  readonly lifetimeSeconds: number | null;
  readonly entropyBits: number;
  /** What Chromium and Firefox do with the line; null when graded from the store or requests. */
  readonly browsers: BrowserOutcomes | null;
  readonly findings: readonly Finding[];
  readonly notes: readonly Note[];
  /** The A+ conditions that do not hold yet, in words (empty when A+ is reached). */
  readonly aPlusMissing: readonly string[];
  /** Null for deletions, for cookies that carry no session id, and for cookies graded from requests. */
  readonly score: number | null;
  /** `unknown` for a session cookie seen only in requests whose findings cap nothing. */
  readonly grade: CookieLetter | null;
  readonly gradedFrom: GradedFrom;
}

/** The rubric 2.2 note of a client-side session. */
export const CLIENT_SIDE_SESSION: Note = {
  id: 'client-side-session',
  message:
    'The session data travels in the cookie itself: logout cannot revoke a copy, and the value changes whenever the session is written, so a new value at login proves no rotation. Its signature protects it (see secret-known); best letter A.',
};

/** A client-side session (rubric 2.2): a recognised format, or a value that carries data. */
export function isClientSideSession(value: string, session: SessionDetection): boolean {
  return session.isSession && (session.clientSide || describeCarriedData(value) !== null);
}

/** The A+ conditions of rubric section 3 that `context` does not meet. */
export function unmetAPlusConditions(context: CookieRuleContext, rotatedOnLogin: boolean, clientSide = false): string[] {
  const { cookie, response } = context;
  const unmet: string[] = [];
  if (!isHostPrefix(cookiePrefix(cookie.name))) unmet.push('a __Host- prefix');
  if (!cookie.secure) unmet.push('Secure');
  if (!cookie.httpOnly) unmet.push('HttpOnly');
  if (cookie.sameSite !== 'Strict' && cookie.sameSite !== 'Lax') unmet.push('SameSite=Strict or Lax');
  if (cookie.domain !== null) unmet.push('no Domain');
  if (cookie.path !== '/') unmet.push('Path=/');
  if (context.entropyBits < 128) unmet.push('at least 128 bits of entropy');
  if (!response.cacheControlPrevents) unmet.push('Cache-Control: no-store');
  // Waived where HSTS does not apply (IP addresses, localhost: rubric section 3).
  if (lacksHsts(response) && hstsApplies(response.host)) unmet.push('HSTS with max-age >= 31536000');
  if (clientSide) unmet.push('not a client-side session');
  if (!rotatedOnLogin) unmet.push('an observed login that rotates the id');
  return unmet;
}

/** The inflate cap stopped value-carries-data: said in the report, never a silent skip. */
const INSPECTION_CAPPED: Note = {
  id: 'inspection-capped',
  message: `The value is compressed data that inflates past ${MAX_INFLATED_BYTES / 1024} KB, more than any cookie holds: reading stopped there.`,
};

/** A cap kept the known-secrets check (rubric section 8) from this cookie: said, never skipped silently. */
function secretCheckSkippedNote(reason: string): Note {
  return { id: 'secret-check-skipped', message: `Not checked against known signing secrets (secret-known): ${reason}.` };
}

export const A_PLUS_NEEDS_LOGIN: Note = {
  id: 'a-plus-needs-login',
  message: 'Everything else is in place for A+: log in while the panel records to check that the id rotates at login.',
};

/** What the rules see for one Set-Cookie: the cookie, its response, its lifetime and entropy. */
export function cookieRuleContext(
  cookie: ParsedSetCookie,
  response: ResponseContext,
  session: SessionDetection,
  otherValues?: readonly string[],
  browsers: BrowserOutcomes | null = null,
  secretMatch: SecretMatch | null = null,
  serverCheck: ServerCheckVerdict | null = null,
): CookieRuleContext {
  return {
    cookie,
    response,
    session,
    lifetimeSeconds: cookieLifetimeSeconds(cookie, response.time),
    // Session identifiers only (rubric section 4): no rule, letter or view reads another cookie's.
    entropyBits: session.isSession ? estimateEntropyBits(cookie.value, otherValues) : 0,
    browsers,
    secretMatch,
    serverCheck,
  };
}

export function gradeSetCookie(
  cookie: ParsedSetCookie,
  response: ResponseContext,
  session: SessionDetection,
  options: GradeSetCookieOptions = {},
): GradedSetCookie {
  const gradedFrom = options.gradedFrom ?? 'set';
  const scriptVisible = options.scriptVisible ?? false;
  const browsers = gradedFrom === 'set' ? browserOutcomes(cookie, response) : null;
  const deletion = gradedFrom === 'set' && isDeletion(cookie, response.time);
  // Client-side sessions carry data, not an id: the entropy rules do not apply, and no login can
  // prove a rotation (rubric 2.2). The detection's clientSide says what the note says: one truth.
  const clientSide = !deletion && isClientSideSession(cookie.value, session);
  const detected = clientSide === session.clientSide ? session : { ...session, clientSide };
  const context = cookieRuleContext(cookie, response, detected, options.otherValues, browsers, options.secretMatch ?? null, options.serverCheck ?? null);
  const notes = gradedFrom === 'sent' ? [] : cookieNotes(cookie);
  if (gradedFrom === 'set' && lacksHsts(response) && !hstsApplies(response.host)) notes.push(HSTS_NOT_APPLICABLE);
  if (browsers !== null) notes.push(...browserDifferenceNotes(browsers));
  if (options.secretCheckSkipped) notes.push(secretCheckSkippedNote(options.secretCheckSkipped));
  if (deletion) return gradedSetCookie(context, gradedFrom, true, [], notes, [], null, null);

  const findings: Finding[] = [];
  for (const rule of COOKIE_RULES) {
    if (rule.onlyForSessionIds && !session.isSession) continue;
    if (clientSide && (rule.id === 'entropy-low' || rule.id === 'entropy-medium')) continue;
    if (!appliesTo(rule, gradedFrom, scriptVisible)) continue;
    const message = rule.explain(context);
    if (message === null) continue;
    findings.push({
      id: rule.id,
      deduction: rule.deduction,
      cap: rule.cap,
      message,
      fix: rule.fixFor === null ? adviceFor(rule.fix, session.framework, cookie.name) : rule.fixFor(context),
    });
  }

  findings.push(...(options.traceFindings ?? []));
  // What --active learnt from the server (rubric section 5, "Verified on the server"), when it ran.
  if (context.serverCheck !== null) {
    findings.push(...serverCheckFindings(context));
    if (context.serverCheck.skipped.length > 0) notes.push(activeCheckSkippedNote(context.serverCheck.skipped));
  }
  const rotatedOnLogin = !clientSide && (options.rotatedOnLogin ?? false);
  if (clientSide) notes.push(CLIENT_SIDE_SESSION);
  if (clientSide && describeCarriedData(cookie.value) === PAST_INFLATE_CAP) notes.push(INSPECTION_CAPPED);
  if (gradedFrom === 'sent') {
    // No attributes, so no score: the lowest cap, or unknown (rubric section 2.3).
    const grade = session.isSession ? (worstLetter(findings.flatMap((finding) => (finding.cap === null ? [] : [finding.cap]))) ?? 'unknown') : null;
    return gradedSetCookie(context, gradedFrom, false, findings, notes, [], null, grade);
  }
  const aPlusMissing = unmetAPlusConditions(context, rotatedOnLogin, clientSide);
  if (!session.isSession) return gradedSetCookie(context, gradedFrom, false, findings, notes, aPlusMissing, null, null);
  const { score, grade } = scoreAndLetter(findings, aPlusMissing.length === 0);
  if (score === 100 && aPlusMissing.length === 1 && !rotatedOnLogin && !clientSide) notes.push(A_PLUS_NEEDS_LOGIN);
  if (rotatedOnLogin) notes.push(ROTATED_ON_LOGIN);
  return gradedSetCookie(context, gradedFrom, false, findings, notes, aPlusMissing, score, grade);
}

/** A `browser-difference` note for each browser that stores the line differently from the draft. */
function browserDifferenceNotes(browsers: BrowserOutcomes): Note[] {
  const notes: Note[] = [];
  for (const browser of BROWSERS) {
    const { outcome, explanation } = browsers[browser];
    if (outcome === 'stored' && explanation !== null) notes.push({ id: 'browser-difference', message: explanation });
  }
  return notes;
}

/**
 * The result, always built by this one literal. (An object spread of the context here cost
 * about 5 microseconds a call in V8, more than all the rules together.)
 */
function gradedSetCookie(
  context: CookieRuleContext,
  gradedFrom: GradedFrom,
  deletion: boolean,
  findings: readonly Finding[],
  notes: readonly Note[],
  aPlusMissing: readonly string[],
  score: number | null,
  grade: CookieLetter | null,
): GradedSetCookie {
  return {
    cookie: context.cookie,
    response: context.response,
    session: context.session,
    deletion,
    lifetimeSeconds: context.lifetimeSeconds,
    entropyBits: context.entropyBits,
    browsers: context.browsers,
    findings,
    notes,
    aPlusMissing,
    score,
    grade,
    gradedFrom,
  };
}
