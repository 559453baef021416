/**
 * `--active` on the demo server (rubric section 5, "Verified on the server"), one server per
 * option set: each logout mode (`app.logout`) and the fixation toggle (`app.adoptClientIds`).
 * The demo's own flow is walked; its profile step, with `expect.text`, is the authenticated probe.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createDemoApp } from '../../demo-server/demo-app.js';
import type { JsonReport } from '../../src/report/json-report.js';
import { cli } from '../support/cli.js';
import { configWith, TEST_SECRET } from '../support/demo-servers.js';
import { listenHttp, type Listening } from '../support/listen.js';

const dir = mkdtempSync(join(tmpdir(), 'sci-active-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface CountedDemo extends Listening {
  /** The requests the demo has received so far. */
  readonly requests: string[];
}

let demo: CountedDemo | undefined;
afterEach(async () => {
  await demo?.close();
  demo = undefined;
  delete process.env.DEMO_PASSWORD;
});

/** The demo over http with `patch` applied, counting every request it receives. */
async function startCounted(patch: object): Promise<CountedDemo> {
  const { app } = createDemoApp({ secret: TEST_SECRET, config: configWith(patch) });
  const requests: string[] = [];
  const listening = await listenHttp((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    app(req, res);
  });
  return { ...listening, requests };
}

/** The committed demo flow, pointed at `origin`. */
function demoFlow(origin: string, edit: (text: string) => string = (text) => text): string {
  process.env.DEMO_PASSWORD = 'demo';
  const file = join(dir, `demo-${Math.random().toString(36).slice(2)}.flow.yaml`);
  writeFileSync(file, edit(readFileSync('test/flows/demo-login.flow.yaml', 'utf8').replace('http://127.0.0.1:3000', origin)));
  return file;
}

async function walkActive(patch: object) {
  demo = await startCounted(patch);
  const { status, stdout, stderr } = await cli('--json', '--active', '--flow', demoFlow(demo.origin));
  const report = JSON.parse(stdout) as JsonReport;
  const ids = report.cookies.filter((cookie) => cookie.session.isSession && !cookie.deletion).flatMap((cookie) => cookie.findings.map((finding) => finding.id));
  return { status, stderr, report, ids };
}

describe('--active on the demo server: each logout mode', () => {
  it('clear-cookie (the store keeps the logged-in session): the old cookie still logs in, session-alive-after-logout', async () => {
    const { status, stderr, ids, report } = await walkActive({ app: { logout: 'clear-cookie', regenerateOnLogin: true } });
    expect([status, stderr]).toEqual([0, '']);
    expect(ids).toContain('session-alive-after-logout');
    // The traffic alone sees a cleared cookie, and nothing wrong.
    expect(ids).not.toContain('logout-not-cleared');
    const finding = report.cookies.flatMap((cookie) => cookie.findings).find((candidate) => candidate.id === 'session-alive-after-logout');
    expect(finding).toMatchObject({ deduction: 40, cap: 'D', fix: { 'express-session': expect.stringContaining('req.session.destroy') } });
  });

  it('forget-user (the session lives on without its user): the probe fails, so no session-alive-after-logout', async () => {
    const { ids } = await walkActive({ app: { logout: 'forget-user', regenerateOnLogin: true } });
    expect(ids).not.toContain('session-alive-after-logout');
    expect(ids).toContain('logout-not-cleared');
  });

  it('destroy: no session-alive-after-logout', async () => {
    const { ids } = await walkActive({ app: { logout: 'destroy', regenerateOnLogin: true } });
    expect(ids).not.toContain('session-alive-after-logout');
    expect(ids).not.toContain('logout-not-cleared');
  });
});

describe('--active on the demo server: the fixation toggle', () => {
  it('adoptClientIds on, no regenerate at login: the planted id is the logged-in session, session-id-adopted (F)', async () => {
    const { ids, report } = await walkActive({ app: { adoptClientIds: true, regenerateOnLogin: false, logout: 'destroy' } });
    expect(ids).toContain('session-id-adopted');
    expect(report.grade).toBe('F');
  });

  it('adoptClientIds off: express-session refuses an id it did not sign, so no session-id-adopted', async () => {
    const { ids } = await walkActive({ app: { adoptClientIds: false, regenerateOnLogin: false, logout: 'destroy' } });
    expect(ids).not.toContain('session-id-adopted');
    // The traffic still shows the id kept through the login.
    expect(ids).toContain('no-rotation-on-login');
  });

  it('adoptClientIds on with regenerate at login: the login gives a new id, so no session-id-adopted', async () => {
    const { ids } = await walkActive({ app: { adoptClientIds: true, regenerateOnLogin: true, logout: 'destroy' } });
    expect(ids).not.toContain('session-id-adopted');
  });
});

describe('--active: what it sends, and only when asked', () => {
  it('without --active the demo receives exactly the flow’s requests; with it, more', async () => {
    demo = await startCounted({ app: { logout: 'clear-cookie' } });
    const flow = demoFlow(demo.origin);
    const har = join(dir, 'plain.har');
    expect((await cli('--json', '--flow', flow, '--save-har', har)).status).toBe(0);
    const entries = (JSON.parse(readFileSync(har, 'utf8')) as { log: { entries: unknown[] } }).log.entries;
    expect(demo.requests.length).toBe(entries.length);
    const flowRequests = ['GET /', 'GET /login', 'POST /login', 'GET /profile', 'GET /profile', 'POST /logout', 'GET /', 'GET /profile', 'GET /login'];
    expect(demo.requests).toEqual(flowRequests);
    demo.requests.length = 0;
    expect((await cli('--json', '--active', '--flow', flow)).status).toBe(0);
    // The flow; the old cookie sent to the probe once (still logged in: no redirect); the flow walked again with a planted id.
    expect(demo.requests).toEqual([...flowRequests, 'GET /profile', ...flowRequests]);
  });

  it('says what is missing when the flow has no authenticated probe, and sends nothing more', async () => {
    demo = await startCounted({ app: { logout: 'clear-cookie' } });
    // The profile step without its expect.text: only the login's page says "Logged in as", which proves nothing.
    const flow = demoFlow(demo.origin, (text) =>
      text.replace('expect: { status: 200, text: Logged in as }\n  - name: log out', 'expect: { status: 200 }\n  - name: log out'),
    );
    const { status, stdout, stderr } = await cli('--json', '--active', '--flow', flow);
    expect(status).toBe(0);
    expect(demo.requests.length).toBe(9);
    expect(stderr).toContain('note: --active: session-alive-after-logout not checked: the flow has no authenticated probe');
    expect(stderr).toContain('note: --active: session-id-adopted not checked: the flow has no authenticated probe');
    const session = (JSON.parse(stdout) as JsonReport).cookies.find((cookie) => cookie.session.isSession && !cookie.deletion);
    expect(session?.notes.map((note) => note.id)).toContain('active-check-skipped');
  });

  it('--active without a flow is a usage error', async () => {
    const { status, stderr } = await cli('--active', 'http://127.0.0.1:1/');
    expect(status).toBe(2);
    expect(stderr).toBe('session-cookie-inspector: --active checks a flow on the server: give it with --flow <file>');
  });
});
