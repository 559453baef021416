/**
 * Every rule of rubric sections 4 and 5, in the rubric's order: those of one Set-Cookie line,
 * then those over the whole trace. Each rule describes itself (id, cost, when, why, sources, fix,
 * snippet); docs/rubric.md, the panel's rules page, SARIF, `--explain` and the Copy buttons read
 * them from here.
 */
import { COOKIE_RULES } from '../rules/all-rules.js';
import type { RuleFacts } from '../rules/cookie-rule.js';
import { TRACE_RULES } from '../trace/analyze-trace.js';
import { SERVER_CHECK_RULES } from '../trace/server-checks.js';

export interface DocumentedRule extends RuleFacts {
  readonly section: 'one Set-Cookie' | 'the whole trace' | 'verified on the server, --active';
}

export const EVERY_RULE: readonly DocumentedRule[] = [
  ...COOKIE_RULES.map((rule) => ({ ...rule, section: 'one Set-Cookie' as const })),
  ...TRACE_RULES.map((rule) => ({ ...rule, section: 'the whole trace' as const })),
  ...SERVER_CHECK_RULES.map((rule) => ({ ...rule, section: 'verified on the server, --active' as const })),
];

const BY_ID = new Map(EVERY_RULE.map((rule) => [rule.id, rule]));

/** The rule with this id, or undefined. */
export function ruleById(id: string): DocumentedRule | undefined {
  return BY_ID.get(id);
}
