/**
 * Issue 13 in the real panel: the time from a request's end to its cookie's card must not grow
 * with the trace. Real Chromium with the built extension, on a page shaped like a busy single-page
 * app (20 session cookies and 5 others, all sent with every request; a fifth of the responses
 * set one of them again; one in a hundred is a redirect). A probe request sets a new session cookie; the panel notes when its
 * card appears. The test compares the median latency at 5,000 entries with the one at 100: a
 * ratio, not a stopwatch (both include the panel's 100 ms batching).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithPanel, type DevtoolsSession } from './support/chromium-devtools.js';

const SESSION_COOKIES = 20;
const OTHER_COOKIES = 5;
const PROBES = 5;

let server: http.Server;
let origin: string;
let session: DevtoolsSession;

function idFor(cookie: number): string {
  return `${cookie.toString(36).padStart(4, 'k')}Xk2Q9fYt3nB0aLp7ZcR1mVw8eJ4hUd`;
}

/** The app: a page, API reads that sometimes set a cookie again, and probes that set a new one. */
function answer(request: http.IncomingMessage, response: http.ServerResponse): void {
  const url = new URL(request.url ?? '/', origin);
  const item = /^\/api\/items\/(\d+)$/.exec(url.pathname);
  const probe = /^\/api\/probe\/(\w+)(\/again)?$/.exec(url.pathname);
  if (url.pathname === '/') {
    const lines = Array.from({ length: SESSION_COOKIES + OTHER_COOKIES }, (_, cookie) =>
      cookie < SESSION_COOKIES ? `app${cookie}.sid=s%3A${idFor(cookie)}.c2lnbmF0dXJl; Path=/; HttpOnly; SameSite=Lax` : `pref${cookie}=v${cookie}; Path=/`,
    );
    response.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': lines });
    response.end('<!doctype html><title>busy app</title><p>busy app</p>');
  } else if (item && Number(item[1]) % 100 === 50 && !url.searchParams.has('moved')) {
    response.writeHead(302, { Location: `/api/items/${item[1]}?moved` });
    response.end();
  } else if (item) {
    const index = Number(item[1]);
    const cookie = (index / 5) % SESSION_COOKIES;
    const headers: http.OutgoingHttpHeaders = { 'Content-Type': 'application/json' };
    if (index % 5 === 0) headers['Set-Cookie'] = `app${cookie}.sid=s%3A${idFor(cookie)}.c2lnbmF0dXJl; Path=/; HttpOnly; SameSite=Lax`;
    response.writeHead(200, headers);
    response.end(`{"item":${index}}`);
  } else if (probe && probe[2]) {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end('{}');
  } else if (probe) {
    // Scoped to the probe's own path: the busy app's requests do not send it, so the trace stays
    // the shape the issue measures (25 cookies sent by every request), whatever the probes add.
    response.writeHead(200, {
      'Content-Type': 'application/json',
      'Set-Cookie': `${probe[1]}.sid=${idFor(999)}${probe[1]}; Path=/api/probe/${probe[1]}; HttpOnly; SameSite=Lax`,
    });
    response.end('{}');
  } else {
    response.writeHead(404);
    response.end();
  }
}

beforeAll(async () => {
  server = http.createServer(answer);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  session = await launchChromiumWithPanel();
  await session.page.goto(`${origin}/`);
});

afterAll(async () => {
  await session?.close();
  await new Promise((done) => server?.close(done));
});

let fired = 0;

/** The page fires `count` API reads, eight at a time, as a busy app does. */
async function fill(count: number, page: Page = session.page): Promise<void> {
  const from = fired;
  fired += count;
  await page.evaluate(
    async (start: number, end: number) => {
      let next = start;
      const worker = async () => {
        while (next < end) await (await fetch(`/api/items/${next++}`)).text();
      };
      await Promise.all(Array.from({ length: 8 }, worker));
    },
    from,
    fired,
  );
}

/** Milliseconds from the end of a probe request to its card in the panel. */
async function probeLatency(panel: Frame, name: string): Promise<number> {
  await panel.evaluate((cookie: string) => {
    const seen = ((window as unknown as { cardSeenAt?: Record<string, number> }).cardSeenAt ??= {});
    const selector = `.card[data-cookie-name="${cookie}.sid"]`;
    const observer = new MutationObserver(() => {
      if (document.querySelector(selector) === null) return;
      seen[cookie] = Date.now();
      observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true });
  }, name);
  // A request that sends the new cookie (to its path) follows at once: under load Chromium
  // sometimes hands the panel an entry without its raw Set-Cookie (seen once in about ten runs),
  // and the panel then learns the cookie from the request that carries it.
  const ended = await session.page.evaluate(async (cookie: string) => {
    await (await fetch(`/api/probe/${cookie}`)).text();
    const end = Date.now();
    void fetch(`/api/probe/${cookie}/again`);
    return end;
  }, name);
  const handle = await panel
    .waitForFunction((cookie: string) => (window as unknown as { cardSeenAt: Record<string, number> }).cardSeenAt[cookie], { timeout: 60_000 }, name)
    .catch(async (error: unknown) => {
      const state = await panel.evaluate(() => ({
        errors: (window as unknown as { panelErrors?: string[] }).panelErrors ?? [],
        cards: document.querySelectorAll('.card').length,
        names: [...document.querySelectorAll('.card')].map((card) => card.getAttribute('data-cookie-name')).slice(-8),
      }));
      throw new Error(
        `Chromium e2e: no card for ${name}.sid within 60 s; the panel shows ${state.cards} cards (last: ${state.names.join(', ')}); errors in the panel: ${state.errors.join(' | ') || 'none'}`,
        { cause: error },
      );
    });
  return ((await handle.jsonValue()) as number) - ended;
}

/** The panel has taken every request so far: the card of a marker request is there. */
async function settled(panel: Frame, marker: string): Promise<void> {
  await probeLatency(panel, marker);
  await new Promise((done) => setTimeout(done, 500));
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

async function probeLatencies(panel: Frame, label: string): Promise<number[]> {
  const latencies: number[] = [];
  for (let probe = 0; probe < PROBES; probe++) latencies.push(await probeLatency(panel, `${label}p${probe}`));
  return latencies;
}

describe('the Sessions panel under a busy app in Chromium', () => {
  it('shows every new cookie as fast at 5,000 entries as at 100 (at most twice the time, the slowest probe too)', async () => {
    const panel = await session.panel();
    // Errors in the panel, to name in a failure.
    await panel.evaluate(() => {
      const errors: string[] = [];
      (window as unknown as { panelErrors: string[] }).panelErrors = errors;
      window.addEventListener('error', (event) => errors.push(String(event.error?.stack ?? event.message)));
      window.addEventListener('unhandledrejection', (event) => errors.push(String((event.reason as Error | undefined)?.stack ?? event.reason)));
    });
    // The panel's long tasks during the burst, for the record (printed, not asserted: no stopwatch).
    // Only those that start from here: the panel's first render of the page's 25 cookies (a cold
    // task of about 200 ms) comes before.
    await panel.waitForFunction(
      (count: number) => document.querySelectorAll('.card[data-cookie-name]').length >= count,
      { timeout: 30_000 },
      SESSION_COOKIES + OTHER_COOKIES,
    );
    await new Promise((done) => setTimeout(done, 500));
    await panel.evaluate(() => {
      const longest = { ms: 0, at: 0 };
      (window as unknown as { longestTask: { ms: number; at: number } }).longestTask = longest;
      const burstStart = performance.now();
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.startTime < burstStart || entry.duration <= longest.ms) continue;
          longest.ms = entry.duration;
          longest.at = entry.startTime - burstStart;
        }
      }).observe({ type: 'longtask', buffered: false });
    });
    // The panel's re-reads of the whole log (getHAR), through the polyfill, which looks the method up per call.
    await panel.evaluate(() => {
      const network = (globalThis as unknown as { chrome: { devtools: { network: { getHAR: (...args: unknown[]) => unknown } } } }).chrome.devtools.network;
      const getHAR = network.getHAR.bind(network);
      const counter = { reads: 0 };
      (window as unknown as { harReads: { reads: number } }).harReads = counter;
      network.getHAR = (...args: unknown[]) => {
        counter.reads++;
        return getHAR(...args);
      };
    });
    await fill(100);
    await settled(panel, 'warm');
    const small = await probeLatencies(panel, 'small');
    const at100 = median(small);
    await fill(4_900);
    await settled(panel, 'full');
    const large = await probeLatencies(panel, 'large');
    const at5000 = median(large);
    const slowest = Math.max(...large);
    // On to 11,000 requests: past the panel's cap of 10,000, where it drops the oldest tenth.
    await fill(6_000);
    await settled(panel, 'capped');
    const dropped = await panel.$$eval(
      'p.notice',
      (lines) => lines.map((line) => line.textContent ?? '').find((text) => text.includes('dropped')) ?? 'no notice',
    );
    expect(dropped).toMatch(/Keeping the last 10000 requests: \d+ older ones were dropped/);
    expect(await panel.$$eval('table.summary tbody tr', (rows) => rows.length)).toBeGreaterThanOrEqual(SESSION_COOKIES + OTHER_COOKIES);
    const longest = await panel.evaluate(() => (window as unknown as { longestTask: { ms: number; at: number } }).longestTask);
    const harReads = await panel.evaluate(() => (window as unknown as { harReads: { reads: number } }).harReads.reads);
    console.log(
      `Panel latency from a request's end to its card: ${at100} ms at about 100 entries (median of ${small.join(', ')}), ${at5000} ms at about 5,000 (median of ${large.join(', ')}; ratio ${(at5000 / at100).toFixed(2)}, slowest probe ${(slowest / at100).toFixed(2)}); longest panel task over the burst of ${fired.toLocaleString('en')} requests (past the cap): ${Math.round(longest.ms)} ms, ${(longest.at / 1000).toFixed(1)} s in; re-reads of the whole HAR for ${Math.floor(fired / 100)} redirects: ${harReads}.`,
    );
    // Every probe, not only the median: a card that now and then comes late is what users notice.
    expect(slowest / at100).toBeLessThanOrEqual(2);
    // The redirects set no cookie, so no request sends a value nothing explains: no re-read. One
    // or two stay possible, when Chromium drops a probe's raw Set-Cookie while a redirect is held;
    // re-reading for each redirect without Set-Cookie would make one for every held batch.
    expect(harReads).toBeLessThanOrEqual(2);
  }, 300_000);

  it('opened late, after 5,000 requests with DevTools open, shows the whole history', async () => {
    const late = await launchChromiumWithPanel({ showPanel: false });
    try {
      await late.page.goto(`${origin}/`);
      await fill(5_000, late.page);
      const opened = Date.now();
      const panel = await late.showPanel();
      await panel.waitForFunction(
        (count: number) => document.querySelectorAll('table.summary tbody tr').length >= count,
        { timeout: 60_000 },
        SESSION_COOKIES + OTHER_COOKIES,
      );
      const shown = Date.now() - opened;
      const rows = await panel.$$eval('table.summary tbody tr', (items) => items.map((row) => row.getAttribute('data-cookie-name') ?? ''));
      expect(rows.filter((name) => name.endsWith('.sid'))).toHaveLength(SESSION_COOKIES);
      console.log(`A late open after 5,000 requests shows the summary ${shown} ms after the panel is shown (target: under 1 s; printed, not asserted).`);
    } finally {
      await late.close();
    }
  }, 300_000);
});
