/**
 * Exact capture in real Chromium (issue #23). The "Capture exactly" button asks for webRequest and
 * host access to the inspected host. Chromium 156 sends no webRequest event to an extension that
 * got the permission at run time until it starts again, so the panel says so; after a browser
 * restart with the same profile it captures the host exactly from the start: a login followed at
 * once by another navigation keeps its Cookie header every time, and DevTools' log is never re-read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../support/demo-servers.js';
import { launchChromiumWithPanel, type DevtoolsSession } from './support/chromium-devtools.js';

const TRIALS = 10;
const profile = mkdtempSync(join(tmpdir(), 'sci-exact-capture-'));
let demo: RunningDemo;
let session: DevtoolsSession | null = null;

beforeAll(async () => {
  demo = await startDemo();
});

afterAll(async () => {
  await session?.close();
  await demo?.close();
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
  it('asks on a click for the inspected host, then (after a browser restart) keeps every login then navigation, 10 of 10, without re-reading the log', async () => {
    const origin = demo.http.origin;
    const host = new URL(origin).hostname;

    // The user grants exact capture. Chromium's prompt is browser UI automation cannot click: host
    // access is granted beforehand as a user does on chrome://extensions (webRequest has no prompt).
    session = await launchChromiumWithPanel({ userDataDir: profile });
    await session.grantHostAccess(host);
    await session.page.goto(`${origin}/`);
    let panel = await session.panel();
    await panel.waitForSelector('.capture[data-capture="devtools"] button.exact-capture', { timeout: 10_000 });
    await panel.click('button.exact-capture');
    await panel.waitForSelector('.capture[data-capture="granted"]', { timeout: 10_000 });
    expect(await panel.$eval('.capture', (element) => element.textContent ?? '')).toContain('restart the browser');
    await session.close();
    session = null;

    // The browser starts again with that profile: the panel captures the host exactly at once.
    session = await launchChromiumWithPanel({ userDataDir: profile });
    const { page } = session;
    await page.goto(`${origin}/`);
    panel = await session.panel();
    await panel.waitForSelector('.capture[data-capture="exact"]', { timeout: 10_000 });
    expect(await panel.$eval('.capture', (element) => element.textContent ?? '')).toContain(host);
    await panel.evaluate(`(() => {
      const network = chrome.devtools.network;
      const getHAR = network.getHAR.bind(network);
      window.__harReads = 0;
      network.getHAR = (...args) => { window.__harReads++; return getHAR(...args); };
    })()`);

    let found = 0;
    const gaps: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      await session.clearBrowserCookies();
      panel = await session.panel();
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
});
