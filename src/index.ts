/**
 * session-cookie-inspector as a library: parse Set-Cookie headers as browsers do, detect session
 * cookies, and grade them by the rubric, e.g. in your own server's tests:
 *
 *   const trace = gradeObservations([observationFromResponse({ url, headers })]);
 *   assert.equal(trace.grade, 'A');
 */
export { parseSetCookie, MAX_ATTRIBUTE_VALUE_BYTES } from './core/parse-set-cookie.js';
export type { KnownAttribute, ParsedSetCookie, ParseDiagnostic, ParseRejection, SameSiteAttribute } from './core/parsed-set-cookie.js';
export { parseCookieDate } from './core/cookie-date.js';
export { isDropped, storedCookie } from './browsers/stored-cookie.js';
export type { DropReason, DroppedCookie, StoredCookieOptions, StoredCookieResult } from './browsers/stored-cookie.js';
export type { Browser, BrowserOutcome, BrowserOutcomes, Reader } from './core/reader.js';
export { cookieLifetimeSeconds, isDeletion } from './core/cookie-lifetime.js';
export { estimateEntropyBits } from './core/estimate-entropy.js';
export { isTrustworthyUrl } from './core/trustworthy-url.js';
export { isThirdParty, siteOfHost, siteOfUrl } from './core/site.js';
export { detectSessionCookie } from './detect/detect-session-cookie.js';
export type { SessionDetection, SessionReason, UserMark, DetectionContext } from './detect/detect-session-cookie.js';
export type { AdvisedFramework, Framework } from './detect/framework.js';
export { gradeInventory, gradeObservations, siteGrade } from './grade/grade-observations.js';
export { gradeHar } from './grade/grade-har.js';
export type { HarGrade, HarGradeOptions } from './grade/grade-har.js';
export { buildCookieInventory } from './inventory/cookie-inventory.js';
export type { CookieInventory, CookieRecord, Issuance, ScriptSighting, SeenAs, Sending, StoreSighting } from './inventory/cookie-inventory.js';
export { buildValueIndex, MASK } from './core/value-index.js';
export type { ValueIndex, ValueIndexOptions, ValueSpan } from './core/value-index.js';
export type { Reading, ScriptReading, StoreReading, StoredCookie } from './observation/readings.js';
export type {
  AttributeChange,
  CookieGrade,
  CookieIdentity,
  InventoryGradeOptions,
  SiteGrade,
  TraceGrade,
  TraceGradeOptions,
} from './grade/grade-observations.js';
export type { TimelineEvent, TimelineEventType } from './trace/analyze-trace.js';
export type { ServerCheckResults } from './trace/server-checks.js';
export type { UrlCount, UrlTally } from './core/url-tally.js';
export type { SecretCheckSkipped, SecretMatch, SecretSource, SecretVerdict } from './secrets/known-secret-check.js';
export type { SigningScheme } from './secrets/signed-values.js';
export { gradeSetCookie } from './grade/grade-set-cookie.js';
export type { GradedSetCookie, GradeSetCookieOptions } from './grade/grade-set-cookie.js';
export { responseContext } from './core/response-context.js';
export type { ResponseContext } from './core/response-context.js';
export type { Finding, Note } from './core/finding.js';
export { observationFromResponse } from './observation/observation-from-response.js';
export type { ResponseDescription } from './observation/observation-from-response.js';
export type { Observation, HttpHeader } from './observation/observation.js';
export { readHar } from './observation/read-har.js';
export type { HarFacts, HarReadOptions, HarReadResult } from './observation/read-har.js';
export { buildJsonReport } from './report/json-report.js';
export type { JsonReport, ReportAttributes, ReportCookie, ReportFinding, ReportOptions, ReportTimelineEvent } from './report/json-report.js';
export { formatTextReport } from './report/text-report.js';
export type { Styles } from './report/text-report.js';
export { COOKIE_RULES } from './rules/all-rules.js';
export type { CookieRule, CookieRuleContext, GradedFrom, RuleDoc, RuleFacts, ServerCheckVerdict } from './rules/cookie-rule.js';
export type { FixAdvice } from './rules/fix-advice.js';
export { LETTERS } from './core/letter.js';
export type { CapLetter, CookieLetter, Letter } from './core/letter.js';
export { VERSION, RUBRIC_VERSION } from './version.js';
