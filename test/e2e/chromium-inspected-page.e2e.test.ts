/**
 * The inspected page is the tab's top-level document, never an iframe's (issue 21): the site, the
 * marks, the permission request and "Clear this site's cookies" must aim at the page the user
 * inspects. Real Chromium records an iframe's document as a HAR entry of type "document" too; a
 * page that embeds a cross-site iframe which sets a session-like cookie must still be graded for
 * its own site, the iframe's cookie listed as another site's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenHttp, type Listening } from '../support/listen.js';
import { launchChromiumWithPanel, type DevtoolsSession } from './support/chromium-devtools.js';

let page: Listening;
let frame: Listening;
let session: DevtoolsSession;
// The embedded document: another site (localhost, where the page is 127.0.0.1), setting its own id.
const FRAME_ID = 'Xk2Q9fYt3nB0aLp7ZcR1mVw8eJ4hUd12';

beforeAll(async () => {
  frame = await listenHttp((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': `adsess=${FRAME_ID}; Path=/; SameSite=None; Secure` });
    response.end('<p>an embedded widget</p>');
  });
  const frameUrl = frame.origin.replace('127.0.0.1', 'localhost');
  page = await listenHttp((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': 'sid=Pq8vN2kZx9Lq4Ws8mYb3Tc6Hd1Jf0G7a; Path=/; HttpOnly' });
    response.end(`<h1>The inspected page</h1><iframe src="${frameUrl}/widget"></iframe>`);
  });
  session = await launchChromiumWithPanel({ showPanel: false });
});

afterAll(async () => {
  await session?.close();
  await page?.close();
  await frame?.close();
});

describe('the inspected page in Chromium', () => {
  it('is the top-level document, not the iframe whose document came last', async () => {
    await session.page.goto(`${page.origin}/`);
    await session.page.waitForFunction(() => document.querySelector('iframe')?.contentWindow !== null);
    await new Promise((done) => setTimeout(done, 500));
    const panel = await session.showPanel();
    await panel.waitForFunction(() => document.querySelector('h1')?.textContent === '127.0.0.1', { timeout: 20_000 });
    expect(await panel.$eval('h1', (heading) => heading.textContent)).toBe('127.0.0.1');
    await panel.waitForSelector('.card[data-cookie-name="sid"]', { timeout: 20_000 });
    const badge = await panel.$eval('.site', (site) => site.getAttribute('data-site-grade'));
    // The page's own sid decides the grade, never the widget's cookie.
    expect(badge).not.toBe('none');
  });

  it("is still the top-level document when the panel reads DevTools' log itself (no recorder to answer)", async () => {
    // The devtools page answers one panel only: a panel loaded again reads the whole log
    // (getHAR), where the iframe's document entry comes after the page's.
    const before = await session.panel();
    await before.evaluate(() => location.reload());
    await new Promise((done) => setTimeout(done, 1500));
    const panel = await session.panel();
    await panel.waitForSelector('.card[data-cookie-name="sid"]', { timeout: 20_000 });
    expect(await panel.$eval('h1', (heading) => heading.textContent)).toBe('127.0.0.1');
  });
});
