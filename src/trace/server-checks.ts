/**
 * Rubric section 5, "Verified on the server": what the CLI's `--active` learnt by asking the
 * server, after a flow, whether the logout ended the session and whether a planted id was adopted.
 * Traffic alone cannot show either; the checks send requests of their own, so they run only when
 * asked. Their results reach the two rules as a context field, like `secret-known`'s match.
 */
import type { Finding, Note } from '../core/finding.js';
import type { CookieRule, CookieRuleContext, ServerCheckVerdict } from '../rules/cookie-rule.js';
import { adviceFor } from '../rules/fix-advice.js';
import { sessionAliveAfterLogout } from './rules/session-alive-after-logout.js';
import { sessionIdAdopted } from './rules/session-id-adopted.js';

export type { ServerCheckVerdict };

/** The rules of rubric section 5's "Verified on the server", in the table's order. */
export const SERVER_CHECK_RULES: readonly CookieRule[] = [sessionAliveAfterLogout, sessionIdAdopted];

/** What the checks found for one trace, by session cookie name. */
export interface ServerCheckResults {
  /** Cookies whose values from just before the logout, sent again after the flow, still passed the authenticated probe. */
  readonly aliveAfterLogout: readonly string[];
  /** Cookies whose planted value the server kept through the login, the authenticated probe passing. */
  readonly idAdopted: readonly string[];
  /** Why a check could not run, one sentence each, naming what is missing (note `active-check-skipped`). */
  readonly skipped: readonly string[];
}

/** The verdict for the session cookie `name`. */
export function serverCheckVerdict(results: ServerCheckResults, name: string): ServerCheckVerdict {
  return { aliveAfterLogout: results.aliveAfterLogout.includes(name), idAdopted: results.idAdopted.includes(name), skipped: results.skipped };
}

/** The note `active-check-skipped`: a check `--active` asked for could not run, and why. */
export function activeCheckSkippedNote(reasons: readonly string[]): Note {
  return { id: 'active-check-skipped', message: `Not verified on the server (--active): ${reasons.join('; ')}.` };
}

/** The findings of the server checks for a session cookie whose context carries their verdict. */
export function serverCheckFindings(context: CookieRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const rule of SERVER_CHECK_RULES) {
    const message = rule.explain(context);
    if (message === null) continue;
    findings.push({ id: rule.id, deduction: rule.deduction, cap: rule.cap, message, fix: adviceFor(rule.fix, context.session.framework, context.cookie.name) });
  }
  return findings;
}
