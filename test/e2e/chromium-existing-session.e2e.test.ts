/**
 * The most common flow (rubric 2.3): the user is already browsing, even logged in, when DevTools
 * opens. Real Chromium, the built extension, the demo server: the cookie the demo set before
 * DevTools opened is graded from the requests that carry it, then from the browser's store, then
 * from the Set-Cookie recorded after "Clear this site's cookies and reload".
 */
import type { Frame } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../support/demo-servers.js';
import { launchChromiumWithPanel, waitForGrade, type DevtoolsSession } from './support/chromium-devtools.js';

let demo: RunningDemo;
let session: DevtoolsSession;

const CARD = '.card[data-cookie-name="connect.sid"]';
const gradedFrom = (panel: Frame) => panel.$eval(CARD, (card) => card.getAttribute('data-graded-from'));
const findings = (panel: Frame) => panel.$$eval(`${CARD} [data-finding]`, (items) => items.map((item) => item.getAttribute('data-finding')));

beforeAll(async () => {
  demo = await startDemo();
  // express-session's defaults, regenerate at login off: the demo sets its cookie before DevTools opens.
  session = await launchChromiumWithPanel({
    beforeDevtools: async (page) => {
      await page.goto(`${demo.http.origin}/`);
      const cookies = await page.browserContext().cookies();
      expect(cookies.map((cookie) => cookie.name)).toContain('connect.sid');
    },
  });
  await session.preserveNetworkLog();
});

afterAll(async () => {
  await session?.close();
  await demo?.close();
});

describe('an existing session in Chromium', () => {
  it('shows the cookie the browser already holds: seen in requests, attributes unknown', async () => {
    await session.page.goto(`${demo.http.origin}/`);
    const panel = await session.panel();
    expect(await waitForGrade(panel, 'connect.sid', 'unknown')).toBe('unknown');
    expect(await gradedFrom(panel)).toBe('sent');
    expect(await panel.$eval(CARD, (card) => card.textContent)).toContain('Seen in requests; attributes unknown.');
  });

  it('reports no-rotation-on-login, and D, for a login that keeps the pre-existing id', async () => {
    await session.page.goto(`${demo.http.origin}/login`);
    await session.page.type('input[name="password"]', 'demo');
    await Promise.all([session.page.waitForNavigation(), session.page.click('form[action="/login"] button')]);
    expect(new URL(session.page.url()).pathname).toBe('/profile');
    const panel = await session.panel();
    await panel.waitForSelector(`${CARD} [data-finding="no-rotation-on-login"]`, { timeout: 15_000 });
    expect(await waitForGrade(panel, 'connect.sid', 'D')).toBe('D');
  });

  it("grades from the browser's store after 'Read from the browser'", async () => {
    await session.grantHostAccess('127.0.0.1');
    const panel = await session.panel();
    await panel.click(`${CARD} button.read-store`);
    await panel.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('data-graded-from') === 'store', { timeout: 15_000 }, CARD);
    expect(await panel.$eval(CARD, (card) => card.textContent)).toContain("Graded from the browser's cookie store.");
    // Now scored: 100 - secure 40 - samesite 20 - prefix 5 - name-default 2 - no-rotation 40 < 30: F.
    expect(await findings(panel)).toEqual(['secure-missing', 'samesite-missing', 'prefix-none', 'name-default', 'no-rotation-on-login']);
    expect(await waitForGrade(panel, 'connect.sid', 'F')).toBe('F');
  });

  it("records the issuance after 'Clear this site's cookies and reload'", async () => {
    const panel = await session.panel();
    await panel.click(`${CARD} button.clear-site`);
    // The confirmation renders in the panel's next task.
    await (await panel.waitForSelector(`${CARD} button.confirm-clear`, { timeout: 5000 }))?.click();
    await panel.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('data-graded-from') === 'set', { timeout: 15_000 }, CARD);
    expect(await findings(panel)).toEqual(expect.arrayContaining(['secure-missing', 'samesite-missing', 'prefix-none', 'name-default']));
    const held = await session.page.browserContext().cookies();
    expect(held.filter((cookie) => cookie.name === 'connect.sid')).toHaveLength(1);
  });
});
