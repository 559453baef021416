/**
 * Issue 23 in Firefox ESR: the demo behind Debian's nginx with TLS and HTTP/2 (`trust proxy` on,
 * secure cookies), the panel in the toolbox. Through DevTools' network events: cards as quick over
 * h2 (a ratio of medians through the same nginx), and a new session cookie within 1 s with 3,000
 * requests in the log. With exact capture (webRequest, relayed by the background script): a login
 * followed at once by a navigation keeps `no-rotation-on-login`, 10 of 10, with no getHAR(), and
 * the same findings over h2 as over HTTP/1.1 and directly.
 *
 * Those two need exact capture in Firefox, because devtools.network loses exchanges there.
 * Measured with 153 ESR: a login followed at once by a navigation kept `no-rotation-on-login` 1 of
 * 10 (form login) and 0 of 10 (fetch login; the login's entry never reached the panel), as Firefox
 * reports a login's 303 after the page it led to and drops what it has not reported when the tab
 * navigates; and in 3 of 4 runs of the login-and-logout flows (direct, h1, h2), the page that set
 * the cookie was never reported for one of the paths, so its card had no Set-Cookie to grade.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firefoxGradeShown, launchFirefoxWithPanel, type FirefoxSession } from './support/firefox-devtools.js';
import { FIREFOX_PROXY_PREFS, configureDemo, median, startProxiedDemo, type ProxiedDemo } from './support/proxied-demo.js';

let proxied: ProxiedDemo;
let firefox: FirefoxSession;

beforeAll(async () => {
  proxied = await startProxiedDemo();
  firefox = await launchFirefoxWithPanel({
    // Firefox suspends an idle background script after 30 s; 8 s here, so the exact-capture test
    // sees capture survive it (the panel keeps the relay awake, and reconnects if it goes).
    prefs: { ...FIREFOX_PROXY_PREFS, 'extensions.background.idle.timeout': 8000 },
  });
});

afterAll(async () => {
  await firefox?.close();
  await proxied?.close();
});

const configure = (patch: object) => configureDemo(proxied, patch);

async function findingsShown(name: string): Promise<string[]> {
  return JSON.parse(
    await firefox.panelEval(
      `JSON.stringify([...document.querySelectorAll('.card[data-cookie-name="${name}"] [data-finding]')].map((item) => item.getAttribute('data-finding')))`,
    ),
  ) as string[];
}

async function waitForFinding(name: string, finding: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await findingsShown(name)).includes(finding)) return true;
    await new Promise((done) => setTimeout(done, 250));
  }
  return false;
}

/** Notes in the panel when a card named `name` first shows a grade (Date.now(), the test's clock too). */
async function watchForCard(name: string): Promise<void> {
  const answer = await firefox.panelEval(`(() => {
    const seen = (window.cardSeenAt ??= {});
    const selector = '.card[data-cookie-name="${name}"]';
    if (document.querySelector(selector) !== null) return 'a card for ${name} is already shown';
    // Graded: its Set-Cookie line has been taken (a card from a request sending it alone says "unknown").
    const graded = selector + ':not([data-grade="unknown"])';
    const observer = new MutationObserver(() => {
      if (document.querySelector(graded) === null) return;
      seen['${name}'] = Date.now();
      observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-grade'] });
    return 'watching';
  })()`);
  if (answer !== 'watching') throw new Error(`Firefox e2e: ${answer}`);
}

async function cardSeenAt(name: string, timeoutMs = 20_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const seen = Number(await firefox.panelEval(`String(window.cardSeenAt?.['${name}'] ?? 0)`));
    if (seen > 0) return seen;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`Firefox e2e: no card for ${name} within ${timeoutMs} ms`);
}

/** Starts exact capture for `origin`'s host: the user's click in the panel, then "Allow" on the grant page. */
async function grantExactCapture(origin: string): Promise<void> {
  await firefox.navigate(`${origin}/`);
  await firefox.clickInPanel('button.exact-capture');
  await firefox.allowOnGrantPage();
  const capture = () => firefox.panelEval("String(document.querySelector('.capture')?.getAttribute('data-capture'))");
  const deadline = Date.now() + 10_000;
  while ((await capture()) !== 'exact' && Date.now() < deadline) await new Promise((done) => setTimeout(done, 200));
  expect(await capture()).toBe('exact');
}

/** Waits until the tab shows `path` (a form's navigation has landed). */
async function waitForPath(path: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let shown = '';
  while (Date.now() < deadline) {
    shown = await firefox.runInPage<string>("return document.readyState === 'loading' ? '' : location.pathname;").catch(() => '');
    if (shown === path) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`Firefox e2e: the tab never reached ${path} (last: ${shown})`);
}

const FIRE_REQUESTS = `let next = 0;
  const worker = async () => { while (next < args[0]) await (await fetch('/spa/api/items/' + next++)).text(); };
  await Promise.all(Array.from({ length: 8 }, worker));`;

describe('the Sessions panel behind nginx with TLS and HTTP/2, in Firefox', () => {
  it('reaches the proxy over h2 on one port and HTTP/1.1 on the other', async () => {
    const protocolOf = async (origin: string) => {
      await firefox.navigate(`${origin}/`);
      return firefox.runInPage<string>("return performance.getEntriesByType('navigation')[0].nextHopProtocol;");
    };
    expect(await protocolOf(proxied.proxy.h2Origin)).toBe('h2');
    // The demo behind it sees https, through X-Forwarded-Proto and trust proxy (its control page says so).
    expect(await firefox.runInPage<string>("return document.getElementById('arrival-protocol')?.textContent ?? 'no arrival line';")).toBe('https');
    expect(await protocolOf(proxied.proxy.h1Origin)).toBe('http/1.1');
  });

  it('shows a new cookie as quickly over h2 as over HTTP/1.1 through the same nginx (median within 1.5x)', async () => {
    const latencies: Record<'h1' | 'h2', number[]> = { h1: [], h2: [] };
    for (let round = 0; round < 7; round++) {
      for (const protocol of ['h1', 'h2'] as const) {
        const name = `${protocol}r${round}`;
        await watchForCard(`${name}.sid`);
        const origin = protocol === 'h2' ? proxied.proxy.h2Origin : proxied.proxy.h1Origin;
        const started = Date.now();
        await firefox.navigate(`${origin}/spa/page/${name}`);
        latencies[protocol].push((await cardSeenAt(`${name}.sid`)) - started);
      }
    }
    const ratio = median(latencies.h2) / median(latencies.h1);
    console.log(
      `Firefox, navigation to its card: median ${median(latencies.h2)} ms over h2 (${latencies.h2.join(', ')}), ${median(latencies.h1)} ms over HTTP/1.1 (${latencies.h1.join(', ')}); ratio ${ratio.toFixed(2)}.`,
    );
    expect(ratio).toBeLessThanOrEqual(1.5);
  }, 120_000);

  it('shows a new session cookie within 1 s in a single-page app with 3,000 requests in the log', async () => {
    await firefox.navigate(`${proxied.proxy.h2Origin}/spa/app`);
    await firefox.runInPage(FIRE_REQUESTS, [3000]);
    const latencies: number[] = [];
    for (let probe = 0; probe < 3; probe++) {
      const name = `spanew${probe}`;
      await watchForCard(`${name}.sid`);
      const ended = await firefox.runInPage<number>(
        `await (await fetch('/spa/api/probe/' + args[0])).text();
        const end = Date.now();
        void fetch('/spa/api/probe/' + args[0] + '/again');
        return end;`,
        [name],
      );
      latencies.push((await cardSeenAt(`${name}.sid`)) - ended);
    }
    console.log(`Firefox, single-page app after 3,000 requests over h2: new session cookie shown after ${latencies.join(', ')} ms.`);
    expect(Math.max(...latencies)).toBeLessThanOrEqual(1000);
  }, 180_000);

  it('with exact capture granted, keeps no-rotation-on-login when a navigation follows the login within 100 ms, 10 of 10, with no getHAR()', async () => {
    // The user's click in the panel, then "Allow" on the grant page (Firefox panels have no permissions API).
    await grantExactCapture(proxied.proxy.h2Origin);
    // Idle for twice the background script's idle timeout: capture must go on after it.
    await new Promise((done) => setTimeout(done, 16_000));
    // Every getHAR() the panel makes from here on is counted.
    await firefox.panelEval(`(() => {
      const network = browser.devtools.network;
      const getHAR = network.getHAR.bind(network);
      window.harReads = 0;
      network.getHAR = (...args) => { window.harReads++; return getHAR(...args); };
      return 'counting';
    })()`);
    const kept: boolean[] = [];
    for (let trial = 0; trial < 10; trial++) {
      const name = `exact${trial}.sid`;
      await configure({ name, app: { regenerateOnLogin: false, destroyOnLogout: false } });
      await firefox.clearCookies();
      await firefox.navigate(`${proxied.proxy.h2Origin}/login`);
      // The page logs in with fetch (303, followed to /profile) and navigates 50 to 95 ms later:
      // devtools.network alone never reported such a login (0 of 10).
      await firefox.runInPage(
        `const response = await fetch('/login', { method: 'POST', body: new URLSearchParams({ username: 'demo', password: 'demo' }) });
        if (!response.url.endsWith('/profile')) throw new Error('the login led to ' + response.url);
        setTimeout(() => location.assign('/'), args[0]);`,
        [50 + trial * 5],
      );
      await firefoxGradeShown(firefox, name);
      kept.push(await waitForFinding(name, 'no-rotation-on-login', 5000));
    }
    const harReads = Number(await firefox.panelEval('String(window.harReads)'));
    console.log(
      `Firefox with exact capture, fetch login then navigation within 100 ms: no-rotation-on-login kept ${kept.filter(Boolean).length} of ${kept.length}; getHAR() calls: ${harReads}.`,
    );
    expect(kept.filter(Boolean)).toHaveLength(10);
    expect(harReads).toBe(0);
  }, 180_000);

  it('with exact capture, shows a new session cookie within 1 s in a single-page app with 3,000 requests, with no getHAR()', async () => {
    await firefox.navigate(`${proxied.proxy.h2Origin}/spa/app`);
    await firefox.runInPage(FIRE_REQUESTS, [3000]);
    const readsBefore = Number(await firefox.panelEval('String(window.harReads)'));
    const latencies: number[] = [];
    for (let probe = 0; probe < 3; probe++) {
      const name = `exactspa${probe}`;
      await watchForCard(`${name}.sid`);
      const ended = await firefox.runInPage<number>(
        `await (await fetch('/spa/api/probe/' + args[0])).text();
        return Date.now();`,
        [name],
      );
      latencies.push((await cardSeenAt(`${name}.sid`)) - ended);
    }
    const harReads = Number(await firefox.panelEval('String(window.harReads)')) - readsBefore;
    console.log(
      `Firefox with exact capture, single-page app after 3,000 requests: new session cookie shown after ${latencies.join(', ')} ms; getHAR() calls: ${harReads}.`,
    );
    expect(Math.max(...latencies)).toBeLessThanOrEqual(1000);
    expect(harReads).toBe(0);
  }, 180_000);

  it('with exact capture, gives the same grade and findings over h2 as over HTTP/1.1, through the proxy and directly', async () => {
    // app.sessions.test is captured exactly since the test above; the demo's own 127.0.0.1 too.
    await grantExactCapture(proxied.demo.https.origin);
    const flows = [
      ['direct.sid', proxied.demo.https.origin],
      ['proxyh1.sid', proxied.proxy.h1Origin],
      ['proxyh2.sid', proxied.proxy.h2Origin],
    ] as const;
    const results: Record<string, { grade: string; findings: string[] }> = {};
    for (const [name, origin] of flows) {
      await configure({ name, app: { regenerateOnLogin: false, destroyOnLogout: false } });
      await firefox.clearCookies();
      await firefox.navigate(`${origin}/login`);
      // Through the forms, as a user does: the page navigates, and the panel has time for each step.
      await firefox.actInPage(`document.querySelector('input[name="password"]').value = 'demo';
        setTimeout(() => document.querySelector('form[action="/login"]').submit(), 50);`);
      await waitForPath('/profile');
      await new Promise((done) => setTimeout(done, 1000));
      await firefox.actInPage(`setTimeout(() => document.querySelector('nav form[action="/logout"]').submit(), 50);`);
      await waitForPath('/');
      await firefoxGradeShown(firefox, name);
      await waitForFinding(name, 'logout-not-cleared', 10_000);
      await new Promise((done) => setTimeout(done, 1000));
      const grade = (await firefox.cards()).find(([cardName]) => cardName === name)?.[1] ?? 'no card';
      results[name] = { grade, findings: await findingsShown(name) };
    }
    console.log(`Firefox, findings per path: ${JSON.stringify(results)}`);
    expect(results['direct.sid']?.findings).toContain('no-rotation-on-login');
    expect(results['proxyh2.sid']).toEqual(results['proxyh1.sid']);
    // Directly, the demo is on 127.0.0.1, where the rubric asks for no HSTS (RFC 6797 8.1).
    const withoutHsts = (findings: string[] = []) => findings.filter((id) => id !== 'hsts-missing');
    expect(withoutHsts(results['proxyh2.sid']?.findings)).toEqual(results['direct.sid']?.findings);
  });
});
