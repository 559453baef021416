/**
 * Exact capture in real Chromium (issue #23). The "Capture exactly" button asks for webRequest and
 * host access to the inspected host. Chromium 156 sends no webRequest event to an extension that
 * got the permission at run time until it starts again, so the panel says so; after a browser
 * restart with the same profile it captures the host exactly from the start: a login followed at
 * once by another navigation keeps its Cookie header every time, a single-page app's new session
 * cookie shows within 1 s over HTTP/2 behind nginx, and DevTools' log is never re-read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../support/demo-servers.js';
import { launchChromiumWithPanel, type DevtoolsSession } from './support/chromium-devtools.js';
import { CHROMIUM_PROXY_ARGS, PROXY_HOST, startProxiedDemo, type ProxiedDemo } from './support/proxied-demo.js';
import { fireRequests, newSessionCookieLatencies } from './support/spa-probes.js';

const TRIALS = 10;
const profile = mkdtempSync(join(tmpdir(), 'sci-exact-capture-'));
let demo: RunningDemo;
let proxied: ProxiedDemo;
let session: DevtoolsSession | null = null;

/** Asks for exact capture of the inspected page's host with the panel's button, as a user does. */
async function grantFromThePanel(page: Page, pageUrl: string): Promise<void> {
  const current = session as DevtoolsSession;
  // Chromium's prompt is browser UI automation cannot click: host access is granted beforehand as
  // a user does on chrome://extensions (webRequest itself has no prompt).
  await current.grantHostAccess(new URL(pageUrl).hostname);
  await page.goto(pageUrl);
  const panel = await current.panel();
  await panel.waitForSelector('.capture[data-capture="devtools"] button.exact-capture', { timeout: 10_000 });
  await panel.click('button.exact-capture');
  await panel.waitForSelector('.capture[data-capture="granted"]', { timeout: 10_000 });
  expect(await panel.$eval('.capture', (element) => element.textContent ?? '')).toContain('restart the browser');
}

/** Counts, from now on, the panel's re-reads of DevTools' log. */
async function countLogReads(panel: Frame): Promise<void> {
  await panel.evaluate(`(() => {
    if (window.__harReads !== undefined) return;
    const network = chrome.devtools.network;
    const getHAR = network.getHAR.bind(network);
    window.__harReads = 0;
    network.getHAR = (...args) => { window.__harReads++; return getHAR(...args); };
  })()`);
}

beforeAll(async () => {
  [demo, proxied] = await Promise.all([startDemo(), startProxiedDemo()]);
  // The user grants exact capture for the demo's host and the proxy's, then the browser restarts
  // with that profile: Chromium sends the extension webRequest events from then on.
  session = await launchChromiumWithPanel({ userDataDir: profile, extraArgs: CHROMIUM_PROXY_ARGS });
  await grantFromThePanel(session.page, `${demo.http.origin}/`);
  await grantFromThePanel(session.page, `${proxied.proxy.h2Origin}/spa/app`);
  await session.close();
  session = await launchChromiumWithPanel({ userDataDir: profile, extraArgs: CHROMIUM_PROXY_ARGS });
}, 120_000);

afterAll(async () => {
  await session?.close();
  await Promise.all([demo?.close(), proxied?.close()]);
  rmSync(profile, { recursive: true, force: true });
});

async function findings(panel: Frame, name: string): Promise<string[]> {
  return panel.$$eval(`.card[data-cookie-name="${name}"] [data-finding]`, (items) => items.map((item) => item.getAttribute('data-finding') ?? ''));
}

/** Logs in through the real form and navigates again as soon as the login's page has loaded (a script's redirect): the gap in ms. */
async function logInThenNavigate(page: Page, origin: string): Promise<number> {
  await page.goto(`${origin}/login`);
  await page.type('input[name="password"]', 'demo');
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click('form[action="/login"] button')]);
  const loggedIn = Date.now();
  await page.goto(`${origin}/`);
  return Date.now() - loggedIn;
}

describe('exact capture in Chromium', () => {
  it('keeps every login then navigation, 10 of 10, without re-reading the log', async () => {
    const current = session as DevtoolsSession;
    const { page } = current;
    const origin = demo.http.origin;
    await page.goto(`${origin}/`);
    let panel = await current.panel();
    await panel.waitForSelector('.capture[data-capture="exact"]', { timeout: 10_000 });
    expect(await panel.$eval('.capture', (element) => element.textContent ?? '')).toContain(new URL(origin).hostname);
    await countLogReads(panel);

    let found = 0;
    const gaps: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      await current.clearBrowserCookies();
      panel = await current.panel();
      await panel.click('.toolbar button:last-of-type');
      gaps.push(await logInThenNavigate(page, origin));
      const deadline = Date.now() + 5000;
      let shown: string[] = [];
      while (Date.now() < deadline && !shown.includes('no-rotation-on-login')) {
        shown = await findings(panel, 'connect.sid');
        await new Promise((done) => setTimeout(done, 100));
      }
      if (shown.includes('no-rotation-on-login')) found++;
    }
    const harReads = await panel.evaluate('window.__harReads');
    console.log(
      `exact capture: no-rotation-on-login in ${found} of ${TRIALS} logins, each followed by a navigation after ${gaps.join(', ')} ms; ` +
        `${String(harReads)} re-reads of DevTools' log`,
    );
    expect(Math.max(...gaps)).toBeLessThan(1000);
    expect(found).toBe(TRIALS);
    expect(harReads).toBe(0);
  });

  it('shows a new session cookie within 1 s in a single-page app with 3,000 requests over HTTP/2 behind nginx, without re-reading the log', async () => {
    const current = session as DevtoolsSession;
    const panel = await current.panel();
    await current.page.goto(`${proxied.proxy.h2Origin}/spa/app`);
    await panel.waitForSelector('.capture[data-capture="exact"]', { timeout: 10_000 });
    expect(await panel.$eval('.capture', (element) => element.textContent ?? '')).toContain(PROXY_HOST);
    await countLogReads(panel);
    const readsBefore = (await panel.evaluate('window.__harReads')) as number;
    await fireRequests(current.page, 3000);
    const latencies = await newSessionCookieLatencies(current.page, panel, 'exactspa');
    const reads = ((await panel.evaluate('window.__harReads')) as number) - readsBefore;
    console.log(
      `Chromium, exact capture, single-page app after 3,000 requests over h2: new session cookie shown after ${latencies.join(', ')} ms; ${reads} re-reads of DevTools' log.`,
    );
    expect(Math.max(...latencies)).toBeLessThanOrEqual(1000);
    expect(reads).toBe(0);
  }, 180_000);
});
