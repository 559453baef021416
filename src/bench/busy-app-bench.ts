/**
 * Bench rows for issue 13's shape of a busy single-page app: 20 session cookies and 5 others, all
 * sent with every request, 20% of responses setting one of them again. Panel ingest + grading per
 * batch of 50 at 1,000 and 10,000 entries, and report time for 3,000 vs 30,000 cookies.
 */
import { gradeObservations } from '../grade/grade-observations.js';
import type { Observation } from '../observation/observation.js';
import { buildJsonReport } from '../report/json-report.js';
import { formatMarkdownReport } from '../report/markdown-report.js';
import { formatTextReport } from '../report/text-report.js';
import { IncrementalGrader } from '../grade/incremental-grader.js';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { collectGarbage } from './collect-garbage.js';
import { DEFAULT_MAX_OBSERVATIONS } from '../ui/store/kept-exchanges.js';
import { applyEvent, createSessionsStore } from '../ui/store/sessions-store.js';
import { slimObservation, type HeaderPool } from '../ui/store/slim-observation.js';

const SESSION_COOKIES = 20;
const OTHER_COOKIES = 5;
const BATCH = 50;

function idFor(cookie: number, generation: number): string {
  return `${cookie.toString(36).padStart(4, 'k')}Xk2Q9fYt3nB0aLp7ZcR1mVw8eJ${generation.toString(36).padStart(4, '0')}`;
}

function nameOf(cookie: number): string {
  return cookie < SESSION_COOKIES ? `app${cookie}.sid` : `pref${cookie}`;
}

/** `count` exchanges of the busy app, in time order. */
export function busyAppTrace(count: number): Observation[] {
  const cookies = SESSION_COOKIES + OTHER_COOKIES;
  const value = (cookie: number) => (cookie < SESSION_COOKIES ? `s%3A${idFor(cookie, 0)}.c2lnbmF0dXJlc2lnbmF0dXJl` : `v${cookie}`);
  return Array.from({ length: count }, (_, index) => {
    const setting = index % 5 === 0;
    const cookie = (index / 5) % cookies;
    return {
      url: `https://app.example.com/api/items/${index}?page=${index % 9}`,
      method: index % 40 === 0 ? 'POST' : 'GET',
      requestHeaders: [{ name: 'Cookie', value: Array.from({ length: cookies }, (_, c) => `${nameOf(c)}=${value(c)}`).join('; ') }],
      requestBodyParamNames: null,
      status: 200,
      responseHeaders: [
        { name: 'Content-Type', value: 'application/json' },
        ...(setting ? [{ name: 'Set-Cookie', value: `${nameOf(cookie)}=${value(cookie)}; Path=/; HttpOnly; Secure; SameSite=Lax` }] : []),
      ],
      time: Date.UTC(2026, 0, 1) + index * 50,
    };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * Milliseconds per batch of 50 (ingest into the inventory + incremental grading), for the batches
 * that bring the trace to about `at`. The grader itself, without the store's safety net, which
 * would defer batches and hide their cost.
 */
function batchMilliseconds(trace: readonly Observation[], at: number): number {
  const grader = new IncrementalGrader();
  const headers: HeaderPool = new Map();
  const times: number[] = [];
  for (let start = 0; start < at; start += BATCH) {
    // The measured batches start from a collected heap: the garbage of building the trace up to
    // here is not theirs (a major collection among ten batches made one run read 4.8 ms).
    if (start === at - 10 * BATCH) collectGarbage();
    const batch = trace.slice(start, start + BATCH).map((observation) => slimObservation(observation, headers));
    const began = process.hrtime.bigint();
    grader.append(batch);
    const elapsed = Number(process.hrtime.bigint() - began) / 1e6;
    if (start >= at - 10 * BATCH) times.push(elapsed);
  }
  return median(times);
}

/** A trace with `count` distinct session cookies, each set once and sent once. */
function manyCookieTrace(count: number): Observation[] {
  return Array.from({ length: count }, (_, index) => ({
    url: `https://app.example.com/step/${index}`,
    method: 'GET',
    requestHeaders: index > 0 ? [{ name: 'Cookie', value: `c${index - 1}.sid=${idFor(index - 1, 1)}` }] : [],
    requestBodyParamNames: null,
    status: 200,
    responseHeaders: [{ name: 'Set-Cookie', value: `c${index}.sid=${idFor(index, 1)}; Path=/; HttpOnly` }],
    time: Date.UTC(2026, 0, 1) + index * 1000,
  }));
}

function reportMilliseconds(count: number): number {
  const trace = gradeObservations(manyCookieTrace(count));
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const began = process.hrtime.bigint();
    const report = buildJsonReport('bench', trace);
    JSON.stringify(report);
    formatTextReport(report);
    formatMarkdownReport(report);
    times.push(Number(process.hrtime.bigint() - began) / 1e6);
  }
  return median(times);
}

/**
 * The store taking batches of 50 until 2,000 past its cap (it drops the oldest tenth twice), with
 * a turn of the event loop between batches as in the panel: the longest the loop was blocked.
 */
async function longestTaskCrossingTheCap(): Promise<number> {
  const trace = busyAppTrace(DEFAULT_MAX_OBSERVATIONS + 2_000);
  const store = createSessionsStore();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  for (let start = 0; start < trace.length; start += BATCH) {
    applyEvent(store, { type: 'observed', observations: trace.slice(start, start + BATCH) });
    await new Promise((done) => setTimeout(done, 1));
  }
  await new Promise((done) => setTimeout(done, 500));
  delay.disable();
  if (store.dropped.value === 0) throw new Error('the store never dropped: the row measures nothing');
  return delay.max / 1e6;
}

export async function busyAppFigures(): Promise<void> {
  console.log(
    `\nBusy app (${SESSION_COOKIES} session + ${OTHER_COOKIES} other cookies sent by every request, 20% of responses setting one; batches of ${BATCH})`,
  );
  const trace = busyAppTrace(10_000);
  // A first run warms the JIT up, so the 1,000 figure is not the cost of compiling the grader.
  batchMilliseconds(trace, 1_000);
  const at1k = batchMilliseconds(trace, 1_000);
  const at10k = batchMilliseconds(trace, 10_000);
  console.log(`  inventory + incremental grading per batch at  1,000 entries: ${at1k.toFixed(2)} ms median of the last 10 batches`);
  console.log(`  inventory + incremental grading per batch at 10,000 entries: ${at10k.toFixed(2)} ms (x${(at10k / at1k).toFixed(1)} the 1,000 figure)`);
  console.log(
    `  the store past its cap of ${DEFAULT_MAX_OBSERVATIONS.toLocaleString('en')} (dropping the oldest tenth twice): longest blocked event loop ${(await longestTaskCrossingTheCap()).toFixed(0)} ms`,
  );
  const small = reportMilliseconds(3_000);
  const large = reportMilliseconds(30_000);
  console.log(`  JSON + text + Markdown reports,  3,000 cookies: ${small.toFixed(0)} ms`);
  console.log(`  JSON + text + Markdown reports, 30,000 cookies: ${large.toFixed(0)} ms (ratio ${(large / small).toFixed(1)}, linear is 10)`);
}
