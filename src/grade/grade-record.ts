/**
 * Grading one cookie of a trace (one inventory record) in four steps: detect whether it is a
 * session cookie (rubric section 2), fold its trace (section 5), grade its issuances (section 4),
 * else grade what else the trace knows of it (the browser's store, the requests that sent it).
 * A RecordGradeMemo keeps the folds between batches (architecture.md, incremental grading).
 */
import { identifierPart } from '../core/estimate-entropy.js';
import type { Finding } from '../core/finding.js';
import { sameList } from '../core/same-list.js';
import { UrlTallyBuilder, type UrlTally } from '../core/url-tally.js';
import { isWorse } from '../core/letter.js';
import { isThirdParty, siteOfHost } from '../core/site.js';
import type { ParsedSetCookie } from '../core/parsed-set-cookie.js';
import { detectSessionCookie, type SessionDetection, type UserMark } from '../detect/detect-session-cookie.js';
import type { CookieInventory, CookieRecord, Issuance } from '../inventory/cookie-inventory.js';
import { contextWithoutResponse, parsedFromSent, parsedFromStore } from '../inventory/evidence-cookie.js';
import type { Observation } from '../observation/observation.js';
import { isSecretMatch, type SecretCheckSkipped, type SecretMatch, type SecretVerdict } from '../secrets/known-secret-check.js';
import { CookieTraceFold, type TimelineEvent, type TraceAnalysis } from '../trace/analyze-trace.js';
import { IdOccurrences } from '../trace/id-occurrences.js';
import { serverCheckVerdict, type ServerCheckResults, type ServerCheckVerdict } from '../trace/server-checks.js';
import { isLoginRequest, isSuccessfulLogin } from '../trace/login-logout.js';
import { gradeSetCookie, type GradedSetCookie } from './grade-set-cookie.js';
import { SET_OUTSIDE_TRACE, type AttributeChange, type CookieGrade } from './trace-grade.js';

/** The attributes part of a line (after the name-value pair): a new value alone is no change. */
function attributesOf(cookie: ParsedSetCookie): string {
  const semicolon = cookie.raw.indexOf(';');
  return semicolon < 0 ? '' : cookie.raw.slice(semicolon);
}

function attributeChange(before: GradedSetCookie, after: GradedSetCookie): AttributeChange {
  const idsBefore = new Set(before.findings.map((finding) => finding.id));
  const idsAfter = new Set(after.findings.map((finding) => finding.id));
  return {
    before: before.grade,
    after: after.grade,
    url: after.response.url,
    appeared: [...idsAfter].filter((id) => !idsBefore.has(id)),
    disappeared: [...idsBefore].filter((id) => !idsAfter.has(id)),
  };
}

/**
 * Has `occurrences` look for the ids of the records that may be session cookies (as if set by a
 * login: detection can only gain), in one search of the trace's URLs, before any of them asks
 * where its ids are (each asking on its own would search the whole trace once per cookie).
 */
export function trackPossibleSessionIds(
  occurrences: IdOccurrences,
  inventory: CookieInventory,
  records: Iterable<CookieRecord>,
  userMarks: ReadonlyMap<string, UserMark> | undefined,
): void {
  const ids: string[] = [];
  for (const record of records) {
    if (record.ids.every((id) => occurrences.tracks(id))) continue;
    const userMark = userMarks?.get(record.identity.name);
    const context = {
      siblingNames: inventory.names,
      setByLoginResponse: true,
      userMark,
      longestValueLength: longestLength(record.ids),
      cookieSite: siteOfHost(record.identity.domain),
    };
    if (record.ids.some((id) => detectSessionCookie(record.identity.name, id, context).isSession)) for (const id of record.ids) ids.push(id);
  }
  occurrences.track(ids);
}

/**
 * What the issuances of a record were graded with: when any of it changes (the cookie's
 * detection, the trace's findings, its other ids, the names of the trace), they are graded again
 * from the first.
 */
interface IssuanceContext {
  readonly session: SessionDetection;
  readonly rotatedOnLogin: boolean;
  readonly traceFindings: readonly Finding[];
  readonly secretMatch: SecretMatch | null;
  readonly secretCheckSkipped: string | null;
  readonly scriptVisible: boolean;
  readonly serverCheck: ServerCheckVerdict | null;
  /** The values with the smallest and the largest identifier (see extremeValuesById). */
  readonly extremes: readonly string[];
  readonly namesCount: number;
}

function sameDetection(a: SessionDetection, b: SessionDetection): boolean {
  return a.isSession === b.isSession && a.framework === b.framework && a.reason === b.reason && a.clientSide === b.clientSide && a.why === b.why;
}

function sameServerCheck(a: ServerCheckVerdict | null, b: ServerCheckVerdict | null): boolean {
  return a === b || (a !== null && b !== null && a.aliveAfterLogout === b.aliveAfterLogout && a.idAdopted === b.idAdopted && sameList(a.skipped, b.skipped));
}

function sameIssuanceContext(a: IssuanceContext, b: IssuanceContext): boolean {
  return (
    sameDetection(a.session, b.session) &&
    a.rotatedOnLogin === b.rotatedOnLogin &&
    sameList(a.traceFindings, b.traceFindings, (x, y) => x.id === y.id && x.message === y.message) &&
    a.secretMatch?.scheme === b.secretMatch?.scheme &&
    a.secretMatch?.source === b.secretMatch?.source &&
    a.secretCheckSkipped === b.secretCheckSkipped &&
    a.scriptVisible === b.scriptVisible &&
    sameServerCheck(a.serverCheck, b.serverCheck) &&
    sameList(a.extremes, b.extremes) &&
    a.namesCount === b.namesCount
  );
}

/**
 * What grading one record keeps between batches (architecture.md, incremental grading): the fold
 * of its trace, and the fold of its issuances (worst, latest, and the latest with other
 * attributes). The issuances go on from where they stopped while everything they were graded
 * with is the same (their IssuanceContext, and the outcome of logins that set the cookie); else
 * they are graded again from the first. Nothing it hands out changes afterwards.
 */
export class RecordGradeMemo {
  readonly trace = new CookieTraceFold();
  context: IssuanceContext | null = null;
  seen = 0;
  worst: GradedSetCookie | null = null;
  latest: GradedSetCookie | null = null;
  previousOther: GradedSetCookie | null = null;
  latestDeletion: Issuance | undefined;
  /** The URLs of the responses that issued it, and that deleted it. */
  issuedUrls = new UrlTallyBuilder();
  deletionUrls = new UrlTallyBuilder();
  /** Issuances set by a login request: a login's outcome decides how their value is detected. */
  loginIssuances: number[] = [];
  /** Whether each of those logins succeeded, as last graded. */
  loginsSucceeded = '';

  startAgain(context: IssuanceContext): void {
    this.context = context;
    this.seen = 0;
    this.worst = this.latest = this.previousOther = null;
    this.latestDeletion = undefined;
    this.issuedUrls = new UrlTallyBuilder();
    this.deletionUrls = new UrlTallyBuilder();
    this.loginIssuances = [];
    this.loginsSucceeded = '';
  }
}

/** The length of the longest of `values` (rule 3 of rubric 2.1 asks for one of 16+ characters). */
function longestLength(values: readonly string[]): number {
  let longest = 0;
  for (const value of values) if (value.length > longest) longest = value.length;
  return longest;
}

/** The last issuance of the record that is not a deletion, from the end: in constant time but for trailing deletions. */
function lastIssued(issuances: readonly Issuance[]): Issuance | undefined {
  for (let i = issuances.length - 1; i >= 0; i--) if (!(issuances[i] as Issuance).deletion) return issuances[i];
  return undefined;
}

/** Step 1 of grading a record: whether it is a session cookie (rubric section 2), asked once per value. */
interface RecordDetection {
  /** The detection of one of its values, as set by a successful login or not. */
  readonly detect: (value: string, byLogin: boolean) => SessionDetection;
  readonly latestIssued: Issuance | undefined;
  /** The value it has now: the latest issued, stored, sent or read by script. */
  readonly latestValue: string;
  /** The detection of that value: the record's own. */
  readonly session: SessionDetection;
}

function detectRecord(inventory: CookieInventory, record: CookieRecord, userMark: UserMark | undefined): RecordDetection {
  const context = {
    siblingNames: inventory.names,
    userMark,
    longestValueLength: longestLength(record.ids),
    cookieSite: siteOfHost(record.identity.domain),
  };
  // A cookie is often set again with a value it had: detection is asked once per value.
  const detections = new Map<string, SessionDetection>();
  const detect = (value: string, byLogin: boolean) => {
    const key = `${byLogin ? 1 : 0}${value}`;
    let detection = detections.get(key);
    if (detection === undefined) {
      detection = detectSessionCookie(record.identity.name, value, { ...context, setByLoginResponse: byLogin });
      detections.set(key, detection);
    }
    return detection;
  };
  const latestIssued = lastIssued(record.issuances);
  const latestValue =
    latestIssued?.cookie.value ??
    record.storeReadings[record.storeReadings.length - 1]?.cookie.value ??
    record.sent[record.sent.length - 1]?.value ??
    record.scriptReadings[record.scriptReadings.length - 1]?.value ??
    '';
  const session = detect(latestValue, latestIssued !== undefined && isSuccessfulLogin(inventory.observations, latestIssued.index));
  return { detect, latestIssued, latestValue, session };
}

/**
 * Step 2: the fold of the record's trace (rubric section 5, for a session cookie) brought up to
 * date, and what its issuances are graded with: the trace's findings, a known secret's signature
 * on any of its values (rubric section 8), its other ids.
 */
function foldTrace(
  inventory: CookieInventory,
  record: CookieRecord,
  session: SessionDetection,
  memo: RecordGradeMemo,
  occurrences: IdOccurrences,
  secretMatches: ReadonlyMap<string, SecretVerdict> | undefined,
  serverChecks: ServerCheckResults | undefined,
): { readonly trace: TraceAnalysis | null; readonly context: IssuanceContext } {
  memo.trace.update(inventory.observations, record, session.isSession ? occurrences : null);
  const trace = session.isSession ? memo.trace.analysis(session.framework) : null;
  const verdicts = session.isSession && secretMatches !== undefined ? record.ids.map((id) => secretMatches.get(id)) : [];
  const secretMatch = verdicts.find(isSecretMatch);
  const skipped =
    secretMatch === undefined ? verdicts.find((verdict): verdict is SecretCheckSkipped => verdict !== undefined && !isSecretMatch(verdict)) : undefined;
  const context: IssuanceContext = {
    session,
    rotatedOnLogin: trace?.rotatedOnLogin ?? false,
    traceFindings: trace?.findings ?? [],
    secretMatch: secretMatch ?? null,
    secretCheckSkipped: skipped?.skipped ?? null,
    scriptVisible: record.scriptReadings.length > 0,
    serverCheck: session.isSession && serverChecks !== undefined ? serverCheckVerdict(serverChecks, record.identity.name) : null,
    extremes: extremeValuesById(record.ids),
    namesCount: inventory.names.size,
  };
  return { trace, context };
}

/** The options gradeSetCookie takes from an issuance context, for a line with `value` (a deletion's has none worth comparing). */
function lineOptions(context: IssuanceContext, value?: string) {
  return {
    rotatedOnLogin: context.rotatedOnLogin,
    traceFindings: context.traceFindings,
    secretMatch: context.secretMatch,
    secretCheckSkipped: context.secretCheckSkipped,
    scriptVisible: context.scriptVisible,
    serverCheck: context.serverCheck,
    otherValues: value === undefined ? undefined : context.extremes.filter((other) => other !== value),
  };
}

/**
 * Step 3: grades the issuances the memo has not graded yet (all of them again when what they are
 * graded with changed), keeping the worst, the latest, the latest with other attributes and the
 * latest deletion.
 */
function gradeIssuances(
  observations: readonly Observation[],
  record: CookieRecord,
  detection: RecordDetection,
  context: IssuanceContext,
  memo: RecordGradeMemo,
): void {
  const loginsSucceeded = () => memo.loginIssuances.map((index) => (isSuccessfulLogin(observations, index) ? '1' : '0')).join('');
  if (
    memo.context === null ||
    !sameIssuanceContext(context, memo.context) ||
    loginsSucceeded() !== memo.loginsSucceeded ||
    memo.seen > record.issuances.length
  ) {
    memo.startAgain(context);
  }
  for (; memo.seen < record.issuances.length; memo.seen++) {
    const issuance = record.issuances[memo.seen] as Issuance;
    const byLogin = isLoginRequest(observations[issuance.index] as Observation);
    if (byLogin) memo.loginIssuances.push(issuance.index);
    if (issuance.deletion) {
      memo.latestDeletion = issuance;
      memo.deletionUrls.add(issuance.response.url);
      continue;
    }
    memo.issuedUrls.add(issuance.response.url);
    const issuanceSession =
      issuance === detection.latestIssued
        ? detection.session
        : detection.detect(issuance.cookie.value, byLogin && isSuccessfulLogin(observations, issuance.index));
    const graded = gradeSetCookie(issuance.cookie, issuance.response, issuanceSession, lineOptions(context, issuance.cookie.value));
    if (memo.worst === null || !isBetter(graded, memo.worst)) memo.worst = graded;
    if (memo.latest !== null && attributesOf(memo.latest.cookie) !== attributesOf(graded.cookie)) memo.previousOther = memo.latest;
    memo.latest = graded;
  }
  memo.loginsSucceeded = loginsSucceeded();
}

/**
 * Step 4, for a cookie no Set-Cookie of the trace issued: graded on the browser's store, else
 * (seen only in requests or by script) on what needs no attribute (rubric section 2.3).
 */
function fallbackGrade(
  observations: readonly Observation[],
  record: CookieRecord,
  detection: RecordDetection,
  context: IssuanceContext,
): GradedSetCookie | null {
  const stored = record.storeReadings[record.storeReadings.length - 1];
  if (stored !== undefined) {
    return gradeSetCookie(parsedFromStore(stored.cookie), contextWithoutResponse(stored.url, stored.time), detection.session, {
      ...lineOptions(context, stored.cookie.value),
      gradedFrom: 'store',
    });
  }
  if (record.sent.length === 0 && record.scriptReadings.length === 0) return null;
  const first = record.sent[0];
  const url = first === undefined ? (record.scriptReadings[0]?.url ?? '') : (observations[first.index] as Observation).url;
  const time = first === undefined ? (record.scriptReadings[0]?.time ?? 0) : (observations[first.index] as Observation).time;
  return gradeSetCookie(parsedFromSent(record.identity.name, detection.latestValue), contextWithoutResponse(url, time), detection.session, {
    ...lineOptions(context, detection.latestValue),
    gradedFrom: 'sent',
  });
}

/**
 * The entries of one record: its graded entry (if any evidence besides deletions), and its latest
 * deletion. In four steps: detect, fold the trace, grade the issuances, else grade what else
 * the trace knows of it.
 */
export function gradeRecord(
  inventory: CookieInventory,
  record: CookieRecord,
  userMark: UserMark | undefined,
  secretMatches: ReadonlyMap<string, SecretVerdict> | undefined,
  memo: RecordGradeMemo,
  occurrences: IdOccurrences,
  site: string | null,
  serverChecks?: ServerCheckResults,
): CookieGrade[] {
  const { observations } = inventory;
  const detection = detectRecord(inventory, record, userMark);
  const { trace, context } = foldTrace(inventory, record, detection.session, memo, occurrences, secretMatches, serverChecks);
  gradeIssuances(observations, record, detection, context, memo);
  const sentByUrls = memo.trace.sentByUrls;
  const timeline = trace?.timeline ?? [];
  const entry = (graded: GradedSetCookie, setByUrls: UrlTally, change: AttributeChange | null = null): CookieGrade =>
    cookieGrade(graded, record, inventory.names, setByUrls, sentByUrls, timeline, change, site);

  const entries: CookieGrade[] = [];
  let worst = memo.worst ?? fallbackGrade(observations, record, detection, context);
  if (worst !== null) {
    if (record.setOutsideTrace) worst = { ...worst, notes: [...worst.notes, SET_OUTSIDE_TRACE] };
    const change = memo.previousOther !== null && memo.latest !== null ? attributeChange(memo.previousOther, memo.latest) : null;
    entries.push(entry(worst, memo.issuedUrls.snapshot(), change));
  }
  if (memo.latestDeletion !== undefined) {
    const deletion = memo.latestDeletion;
    entries.push(entry(gradeSetCookie(deletion.cookie, deletion.response, detection.session, lineOptions(context)), memo.deletionUrls.snapshot()));
  }
  return entries;
}

/**
 * The values with the smallest and the largest identifier, when at least two distinct ids were
 * seen. The prefix all ids share is the prefix these two share, so they stand for all the others
 * in the entropy estimate (rubric section 4) at a constant cost per issuance.
 */
function extremeValuesById(values: readonly string[]): string[] {
  const byId = values.map((value) => [identifierPart(value), value] as const);
  if (byId.length < 2) return [];
  byId.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const [smallestId, smallest] = byId[0] as readonly [string, string];
  const [largestId, largest] = byId[byId.length - 1] as readonly [string, string];
  return smallestId === largestId ? [] : [smallest, largest];
}

/** A trace entry: the graded line plus where it sits in the trace (an explicit literal: no spread). */
function cookieGrade(
  graded: GradedSetCookie,
  record: CookieRecord,
  names: ReadonlySet<string>,
  setByUrls: UrlTally,
  sentByUrls: UrlTally,
  timeline: readonly TimelineEvent[],
  change: AttributeChange | null,
  site: string | null,
): CookieGrade {
  return {
    cookie: graded.cookie,
    response: graded.response,
    session: graded.session,
    deletion: graded.deletion,
    lifetimeSeconds: graded.lifetimeSeconds,
    entropyBits: graded.entropyBits,
    browsers: graded.browsers,
    findings: graded.findings,
    notes: graded.notes,
    aPlusMissing: graded.aPlusMissing,
    score: graded.score,
    grade: graded.grade,
    gradedFrom: graded.gradedFrom,
    identity: record.identity,
    setBy: graded.gradedFrom === 'set' ? graded.response.url : null,
    issuances: record.issuances.length,
    setByUrls,
    sentByUrls,
    seenAs: record.seenAs,
    thirdParty: isThirdParty(record.identity.domain, site),
    companions: record.identity.name.endsWith('.sig') ? [] : companionsOf(record.identity.name, names),
    timeline,
    change,
  };
}

function companionsOf(name: string, names: ReadonlySet<string>): string[] {
  return names.has(`${name}.sig`) ? [`${name}.sig`] : [];
}

/** True when `candidate` grades strictly better than `current` (ties go to the later one). */
function isBetter(candidate: GradedSetCookie, current: GradedSetCookie): boolean {
  if (candidate.grade !== null && current.grade !== null && candidate.grade !== 'unknown' && current.grade !== 'unknown' && candidate.grade !== current.grade) {
    return isWorse(current.grade, candidate.grade);
  }
  return (candidate.score ?? 0) > (current.score ?? 0);
}
