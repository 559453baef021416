/**
 * An existing session in Firefox ESR (rubric 2.3): the demo sets its cookie before the toolbox
 * opens; the panel shows it as seen in requests, then grades it from Firefox's cookie store once
 * "Read from the browser" is clicked and "Allow" on the grant page it opens. The profile sets
 * extensions.webextOptionalPermissionPrompts to false, so the optional permission is granted
 * without a doorhanger; both clicks are real (WebDriver pointer actions and element clicks).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../support/demo-servers.js';
import { firefoxWaitForGrade, launchFirefoxWithPanel, type FirefoxSession } from './support/firefox-devtools.js';

let demo: RunningDemo;
let firefox: FirefoxSession;
const CARD = '.card[data-cookie-name="connect.sid"]';

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 300));
  }
  throw new Error(`Firefox e2e: ${what} did not happen within ${timeoutMs} ms`);
}

const gradedFrom = () => firefox.panelEval(`String(document.querySelector('${CARD}')?.getAttribute('data-graded-from'))`);

beforeAll(async () => {
  demo = await startDemo();
  firefox = await launchFirefoxWithPanel({ beforeToolbox: (navigate) => navigate(`${demo.http.origin}/`) });
});

afterAll(async () => {
  await firefox?.close();
  await demo?.close();
});

describe('an existing session in Firefox', () => {
  it('shows the cookie Firefox already holds as seen in requests, attributes unknown', async () => {
    expect(await firefox.storedCookieNames()).toContain('connect.sid');
    await firefox.navigate(`${demo.http.origin}/`);
    expect(await firefoxWaitForGrade(firefox, 'connect.sid', 'unknown')).toBe('unknown');
    expect(await gradedFrom()).toBe('sent');
  });

  it("grades it from Firefox's cookie store after a click on 'Read from the browser'", async () => {
    await firefox.clickInPanel(`${CARD} button.read-store`);
    // Firefox panels have no permissions API: the panel opens the extension's grant page.
    await firefox.allowOnGrantPage();
    await until('a store reading', async () => (await gradedFrom()) === 'store').catch(async (error: Error) => {
      // Say what the card says (a refused permission, an error from the store) rather than only "timed out".
      const said = await firefox.panelEval(`String(document.querySelector('${CARD} [role="status"]')?.textContent ?? 'no status on the card')`);
      throw new Error(`${error.message}; the card says: ${said}`);
    });
    // 100 - secure 40 - samesite 20 - prefix 5 - name-default 2 = 33, capped at D by secure-missing.
    expect(await firefoxWaitForGrade(firefox, 'connect.sid', 'D')).toBe('D');
  });
});
