/** What the trace rules' tests share: a site, two ids, the attributes of a good cookie, and readers of a graded trace. */
import { gradeObservations } from '../../src/grade/grade-observations.js';
import type { Observation } from '../../src/observation/observation.js';
import { exchange } from './trace-builder.js';

export const SITE = 'https://app.example.com';
export const OLD = 'Xk2Q9fYt-3nB_0aLp7ZcR1mVw8eJ4hUd';
export const NEW = 'pR7vN2kZ_x9Lq4Ws-8mYb3Tc6Hd1Jf0G';
export const ATTRIBUTES = 'Path=/; Secure; HttpOnly; SameSite=Lax';

export function findingIds(trace: Observation[], name = 'sid'): string[] {
  const entry = gradeObservations(trace).cookies.find((cookie) => cookie.cookie.name === name && !cookie.deletion);
  return entry?.findings.map((finding) => finding.id) ?? [];
}

export function notes(trace: Observation[], name = 'sid'): string[] {
  const entry = gradeObservations(trace).cookies.find((cookie) => cookie.cookie.name === name && !cookie.deletion);
  return entry?.notes.map((note) => note.id) ?? [];
}

/** The first visit: it sets sid to OLD. */
export const visit = exchange('GET', `${SITE}/`, { setCookie: [`sid=${OLD}; ${ATTRIBUTES}`] });
