/**
 * `--flow` on a real Django app (Debian's python3-django): Django's own login form with its CSRF
 * token, read from the page by the step's "form". Django issues the session at login and deletes
 * the cookie at logout: no no-rotation-on-login, no logout-not-cleared.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import type { JsonReport } from '../../src/report/json-report.js';
import { freePort } from '../support/free-port.js';

const PYTHON = process.env.DJANGO_PYTHON ?? '/usr/bin/python3';
const dir = mkdtempSync(join(tmpdir(), 'sci-django-'));
let django: ChildProcess | undefined;
let port = 0;

beforeAll(async () => {
  const check = spawnSync(PYTHON, ['-c', 'import django'], { encoding: 'utf8' });
  if (check.status !== 0) {
    throw new Error(
      `This test runs a real Django app: install Debian's python3-django (apt-get install -y python3-django), or set DJANGO_PYTHON to a Python that has Django. (${PYTHON}: ${check.stderr?.trim() || check.error?.message})`,
    );
  }
  port = await freePort();
  django = spawn(PYTHON, ['test/flows/django_app.py', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((ready, fail) => {
    let errors = '';
    const timer = setTimeout(() => fail(new Error(`the Django app did not start within 30 s: ${errors}`)), 30_000);
    django?.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    django?.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY')) {
        clearTimeout(timer);
        ready();
      }
    });
    django?.on('exit', (code) => fail(new Error(`the Django app exited (${code}): ${errors}`)));
  });
}, 40_000);

afterAll(() => {
  django?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('--flow on a real Django login form', () => {
  it('logs in with the CSRF token from the page, and grades the session across login and logout', async () => {
    const flow = join(dir, 'django.flow.json');
    writeFileSync(flow, readFileSync('test/flows/django-login.flow.json', 'utf8').replaceAll('127.0.0.1:8000', `127.0.0.1:${port}`));
    process.env.DJANGO_PASSWORD = 'demo-password-1';
    const out: string[] = [];
    const err: string[] = [];
    const status = await runCli(['--json', '--flow', flow], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), color: false });
    delete process.env.DJANGO_PASSWORD;
    expect(err.join('\n')).toBe('');
    expect(status).toBe(0);
    const report = JSON.parse(out.join('')) as JsonReport;
    const sessionid = report.cookies.find((cookie) => cookie.name === 'sessionid' && !cookie.deletion);
    expect(sessionid?.session).toMatchObject({ isSession: true, framework: 'django' });
    // Django gives an anonymous visitor no session: the login response issues the first one (so
    // there is no earlier id to rotate, and none kept), and the logout deletes it.
    expect(sessionid?.setBy).toBe(`http://127.0.0.1:${port}/accounts/login/`);
    expect(sessionid?.findings.map((finding) => finding.id)).not.toContain('no-rotation-on-login');
    expect(sessionid?.findings.map((finding) => finding.id)).not.toContain('logout-not-cleared');
    expect(report.cookies.some((cookie) => cookie.name === 'sessionid' && cookie.deletion)).toBe(true);
    expect(report.cookies.find((cookie) => cookie.name === 'csrftoken')?.session.isSession).toBe(false);
    expect(out.join('')).not.toContain('demo-password-1');
  });
});
