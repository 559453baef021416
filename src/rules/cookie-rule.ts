import type { ParsedSetCookie } from '../core/parsed-set-cookie.js';
import type { SessionDetection } from '../detect/detect-session-cookie.js';
import type { ResponseContext } from '../core/response-context.js';
import type { FixAdvice } from './fix-advice.js';
import type { CapLetter } from '../core/letter.js';
import type { BrowserOutcomes } from '../core/reader.js';
import type { SecretMatch } from '../secrets/known-secret-check.js';

/**
 * What a cookie's grade rests on (rubric section 2.3): its Set-Cookie line, a reading of the
 * browser's store (no response: the response rules cannot apply), or only the values requests
 * carried (no attributes at all: only the name and value rules, and the trace rules).
 */
export type GradedFrom = 'set' | 'store' | 'sent';

/** What `--active` learnt from the server about one session cookie (rubric section 5, "Verified on the server"). */
export interface ServerCheckVerdict {
  /** Its values from just before the logout, sent again after the flow, still passed the authenticated probe. */
  readonly aliveAfterLogout: boolean;
  /** The server kept a value planted before the login through the login, the authenticated probe passing. */
  readonly idAdopted: boolean;
  /** Why a check could not run (note `active-check-skipped`), one sentence each. */
  readonly skipped: readonly string[];
}

/** Everything a rule may look at for one Set-Cookie line. */
export interface CookieRuleContext {
  readonly cookie: ParsedSetCookie;
  readonly response: ResponseContext;
  readonly session: SessionDetection;
  /** Effective lifetime in seconds, or null for a browser-session cookie. */
  readonly lifetimeSeconds: number | null;
  /** Estimated entropy of the identifier (rubric section 4, "Entropy estimate"). */
  readonly entropyBits: number;
  /** What Chromium and Firefox do with the line; null where no line was received (store, sent). */
  readonly browsers: BrowserOutcomes | null;
  /** A known secret the cookie's signature verifies with (rubric section 8), found before grading; else null. */
  readonly secretMatch: SecretMatch | null;
  /** What `--active` learnt from the server about this cookie (rubric section 5, "Verified on the server"); null when it did not run. */
  readonly serverCheck: ServerCheckVerdict | null;
}

/** What a rule means, for people: docs/rubric.md, the panel's rules page, SARIF and `--explain`. */
export interface RuleDoc {
  /** When it fires, in one sentence. */
  readonly when: string;
  /** Why it matters, in one or two sentences. */
  readonly why: string;
  /** The standards and tools it follows (RFC 6265bis, OWASP, ASVS, ZAP, MDN Observatory...). */
  readonly sources: string;
}

/** What every rule says of itself, cookie rule or trace rule (rubric sections 4 and 5). */
export interface RuleFacts {
  /** The stable id from rubric.md. */
  readonly id: string;
  readonly deduction: number;
  readonly cap: CapLetter | null;
  readonly doc: RuleDoc;
  /** The fix in prose, for express-session always and for the frameworks that have a setting for it. */
  readonly fix: FixAdvice;
  /** The complete express-session code a Copy button puts on the clipboard. */
  readonly snippet: string;
}

/** One rule of rubric section 4 (build it with `defineCookieRule`). */
export interface CookieRule extends RuleFacts {
  /** True for rules about the session identifier itself: they skip cookies that carry none. */
  readonly onlyForSessionIds: boolean;
  /** The evidence it can answer (rubric 2.3): a Set-Cookie line always; a store reading, or only requests, for some. */
  readonly evidence: readonly GradedFrom[];
  /** The one-line explanation when the rule fires for this cookie, otherwise null. */
  explain(context: CookieRuleContext): string | null;
  /** The fix for this finding, when it depends on more than the cookie's framework; else null. */
  fixFor: ((context: CookieRuleContext) => Readonly<Record<string, string>>) | null;
}

type CookieRuleDefinition = Omit<CookieRule, 'onlyForSessionIds' | 'evidence' | 'fixFor'> &
  Partial<Pick<CookieRule, 'onlyForSessionIds' | 'evidence' | 'fixFor'>>;

/**
 * Builds a rule with every field in the same order, so the grader's loop over all rules sees one
 * object shape (27 different literal shapes made each property load megamorphic and slow).
 */
export function defineCookieRule(rule: CookieRuleDefinition): CookieRule {
  return {
    id: rule.id,
    deduction: rule.deduction,
    cap: rule.cap,
    doc: rule.doc,
    fix: rule.fix,
    snippet: rule.snippet,
    onlyForSessionIds: rule.onlyForSessionIds ?? false,
    evidence: rule.evidence ?? ['set'],
    explain: rule.explain,
    fixFor: rule.fixFor ?? null,
  };
}
