import type { CookieIdentity } from '../core/cookie-identity.js';
import type { Observation } from '../observation/observation.js';
import type { RuleFacts } from '../rules/cookie-rule.js';
import type { IdPlace } from './id-occurrences.js';

/** What one response's Set-Cookie did to the cookie. */
export interface SetEffect {
  readonly value: string;
  readonly deletion: boolean;
}

/** One exchange that carried or set the cookie, as its rules see it, in trace order. */
export interface TraceStep {
  readonly index: number;
  readonly observation: Observation;
  /** The value the request carried, or undefined. */
  readonly carried: string | undefined;
  /** What the response set for this cookie, or undefined. */
  readonly set: SetEffect | undefined;
}

/** The cookie's trace so far, for what a rule can only decide at the end (a login's redirects, later requests). */
export interface TraceSoFar {
  readonly identity: CookieIdentity;
  readonly observations: readonly Observation[];
  setAt(index: number): SetEffect | undefined;
  /** The index of the last request that carried `value`, or -1. */
  lastCarriedAt(value: string): number;
  /** Where the trace's URLs hold one of the cookie's ids (or, for JSESSIONID, `;jsessionid=`), in order of first sight. */
  readonly idPlaces: readonly IdPlace[];
}

/**
 * One rule of rubric section 5, as a fold over the trace (architecture.md, incremental grading):
 * `start` makes its state, `step` takes each exchange that carried or set the cookie once, in
 * order, and `explain` reads the state
 * (and the trace so far) after any number of steps. The grader keeps the state per cookie, so a new
 * batch of requests costs its own steps, not the whole trace again.
 */
export interface TraceRule<State = unknown> extends RuleFacts {
  start(cookie: { readonly identity: CookieIdentity }): State;
  step(state: State, step: TraceStep): void;
  /** The one-line explanation when the rule fires, else null. Never contains a cookie value. */
  explain(state: State, trace: TraceSoFar): string | null;
}

/** Builds a trace rule with every field in the same order (one object shape for the grader's loop). */
export function defineTraceRule<State>(rule: TraceRule<State>): TraceRule<State> {
  return {
    id: rule.id,
    deduction: rule.deduction,
    cap: rule.cap,
    doc: rule.doc,
    fix: rule.fix,
    snippet: rule.snippet,
    start: rule.start,
    step: rule.step,
    explain: rule.explain,
  };
}
