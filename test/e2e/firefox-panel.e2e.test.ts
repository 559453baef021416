/** The Sessions panel in Firefox ESR, driven through Marionette. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../support/demo-servers.js';
import { firefoxWaitForGrade, launchFirefoxWithPanel, type FirefoxSession } from './support/firefox-devtools.js';

let demo: RunningDemo;
let firefox: FirefoxSession;

beforeAll(async () => {
  demo = await startDemo();
  firefox = await launchFirefoxWithPanel();
});

afterAll(async () => {
  await firefox?.close();
  await demo?.close();
});

describe('the Sessions panel in Firefox', () => {
  it("grades express-session's defaults over http as D", async () => {
    await firefox.navigate(`${demo.http.origin}/`);
    expect(await firefoxWaitForGrade(firefox, 'connect.sid', 'D')).toBe('D');
    const summary = JSON.parse(
      await firefox.panelEval(
        "JSON.stringify([...document.querySelectorAll('table.summary tbody tr')].map((row) => [row.getAttribute('data-cookie-name'), row.getAttribute('data-grade')]))",
      ),
    ) as [string, string][];
    expect(summary).toContainEqual(['connect.sid', 'D']);
  });

  it('grades the hardened preset over https as A', async () => {
    await demo.agent('http').post('/api/presets/hardened').set('Content-Type', 'application/json');
    await firefox.navigate(`${demo.https.origin}/`);
    expect(await firefoxWaitForGrade(firefox, '__Host-sid', 'A')).toBe('A');
  });

  it("follows a live switch to DevTools' dark theme, keeping the history", async () => {
    const before = await firefox.cards();
    const theme = () => firefox.panelEval("String(document.querySelector('.panel')?.getAttribute('data-theme'))");
    await firefox.setDevtoolsTheme('dark');
    const deadline = Date.now() + 5000;
    while ((await theme()) !== 'dark' && Date.now() < deadline) await new Promise((done) => setTimeout(done, 200));
    expect(await theme()).toBe('dark');
    expect(await firefox.cards()).toEqual(before);
    await firefox.setDevtoolsTheme('light');
  });
});
