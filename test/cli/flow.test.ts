/** `--flow`: the demo's login and logout walked without a browser, one trace, every section 5 rule. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import type { JsonReport } from '../../src/report/json-report.js';
import { configWith, startDemo, type RunningDemo } from '../support/demo-servers.js';

const dir = mkdtempSync(join(tmpdir(), 'sci-flows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let demo: RunningDemo | undefined;
afterEach(async () => {
  await demo?.close();
  demo = undefined;
  delete process.env.DEMO_PASSWORD;
});

/** The committed example flow, pointed at this test's demo server. */
function demoFlow(origin: string, password = 'demo'): string {
  process.env.DEMO_PASSWORD = password;
  const file = join(dir, `flow-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, readFileSync('test/flows/demo-login.flow.yaml', 'utf8').replace('http://127.0.0.1:3000', origin));
  return file;
}

async function walk(patch: object, scheme: 'http' | 'https' = 'http') {
  demo = await startDemo(configWith(patch));
  const origin = scheme === 'http' ? demo.http.origin : demo.https.origin;
  const { status, stdout, stderr } = await cli('--json', ...(scheme === 'https' ? ['--insecure'] : []), '--flow', demoFlow(origin));
  expect(stderr).toBe(scheme === 'https' ? 'warning: --insecure: TLS certificates are not verified' : '');
  const report = JSON.parse(stdout) as JsonReport;
  const session = report.cookies.find((cookie) => cookie.session.isSession && !cookie.deletion);
  return { status, report, session, ids: session?.findings.map((finding) => finding.id) ?? [], notes: session?.notes.map((note) => note.id) ?? [] };
}

describe('--flow on the demo server', () => {
  it('with regenerate at login on: rotated-on-login', async () => {
    const { status, notes, ids } = await walk({ app: { regenerateOnLogin: true, destroyOnLogout: true } });
    expect(status).toBe(0);
    expect(notes).toContain('rotated-on-login');
    expect(ids).not.toContain('no-rotation-on-login');
    expect(ids).not.toContain('logout-not-cleared');
  });

  it('with regenerate off: no-rotation-on-login, and D (the hardened preset over https otherwise)', async () => {
    const hardened = {
      name: '__Host-sid',
      cookie: { secure: true, sameSite: 'strict', maxAge: 900_000 },
      resave: false,
      saveUninitialized: false,
      // As the hardened preset, visits are counted, so the session (and its id) exists before the login.
      app: { regenerateOnLogin: false, destroyOnLogout: true, countVisits: true, hsts: true, noStore: true },
    };
    const { session, ids } = await walk(hardened, 'https');
    expect(session?.name).toBe('__Host-sid');
    expect(ids).toEqual(['no-rotation-on-login']);
    // 100 - 40 = 60 (C), capped at D.
    expect(session?.grade).toBe('D');
  });

  it('with destroy at logout off: logout-not-cleared', async () => {
    const { ids } = await walk({ app: { regenerateOnLogin: true, destroyOnLogout: false } });
    expect(ids).toContain('logout-not-cleared');
  });

  it("fails the step's expect on a wrong password, with exit 2 and the step's name", async () => {
    demo = await startDemo();
    const { status, stdout, stderr } = await cli('--flow', demoFlow(demo.http.origin, 'wrong-password'));
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('session-cookie-inspector: step 3 "log in": expected status 200, got 401 (the flow did not do what it expected)');
  });

  it('says which environment variable is missing', async () => {
    demo = await startDemo();
    const file = demoFlow(demo.http.origin);
    delete process.env.DEMO_PASSWORD;
    expect((await cli('--flow', file)).stderr).toBe('session-cookie-inspector: step 3 "log in": the environment variable DEMO_PASSWORD is not set');
  });

  it('leaves no credential or cookie value in any output, the saved HAR included; the HAR grades the same', async () => {
    demo = await startDemo(configWith({ app: { regenerateOnLogin: false } }));
    const password = 'Corr3ct-Horse-Battery';
    const flow = demoFlow(demo.http.origin, password);
    // The demo takes only "demo": give it this password through a flow of its own that expects the 401.
    writeFileSync(
      flow,
      readFileSync(flow, 'utf8')
        .replace('expect: { status: 200, text: Logged in as }', 'expect: { status: 401 }')
        .replace(/ {2}- name: open the profile[\s\S]*$/, ''),
    );
    const har = join(dir, 'failed-login.har');
    const text = await cli('--flow', flow, '--save-har', har);
    const json = await cli('--json', '--flow', flow);
    const saved = readFileSync(har, 'utf8');
    const everything = [text.stdout, text.stderr, json.stdout, json.stderr, saved].join('\n');
    expect(everything).not.toContain(password);
    expect(everything).not.toContain(encodeURIComponent(password));
    expect(saved).toContain('[value hidden]');

    // A successful walk, saved: no cookie value in the file, and the CLI grades the file as it graded the walk.
    const good = demoFlow(demo.http.origin);
    const walked = await cli('--json', '--flow', good, '--save-har', har);
    const report = JSON.parse(walked.stdout) as JsonReport;
    const values = (JSON.parse((await cli('--json', '--show-values', har)).stdout) as JsonReport).cookies.map((cookie) => cookie.value ?? '');
    const real = JSON.parse((await cli('--json', '--show-values', '--flow', good)).stdout) as JsonReport;
    for (const cookie of real.cookies) if ((cookie.value ?? '').length >= 8) expect(readFileSync(har, 'utf8')).not.toContain(cookie.value);
    expect(values.some((value) => value.startsWith('s%3A'))).toBe(true);
    const reread = JSON.parse((await cli('--json', har)).stdout) as JsonReport;
    const summary = (r: JsonReport) => r.cookies.map((cookie) => [cookie.name, cookie.deletion, cookie.grade, cookie.findings.map((finding) => finding.id)]);
    expect(summary(reread)).toEqual(summary(report));
  });
});

describe('--data and --data-json', () => {
  it('posts a form body for the first request (POST by default), and a login is seen as one', async () => {
    demo = await startDemo();
    const { stdout } = await cli('--json', '--data', 'username=demo&password=demo', `${demo.http.origin}/login`);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.cookies.find((cookie) => cookie.name === 'connect.sid')?.session.isSession).toBe(true);
    expect(stdout).not.toContain('password=demo');
  });

  it('refuses JSON that does not parse, and both at once', async () => {
    expect((await cli('--data-json', '{oops', 'http://127.0.0.1:1/')).stderr).toContain('--data-json is not valid JSON');
    expect((await cli('--data', 'a=1', '--data-json', '{}', 'http://127.0.0.1:1/')).stderr).toContain('give --data or --data-json, not both');
  });
});
