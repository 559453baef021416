/**
 * Rubric section 5 for one session cookie: the trace rules' findings, whether a login rotated the
 * id (the `rotated-on-login` note that unlocks A+), and the cookie's timeline.
 */
import type { Framework } from '../detect/framework.js';
import type { Finding, Note } from '../core/finding.js';
import { adviceFor } from '../rules/fix-advice.js';
import { idInUrl } from './rules/id-in-url.js';
import { logoutNotCleared } from './rules/logout-not-cleared.js';
import { loginOutcomes, noRotationOnLogin } from './rules/no-rotation-on-login.js';
import { sentOverHttp } from './rules/sent-over-http.js';
import type { TraceCookie } from './trace-cookie.js';
import type { TraceRule } from './trace-rule.js';

/** The rules of rubric section 5, in the table's order. */
export const TRACE_RULES: readonly TraceRule[] = [idInUrl, sentOverHttp, noRotationOnLogin, logoutNotCleared];

export type TimelineEventType = 'set' | 'sent' | 'refreshed' | 'rotated' | 'cleared';

export interface TimelineEvent {
  readonly type: TimelineEventType;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly time: number;
  /** For `sent`: how many requests in a row carried the cookie (this one is the first). */
  readonly count: number;
}

export interface TraceAnalysis {
  readonly findings: readonly Finding[];
  readonly rotatedOnLogin: boolean;
  readonly timeline: readonly TimelineEvent[];
}

/** set / refreshed (same value again, e.g. rolling) / rotated (new value) / cleared, and runs of sends. */
export function timeline({ observations, carried, set }: TraceCookie): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  let current: string | undefined;
  observations.forEach((observation, index) => {
    const sent = carried[index] !== undefined;
    const effect = set[index];
    if (!sent && effect === undefined) return;
    const at = { method: observation.method, url: observation.url, status: observation.status, time: observation.time };
    // The request goes out before its response comes back: a send comes before a set.
    if (sent) {
      const last = events[events.length - 1];
      // Built here and not shared yet: the run's count grows in place.
      if (last?.type === 'sent') (last as { count: number }).count++;
      else events.push({ type: 'sent', ...at, count: 1 });
    }
    if (effect === undefined) return;
    if (effect.deletion) {
      events.push({ type: 'cleared', ...at, count: 1 });
      current = undefined;
      return;
    }
    const type = current === undefined ? 'set' : effect.value === current ? 'refreshed' : 'rotated';
    events.push({ type, ...at, count: 1 });
    current = effect.value;
  });
  return events;
}

export const ROTATED_ON_LOGIN: Note = {
  id: 'rotated-on-login',
  message: 'The session id changed at login: a planted id is useless (no session fixation).',
};

export function analyzeTrace(cookie: TraceCookie, framework: Framework): TraceAnalysis {
  const findings: Finding[] = [];
  for (const rule of TRACE_RULES) {
    const message = rule.explain(cookie);
    if (message === null) continue;
    findings.push({ id: rule.id, deduction: rule.deduction, cap: rule.cap, message, fix: adviceFor(rule.fix, framework) });
  }
  const outcomes = loginOutcomes(cookie);
  return {
    findings,
    rotatedOnLogin: outcomes.length > 0 && outcomes.every((outcome) => outcome === 'rotated'),
    timeline: timeline(cookie),
  };
}
