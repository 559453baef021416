/**
 * `--active` on a real PHP app (Debian's php-cli, `php -S`, PHP's own file sessions), one server
 * per option set: `session.use_strict_mode` 0 (PHP's default: it adopts any id a client sends)
 * or 1, `session_regenerate_id(true)` at login or not, and a logout that destroys the session or
 * only deletes the cookie. Each finding fires where it must and nowhere else, the flow alone sends
 * no request more than before, and no session id or password reaches any output.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json-report.js';
import { cli } from '../support/cli.js';
import { freePort } from '../support/free-port.js';

const PHP = process.env.PHP_BINARY ?? 'php';
const PASSWORD = 'php-demo-pass-7';
const dir = mkdtempSync(join(tmpdir(), 'sci-php-'));

interface PhpOptions {
  readonly strictMode: 0 | 1;
  readonly regenerate: boolean;
  readonly logout: 'destroy' | 'clear-cookie';
}

interface PhpApp {
  readonly origin: string;
  /** Where PHP keeps its sessions: one file `sess_<id>` per session id it ever stored. */
  readonly sessions: string;
  /** How many requests the server has answered so far. */
  requests(): number;
  close(): void;
}

let app: PhpApp | undefined;

beforeAll(() => {
  const check = spawnSync(PHP, ['-r', 'echo PHP_VERSION;'], { encoding: 'utf8' });
  if (check.status !== 0)
    throw new Error(
      `This test runs a real PHP app: install Debian's php-cli (apt-get install -y php-cli), or set PHP_BINARY. (${PHP}: ${check.error?.message ?? check.stderr})`,
    );
  process.env.PHP_APP_PASSWORD = PASSWORD;
});

afterEach(() => {
  app?.close();
  app = undefined;
});

afterAll(() => {
  delete process.env.PHP_APP_PASSWORD;
  rmSync(dir, { recursive: true, force: true });
});

async function startPhp(options: PhpOptions): Promise<PhpApp> {
  const port = await freePort();
  const sessions = mkdtempSync(join(dir, 'sessions-'));
  const requestLog = join(dir, `requests-${port}.log`);
  writeFileSync(requestLog, '');
  const server: ChildProcess = spawn(
    PHP,
    ['-S', `127.0.0.1:${port}`, '-d', `session.use_strict_mode=${options.strictMode}`, '-d', `session.save_path=${sessions}`, 'test/flows/php_app/router.php'],
    {
      env: { ...process.env, PHP_APP_REGENERATE: options.regenerate ? '1' : '0', PHP_APP_LOGOUT: options.logout, PHP_APP_REQUEST_LOG: requestLog },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  for (let attempt = 0; !log.includes('started'); attempt++) {
    if (attempt > 100 || server.exitCode !== null) throw new Error(`php -S did not start: ${log}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    origin,
    sessions,
    requests: () => readFileSync(requestLog, 'utf8').split('\n').filter(Boolean).length,
    close: () => server.kill(),
  };
}

/** The committed PHP flow, pointed at this test's server. */
function phpFlow(origin: string): string {
  const file = join(dir, `php-${Math.random().toString(36).slice(2)}.flow.yaml`);
  writeFileSync(file, readFileSync('test/flows/php-login.flow.yaml', 'utf8').replace('http://127.0.0.1:8080', origin));
  return file;
}

/** The PHPSESSID entry graded from its Set-Cookie, and its finding ids. */
async function walk(options: PhpOptions, ...args: string[]) {
  app = await startPhp(options);
  const { status, stdout, stderr } = await cli('--json', '--active', '--flow', phpFlow(app.origin), ...args);
  const report = JSON.parse(stdout) as JsonReport;
  const phpsessid = report.cookies.find((cookie) => cookie.name === 'PHPSESSID' && !cookie.deletion);
  return { status, stderr, report, phpsessid, ids: phpsessid?.findings.map((finding) => finding.id) ?? [] };
}

describe('--active on a real PHP app', () => {
  it('session.use_strict_mode=0 without session_regenerate_id: the planted id is adopted (session-id-adopted, F)', async () => {
    const { status, stderr, phpsessid, ids } = await walk({ strictMode: 0, regenerate: false, logout: 'destroy' });
    expect([status, stderr]).toEqual([0, '']);
    expect(phpsessid?.session).toMatchObject({ isSession: true, framework: 'php' });
    expect(ids).toContain('session-id-adopted');
    expect(ids).not.toContain('session-alive-after-logout');
    expect(phpsessid?.grade).toBe('F');
    // The planted id became a session file: PHP really took it.
    expect(readdirSync(app?.sessions ?? '').length).toBeGreaterThanOrEqual(2);
  });

  it('session.use_strict_mode=1: PHP refuses the planted id, so no session-id-adopted', async () => {
    const { ids } = await walk({ strictMode: 1, regenerate: false, logout: 'destroy' });
    expect(ids).not.toContain('session-id-adopted');
    // The traffic still shows the id kept through the login: strict mode is not rotation.
    expect(ids).toContain('no-rotation-on-login');
  });

  it('session_regenerate_id(true) at login: a new id after the login, so no session-id-adopted even with strict mode off', async () => {
    const { ids } = await walk({ strictMode: 0, regenerate: true, logout: 'destroy' });
    expect(ids).not.toContain('session-id-adopted');
    expect(ids).not.toContain('no-rotation-on-login');
  });

  it('a logout that only deletes the cookie: the old cookie still logs in (session-alive-after-logout, -40, cap D)', async () => {
    const { ids, phpsessid } = await walk({ strictMode: 1, regenerate: true, logout: 'clear-cookie' });
    expect(ids).toContain('session-alive-after-logout');
    expect(ids).not.toContain('session-id-adopted');
    // The traffic alone sees a clean logout: the cookie was deleted.
    expect(ids).not.toContain('logout-not-cleared');
    expect(phpsessid?.findings.find((finding) => finding.id === 'session-alive-after-logout')).toMatchObject({ deduction: 40, cap: 'D' });
  });

  it('a logout with session_destroy(): no session-alive-after-logout', async () => {
    const { ids } = await walk({ strictMode: 1, regenerate: true, logout: 'destroy' });
    expect(ids).not.toContain('session-alive-after-logout');
    expect(ids).not.toContain('session-id-adopted');
  });

  it('without --active, not one request more than the flow; with it, the extra requests are marked in the saved HAR', async () => {
    app = await startPhp({ strictMode: 0, regenerate: false, logout: 'clear-cookie' });
    const flow = phpFlow(app.origin);
    const plain = join(dir, 'plain.har');
    expect((await cli('--json', '--flow', flow, '--save-har', plain)).status).toBe(0);
    const plainEntries = (JSON.parse(readFileSync(plain, 'utf8')) as { log: { entries: Record<string, unknown>[] } }).log.entries;
    // GET /login, POST /login and its redirect, /profile, POST /logout and its redirect, /profile and its redirect.
    expect(app.requests()).toBe(8);
    expect(plainEntries.length).toBe(8);
    expect(plainEntries.some((entry) => '_activeCheck' in entry)).toBe(false);

    const active = join(dir, 'active.har');
    expect((await cli('--json', '--active', '--flow', flow, '--save-har', active)).status).toBe(0);
    const entries = (JSON.parse(readFileSync(active, 'utf8')) as { log: { entries: Record<string, unknown>[] } }).log.entries;
    expect(app.requests()).toBe(8 + entries.length);
    const marks = entries.map((entry) => entry._activeCheck);
    // The flow's 8; the old cookie sent to the probe once (no redirect: still logged in); the flow walked again with a planted id.
    expect(marks.slice(0, 8)).toEqual(Array(8).fill(undefined));
    expect(marks.slice(8, 9)).toEqual(['session-alive-after-logout']);
    expect(marks.slice(9)).toEqual(Array(8).fill('session-id-adopted'));
    // Read back, the file grades as the flow's own traffic: the marked entries are not part of the trace.
    const reread = JSON.parse((await cli('--json', active)).stdout) as JsonReport;
    const flowOnly = JSON.parse((await cli('--json', plain)).stdout) as JsonReport;
    const summary = (report: JsonReport) => report.cookies.map((cookie) => [cookie.name, cookie.deletion, cookie.findings.map((finding) => finding.id)]);
    expect(summary(reread)).toEqual(summary(flowOnly));
  });

  it('leaves no session id (real or planted) and no password in stdout, stderr, JSON, SARIF or the saved HAR', async () => {
    app = await startPhp({ strictMode: 0, regenerate: false, logout: 'clear-cookie' });
    const flow = phpFlow(app.origin);
    const har = join(dir, 'masked.har');
    const outputs = [
      await cli('--active', '--flow', flow, '--save-har', har),
      await cli('--json', '--active', '--flow', flow),
      await cli('--format', 'sarif', '--active', '--flow', flow),
    ];
    const everything = [...outputs.flatMap((output) => [output.stdout, output.stderr]), readFileSync(har, 'utf8')].join('\n');
    const findings = (JSON.parse(outputs[1]?.stdout ?? '') as JsonReport).cookies.flatMap((cookie) => cookie.findings.map((finding) => finding.id));
    expect(findings).toEqual(expect.arrayContaining(['session-alive-after-logout', 'session-id-adopted']));
    expect(everything).not.toContain(PASSWORD);
    // With strict mode off PHP stores every id it was sent: the planted ones too.
    const ids = readdirSync(app.sessions).map((file) => file.replace(/^sess_/, ''));
    expect(ids.length).toBeGreaterThanOrEqual(6);
    for (const id of ids) expect(everything).not.toContain(id);
  });
});
