/**
 * Issue 23 in real Chromium: the demo as production runs it, behind Debian's nginx with TLS and
 * HTTP/2 (`trust proxy` on, secure cookies), the panel in DevTools without "Preserve log". The
 * panel must give the same findings over h2 as over HTTP/1.1, be as quick over h2 (a ratio of
 * medians, measured through the same nginx), keep a login that a navigation follows at once, and
 * keep up with a single-page app's log of 3,000 requests.
 */
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithPanel, type DevtoolsSession } from './support/chromium-devtools.js';
import { CHROMIUM_PROXY_ARGS, configureDemo, median, startProxiedDemo, type ProxiedDemo } from './support/proxied-demo.js';
import { cardSeenAt, fireRequests, newSessionCookieLatencies, watchForCard } from './support/spa-probes.js';

let proxied: ProxiedDemo;
let session: DevtoolsSession;

beforeAll(async () => {
  proxied = await startProxiedDemo();
  session = await launchChromiumWithPanel({ extraArgs: CHROMIUM_PROXY_ARGS });
});

afterAll(async () => {
  await session?.close();
  await proxied?.close();
});

const configure = (patch: object) => configureDemo(proxied, patch);

async function findingsShown(panel: Frame, name: string): Promise<string[]> {
  return panel.$$eval(`.card[data-cookie-name="${name}"] [data-finding]`, (items) => items.map((item) => item.getAttribute('data-finding') ?? ''));
}

/** Notes in the panel when a card named `name` first shows a grade (Date.now(), the test's clock too). */
/**
 * Notes, for each login DevTools reports live to extensions, whether its entry carried the Cookie
 * header (the panel's own listener sees the same entries). Printed, to say how often the panel had
 * to fill it in.
 */
async function recordLiveLogins(panel: Frame): Promise<void> {
  await panel.evaluate(() => {
    const record = window as unknown as { liveLogins?: boolean[] };
    if (record.liveLogins !== undefined) return;
    const logins: boolean[] = [];
    record.liveLogins = logins;
    const network = (
      globalThis as unknown as { chrome: { devtools: { network: { onRequestFinished: { addListener(callback: (entry: unknown) => void): void } } } } }
    ).chrome.devtools.network;
    network.onRequestFinished.addListener((entry) => {
      const { request } = entry as { request: { method: string; url: string; headers: { name: string }[] } };
      if (request.method !== 'POST' || new URL(request.url).pathname !== '/login') return;
      logins.push(request.headers.some((header) => header.name.toLowerCase() === 'cookie'));
    });
  });
}

async function liveLoginsWithoutCookie(panel: Frame): Promise<string> {
  const logins = await panel.evaluate(() => (window as unknown as { liveLogins: boolean[] }).liveLogins.splice(0));
  return `${logins.filter((carried) => !carried).length} of ${logins.length}`;
}

/** How many logins the panel has said it could not confirm (the note at the top counts them). */
async function unconfirmedLogins(panel: Frame): Promise<number> {
  return panel.$eval('.unconfirmed-login', (note) => Number(note.getAttribute('data-unconfirmed'))).catch(() => 0);
}

/**
 * Whether the card of `name` shows `no-rotation-on-login` (kept), or else the panel said it could
 * not confirm a login since `reportedBefore` (reported); anything else is a silent miss.
 */
async function loginOutcome(panel: Frame, name: string, reportedBefore: number): Promise<'kept' | 'reported' | 'missed'> {
  await panel.waitForSelector(`.card[data-cookie-name="${name}"]`, { timeout: 15_000 });
  const kept = await panel
    .waitForSelector(`.card[data-cookie-name="${name}"] [data-finding="no-rotation-on-login"]`, { timeout: 5000 })
    .then(() => true)
    .catch(() => false);
  return kept ? 'kept' : (await unconfirmedLogins(panel)) > reportedBefore ? 'reported' : 'missed';
}

/** A login through the real form, then a logout, from an empty cookie jar. */
async function logInAndOut(page: Page, origin: string): Promise<void> {
  await session.clearBrowserCookies();
  await page.goto(`${origin}/`);
  await page.goto(`${origin}/login`);
  await page.type('input[name="password"]', 'demo');
  await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button')]);
  expect(new URL(page.url()).pathname).toBe('/profile');
  await Promise.all([page.waitForNavigation(), page.click('nav form[action="/logout"] button')]);
}

/** The findings of `name`'s card once they have stopped changing for a second. */
async function settledFindings(panel: Frame, name: string): Promise<string[]> {
  let last = '';
  let stableSince = Date.now();
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const now = JSON.stringify(await findingsShown(panel, name));
    if (now !== last) [last, stableSince] = [now, Date.now()];
    else if (Date.now() - stableSince >= 1000 && now !== '[]') return JSON.parse(now) as string[];
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`Chromium e2e: the findings of ${name} never settled (last: ${last})`);
}

describe('the Sessions panel behind nginx with TLS and HTTP/2, in Chromium', () => {
  it('reaches the proxy over h2 on one port and HTTP/1.1 on the other', async () => {
    const protocolOf = async (origin: string) => {
      await session.page.goto(`${origin}/`);
      return session.page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).nextHopProtocol);
    };
    expect(await protocolOf(proxied.proxy.h2Origin)).toBe('h2');
    // The demo behind it sees https, through X-Forwarded-Proto and trust proxy (its control page says so).
    expect(await session.page.$eval('#arrival-protocol', (element) => element.textContent)).toBe('https');
    expect(await protocolOf(proxied.proxy.h1Origin)).toBe('http/1.1');
  });

  it('gives the same grade and findings over h2 as over HTTP/1.1, through the proxy and directly', async () => {
    const panel = await session.panel();
    const flows = [
      ['direct.sid', proxied.demo.https.origin],
      ['proxyh1.sid', proxied.proxy.h1Origin],
      ['proxyh2.sid', proxied.proxy.h2Origin],
    ] as const;
    const results: Record<string, { grade: string; findings: string[] }> = {};
    for (const [name, origin] of flows) {
      await configure({ name, app: { regenerateOnLogin: false, destroyOnLogout: false } });
      await logInAndOut(session.page, origin);
      const findings = await settledFindings(panel, name);
      results[name] = { grade: await panel.$eval(`.card[data-cookie-name="${name}"]`, (card) => card.getAttribute('data-grade') ?? ''), findings };
    }
    console.log(`Chromium, findings per path: ${JSON.stringify(results)}`);
    // The login kept the id: the trace rule must be among them, on every path.
    expect(results['direct.sid']?.findings).toContain('no-rotation-on-login');
    expect(results['proxyh2.sid']).toEqual(results['proxyh1.sid']);
    // Directly, the demo is on 127.0.0.1, where the rubric asks for no HSTS (RFC 6797 8.1): the
    // one finding the host name, not the protocol or the proxy, decides.
    const withoutHsts = (findings: string[] = []) => findings.filter((id) => id !== 'hsts-missing');
    expect(withoutHsts(results['proxyh2.sid']?.findings)).toEqual(results['direct.sid']?.findings);
  });

  it('shows a new cookie as quickly over h2 as over HTTP/1.1 through the same nginx (median within 1.5x)', async () => {
    const panel = await session.panel();
    const latencies: Record<'h1' | 'h2', number[]> = { h1: [], h2: [] };
    // Alternating, so a slow moment of the machine weighs on both.
    for (let round = 0; round < 7; round++) {
      for (const protocol of ['h1', 'h2'] as const) {
        const name = `${protocol}r${round}`;
        await watchForCard(panel, `${name}.sid`);
        const origin = protocol === 'h2' ? proxied.proxy.h2Origin : proxied.proxy.h1Origin;
        const started = Date.now();
        await session.page.goto(`${origin}/spa/page/${name}`);
        latencies[protocol].push((await cardSeenAt(panel, `${name}.sid`)) - started);
      }
    }
    const ratio = median(latencies.h2) / median(latencies.h1);
    console.log(
      `Chromium, navigation to its card: median ${median(latencies.h2)} ms over h2 (${latencies.h2.join(', ')}), ${median(latencies.h1)} ms over HTTP/1.1 (${latencies.h1.join(', ')}); ratio ${ratio.toFixed(2)}.`,
    );
    expect(ratio).toBeLessThanOrEqual(1.5);
  });

  it('keeps no-rotation-on-login when a navigation follows the login within 100 ms, or says it could not confirm that login: never a silent miss, 10 of 10', async () => {
    const panel = await session.panel();
    const outcomes: ('kept' | 'reported' | 'missed')[] = [];
    const page = session.page;
    await recordLiveLogins(panel);
    await liveLoginsWithoutCookie(panel);
    for (let trial = 0; trial < 10; trial++) {
      const name = `quick${trial}.sid`;
      await configure({ name, app: { regenerateOnLogin: false, destroyOnLogout: false } });
      await session.clearBrowserCookies();
      const reportedBefore = await unconfirmedLogins(panel);
      await page.goto(`${proxied.proxy.h2Origin}/login`);
      await page.type('input[name="password"]', 'demo');
      // As soon as the login answers (its 303 to /profile), the tab navigates on: 0 to 90 ms later.
      const login = page.waitForResponse((response) => new URL(response.url()).pathname === '/login' && response.request().method() === 'POST');
      await page.click('form[action="/login"] button');
      expect((await login).status()).toBe(303);
      await new Promise((done) => setTimeout(done, trial * 10));
      await page.goto(`${proxied.proxy.h2Origin}/`);
      outcomes.push(await loginOutcome(panel, name, reportedBefore));
    }
    const count = (outcome: string) => outcomes.filter((each) => each === outcome).length;
    console.log(
      `Chromium, login then navigation within 100 ms: no-rotation-on-login kept ${count('kept')} of 10, the login reported unconfirmed ${count('reported')}, missed silently ${count('missed')}; live login entries without Cookie: ${await liveLoginsWithoutCookie(panel)}.`,
    );
    // Without exact capture a login DevTools reported without its Cookie header is lost when the
    // next navigation clears the log first (1 in 10 under CI's load): the panel must say so. With
    // exact capture every one is kept (chromium-exact-capture.e2e.test.ts).
    expect(outcomes).not.toContain('missed');
    expect(count('kept')).toBeGreaterThan(0);
  });

  it('shows a new session cookie within 1 s in a single-page app with 3,000 requests in the log', async () => {
    const panel = await session.panel();
    await session.page.goto(`${proxied.proxy.h2Origin}/spa/app`);
    await fireRequests(session.page, 3000);
    const latencies = await newSessionCookieLatencies(session.page, panel, 'spanew');
    console.log(`Chromium, single-page app after 3,000 requests over h2: new session cookie shown after ${latencies.join(', ')} ms.`);
    expect(Math.max(...latencies)).toBeLessThanOrEqual(1000);
  }, 180_000);

  it('keeps no-rotation-on-login for a login sent by a single-page app with 3,000 requests in the log, then a navigation, or says it could not confirm it', async () => {
    const panel = await session.panel();
    const page = session.page;
    const outcomes: ('kept' | 'reported' | 'missed')[] = [];
    await recordLiveLogins(panel);
    await liveLoginsWithoutCookie(panel);
    for (let trial = 0; trial < 3; trial++) {
      const name = `spalogin${trial}.sid`;
      await configure({ name, app: { regenerateOnLogin: false, destroyOnLogout: false } });
      await session.clearBrowserCookies();
      const reportedBefore = await unconfirmedLogins(panel);
      await page.goto(`${proxied.proxy.h2Origin}/login`);
      await page.goto(`${proxied.proxy.h2Origin}/spa/app`);
      await fireRequests(page, 3000);
      // The app logs in with fetch (the 303 followed to /profile), and at once leaves the page.
      await page.evaluate(async () => {
        const response = await fetch('/login', { method: 'POST', body: new URLSearchParams({ username: 'demo', password: 'demo' }) });
        if (!response.url.endsWith('/profile')) throw new Error(`the login led to ${response.url}`);
        location.assign('/');
      });
      await page.waitForNavigation().catch(() => undefined);
      outcomes.push(await loginOutcome(panel, name, reportedBefore));
    }
    console.log(
      `Chromium, login by fetch after 3,000 requests, then navigation: ${outcomes.join(', ')}; live login entries without Cookie: ${await liveLoginsWithoutCookie(panel)}.`,
    );
    expect(outcomes).not.toContain('missed');
    expect(outcomes).toContain('kept');
  }, 240_000);
});
