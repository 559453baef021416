import type { FixAdvice } from '../rules/fix-advice.js';
import type { CapLetter } from '../core/letter.js';
import type { TraceCookie } from './trace-cookie.js';

/** One rule of rubric section 5: it reads a session cookie's whole trace. */
export interface TraceRule {
  readonly id: string;
  readonly deduction: number;
  readonly cap: CapLetter | null;
  /** The one-line explanation when the rule fires, else null. Never contains a cookie value. */
  explain(cookie: TraceCookie): string | null;
  readonly fix: FixAdvice;
}
