/**
 * The Sessions panel in real Chromium: the built extension, DevTools open on a tab browsing the
 * demo server, and the grades the rubric predicts (worked out in demo-server/demo-presets.test.ts).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../../demo-server/demo-config.js';
import { startDemo, type RunningDemo } from '../support/demo-servers.js';
import { gradeShown, launchChromiumWithPanel, type DevtoolsSession } from './support/chromium-devtools.js';

let demo: RunningDemo;
let session: DevtoolsSession;

beforeAll(async () => {
  demo = await startDemo();
  session = await launchChromiumWithPanel();
});

afterAll(async () => {
  await session?.close();
  await demo?.close();
});

describe('the Sessions panel in Chromium', () => {
  it("grades express-session's defaults over http as D", async () => {
    await session.page.goto(`${demo.http.origin}/`);
    expect(await gradeShown(await session.panel(), 'connect.sid')).toBe('D');
  });

  it('grades a cookie set by a redirect (its Set-Cookie can arrive after the entry)', async () => {
    const response = await demo.agent('http').put('/api/config').send({ name: 'redirect.sid' });
    expect(response.status).toBe(200);
    // /profile without a login answers 302 to /login, and that 302 sets the new session cookie.
    await session.page.goto(`${demo.http.origin}/profile`);
    expect(session.page.url()).toBe(`${demo.http.origin}/login`);
    // 100 - secure 40 - samesite 20 - prefix 5 - cache-control 3 = 32: D.
    expect(await gradeShown(await session.panel(), 'redirect.sid')).toBe('D');
  });

  it('grades the hardened preset over https as A, and keeps the earlier cookies', async () => {
    await demo.agent('http').post('/api/presets/hardened').set('Content-Type', 'application/json');
    expect(demo.state.config).toEqual(PRESETS.hardened);
    await session.page.goto(`${demo.https.origin}/`);
    const panel = await session.panel();
    expect(await gradeShown(panel, '__Host-sid')).toBe('A');
    expect(await gradeShown(panel, 'connect.sid')).toBe('D');
    const notes = await panel.$$eval('[data-cookie-name="__Host-sid"] [data-note]', (items) => items.map((item) => item.getAttribute('data-note')));
    expect(notes).toContain('a-plus-needs-login');
    // The README's screenshot: the DevTools area only (docked right, the page beside it is blank).
    const area = (await session.devtools.evaluate(`(async () => {
      const UI = await import('./ui/legacy/legacy.js');
      const rect = UI.InspectorView.InspectorView.instance().element.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    })()`)) as { x: number; y: number; width: number; height: number };
    mkdirSync('test/e2e/artifacts', { recursive: true });
    await session.devtools.screenshot({ path: 'test/e2e/artifacts/sessions-panel-chromium.png', clip: area });
  });

  it('never shows a cookie value until asked', async () => {
    const panel = await session.panel();
    const shown = await panel.$eval('[data-cookie-name="__Host-sid"] .value code', (code) => code.textContent);
    expect(shown).toBe('[value hidden]');
  });
});
