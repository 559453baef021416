import type { ParsedSetCookie } from '../core/parsed-set-cookie.js';
import type { SessionDetection } from '../detect/detect-session-cookie.js';
import type { ResponseContext } from '../core/response-context.js';
import type { FixAdvice } from './fix-advice.js';
import type { CapLetter } from '../core/letter.js';
import type { BrowserOutcomes } from '../core/reader.js';

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
}

/** One rule of rubric section 4 (build it with `defineCookieRule`). */
export interface CookieRule {
  /** The stable id from rubric.md. */
  readonly id: string;
  readonly deduction: number;
  readonly cap: CapLetter | null;
  /** True for rules about the session identifier itself: they skip cookies that carry none. */
  readonly onlyForSessionIds: boolean;
  /** The one-line explanation when the rule fires for this cookie, otherwise null. */
  explain(context: CookieRuleContext): string | null;
  readonly fix: FixAdvice;
}

/**
 * Builds a rule with every field in the same order, so the grader's loop over all rules sees one
 * object shape (27 different literal shapes made each property load megamorphic and slow).
 */
export function defineCookieRule(rule: Omit<CookieRule, 'onlyForSessionIds'> & { readonly onlyForSessionIds?: boolean }): CookieRule {
  return {
    id: rule.id,
    deduction: rule.deduction,
    cap: rule.cap,
    onlyForSessionIds: rule.onlyForSessionIds ?? false,
    explain: rule.explain,
    fix: rule.fix,
  };
}
