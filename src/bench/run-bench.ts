/**
 * `npm run bench`: parse throughput against `cookie`, `set-cookie-parser` and `tough-cookie` in
 * the same process, parse+grade throughput for session cookies, retained memory per parsed
 * result, parse time on 1 KB / 10 KB / 100 KB headers (it must stay linear), the panel's ingest
 * and grading, the known-secrets check on the panel's and the CLI's paths, and the whole CLI
 * process on real-entry and body-heavy HAR files, at start-up and on large reports.
 * Prints figures; it asserts nothing (speed is never a test).
 */
import { cpus, loadavg } from 'node:os';
import { parseSetCookie as cookieParseSetCookie } from 'cookie';
import { parseString as setCookieParserParse } from 'set-cookie-parser';
import { Cookie as ToughCookie } from 'tough-cookie';
import { parseSetCookie } from '../core/parse-set-cookie.js';
import { detectSessionCookie } from '../detect/detect-session-cookie.js';
import { gradeObservations } from '../grade/grade-observations.js';
import { gradeSetCookie } from '../grade/grade-set-cookie.js';
import { responseContext } from '../core/response-context.js';
import { harEntryToObservation } from '../observation/read-har.js';
import { applyEvent, createSessionsStore } from '../ui/store/sessions-store.js';
import { busyAppFigures } from './busy-app-bench.js';
import { collectGarbage } from './collect-garbage.js';
import { generateHarEntries } from './har-corpus.js';
import { cliFigures } from './cli-bench.js';
import { secretFigures } from './secrets-bench.js';
import { generateCorpus } from './set-cookie-corpus.js';

const CORPUS_SIZE = 100_000;
const ROUNDS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

let sink = 0;

/**
 * One pass of `work` over every header; returns headers per second. Each pass starts from a
 * collected heap, so no contender pays for the garbage the one before it left in the young
 * generation: without this, the same parser measured 0.91x to 1.04x against itself in one run.
 */
function onePass(headers: readonly string[], work: (header: string) => unknown): number {
  collectGarbage();
  const start = process.hrtime.bigint();
  for (const header of headers) if (work(header)) sink++;
  return headers.length / (Number(process.hrtime.bigint() - start) / 1e9);
}

/**
 * Median headers per second of each contender. Rounds are interleaved (A B C D, A B C D, ...)
 * after a warm-up pass of each, so no contender gets a quieter or warmer machine than another.
 */
function interleavedThroughput(headers: readonly string[], contenders: readonly (readonly [string, (header: string) => unknown])[]): Map<string, number> {
  const rates = new Map<string, number[]>(contenders.map(([name]) => [name, []]));
  for (const [, work] of contenders) onePass(headers, work);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, work] of contenders) rates.get(name)?.push(onePass(headers, work));
  }
  if (sink < 0) console.log(sink);
  return new Map([...rates].map(([name, list]) => [name, median(list)]));
}

const format = (rate: number) => `${(rate / 1e6).toFixed(3)} M/s`;

function retainedBytesPerResult(headers: readonly string[]): number {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const kept = headers.map((header) => parseSetCookie(header));
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  if (kept.length !== headers.length) throw new Error('lost results');
  return (after - before) / headers.length;
}

const PANEL_BATCH = 50;

/**
 * The panel's path for live traffic: HAR entry -> observation -> store, in the adapter's batches.
 * Returns the microseconds per entry of each batch.
 */
function ingest(store: ReturnType<typeof createSessionsStore>, entries: readonly unknown[]): number[] {
  const perEntry: number[] = [];
  for (let index = 0; index < entries.length; index += PANEL_BATCH) {
    const start = process.hrtime.bigint();
    const observations = entries.slice(index, index + PANEL_BATCH).flatMap((entry) => {
      const observation = harEntryToObservation(entry);
      return observation ? [observation] : [];
    });
    applyEvent(store, { type: 'observed', observations });
    perEntry.push(Number(process.hrtime.bigint() - start) / 1e3 / PANEL_BATCH);
  }
  return perEntry;
}

function panelFigures(): void {
  const ENTRIES = 10_000;
  const entries = generateHarEntries(ENTRIES, 2_000);
  const perEntry: number[] = [];
  for (let round = 0; round < 5; round++) perEntry.push(...ingest(createSessionsStore(), entries));
  console.log('\nPanel (10,000 HAR entries, 2,000 setting cookies, batches of 50)');
  console.log(`  store ingest per HAR entry: ${median(perEntry).toFixed(2)} us median`);

  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const store = createSessionsStore();
  ingest(store, entries);
  // The row names the cookies of the whole trace, not those the store had graded by now.
  const graded = gradeObservations(store.observations.value).cookies.length;
  collectGarbage();
  const retained = process.memoryUsage().heapUsed - before;
  // What the panel redoes after each batch: grade the whole trace (warm, median of 7).
  const observations = store.observations.value;
  const setCookieLines = observations.reduce((sum, o) => sum + o.responseHeaders.filter((h) => h.name.toLowerCase() === 'set-cookie').length, 0);
  const gradeTimes: number[] = [];
  for (let run = 0; run < 12; run++) {
    const start = process.hrtime.bigint();
    gradeObservations(observations);
    if (run >= 5) gradeTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  console.log(`  grading the whole trace (${setCookieLines} Set-Cookie lines, ${graded} cookies): ${median(gradeTimes).toFixed(1)} ms median`);
  console.log(`  retained memory, store with 10,000 entries, graded: ${(retained / 1024 / 1024).toFixed(1)} MB`);
  if (store.observations.value.length !== ENTRIES) throw new Error('lost observations');
}

async function main(): Promise<void> {
  console.log(
    `Machine: ${cpus().length} cores, load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' / ')} (1 / 5 / 15 min), Node ${process.version}\n`,
  );
  const { headers, sessionHeaders } = generateCorpus(CORPUS_SIZE);
  console.log(`Corpus: ${headers.length} Set-Cookie headers (${sessionHeaders.length} session cookies), ${ROUNDS} rounds, medians.\n`);

  const parsers: [string, (header: string) => unknown][] = [
    ['session-cookie-inspector parseSetCookie', parseSetCookie],
    ["cookie's parseSetCookie", (header) => cookieParseSetCookie(header)],
    ['set-cookie-parser parseString', (header) => setCookieParserParse(header, { silent: true })],
    ['tough-cookie Cookie.parse', (header) => ToughCookie.parse(header)],
  ];
  const rates = interleavedThroughput(headers, parsers);
  const cookieRate = rates.get("cookie's parseSetCookie") as number;
  console.log('Parse throughput');
  for (const [name, rate] of rates) {
    console.log(`  ${name.padEnd(42)} ${format(rate).padStart(11)}   ${(rate / cookieRate).toFixed(2)}x cookie`);
  }

  const response = responseContext({
    url: 'https://app.example.com/',
    method: 'GET',
    requestHeaders: [],
    requestBodyParamNames: null,
    status: 200,
    responseHeaders: [{ name: 'Date', value: 'Thu, 01 Jan 2026 00:00:00 GMT' }],
    time: Date.UTC(2026, 0, 1),
  });
  const gradeRate = interleavedThroughput(sessionHeaders, [
    [
      'grade',
      (header) => {
        const cookie = parseSetCookie(header);
        return gradeSetCookie(cookie, response, detectSessionCookie(cookie.name, cookie.value)).grade;
      },
    ],
  ]).get('grade') as number;
  console.log(`\nParse + detect + grade, session cookies  ${format(gradeRate)}`);

  console.log(`\nRetained memory per parsed result: ${retainedBytesPerResult(headers).toFixed(0)} bytes (input strings excluded)`);

  console.log('\nParse time by header size (linear means x10 size -> about x10 time)');
  for (const kilobytes of [1, 10, 100]) {
    const size = kilobytes * 1024;
    const line = `big=${'v'.repeat(size / 2)}; ${'Path=/; '.repeat(size / 16)}`.slice(0, size);
    const rounds = Math.max(20, 20_000 / kilobytes);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = process.hrtime.bigint();
      for (let r = 0; r < rounds; r++) parseSetCookie(line);
      times.push(Number(process.hrtime.bigint() - start) / 1e3 / rounds);
    }
    console.log(`  ${String(kilobytes).padStart(3)} KB header: ${median(times).toFixed(1)} us per parse`);
  }
  panelFigures();
  await busyAppFigures();
  await secretFigures();
  await cliFigures();
}

await main();
