/** The CLI on a HAR exported from a real Chromium session against the demo server (test/fixtures). */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import type { JsonReport } from '../../src/report/json-report.js';

const FIXTURE = 'test/fixtures/demo-login-flow.chromium.har';

async function report(...flags: string[]): Promise<{ status: number; report: JsonReport }> {
  const out: string[] = [];
  const status = await runCli(['--json', ...flags, FIXTURE], { stdout: (text) => out.push(text), stderr: () => undefined, color: false });
  return { status, report: JSON.parse(out.join('')) as JsonReport };
}

const graded = (result: JsonReport, name: string) => result.cookies.find((cookie) => cookie.name === name && !cookie.deletion);

describe('the CLI on a real Chromium HAR of the demo server', () => {
  it('grades the defaults over http: D', async () => {
    const { report: result } = await report();
    expect(graded(result, 'connect.sid')?.grade).toBe('D');
    expect(graded(result, 'connect.sid')?.findings.map((f) => f.id)).toEqual([
      'secure-missing',
      'samesite-missing',
      'prefix-none',
      'name-default',
      'cache-control-missing',
    ]);
  });

  it('finds the cookie a redirect set', async () => {
    expect(graded((await report()).report, 'redirect.sid')?.setBy).toMatch(/\/profile$/);
  });

  it('gives the hardened preset A+ once its login rotated the id, and lists the logout deletion', async () => {
    const { report: result } = await report();
    const hardened = graded(result, '__Host-sid');
    expect(hardened?.grade).toBe('A+');
    expect(hardened?.notes.map((note) => note.id)).toContain('rotated-on-login');
    expect(hardened?.timeline.map((event) => event.type)).toContain('rotated');
    expect(result.cookies.find((cookie) => cookie.name === '__Host-sid' && cookie.deletion)?.setBy).toMatch(/\/logout$/);
  });

  it('finds what the toggles set: regenerate off and destroy off', async () => {
    const { report: result } = await report();
    expect(graded(result, 'fixation.sid')?.findings.map((f) => f.id)).toEqual(['prefix-none', 'no-rotation-on-login', 'logout-not-cleared']);
    expect(graded(result, 'fixation.sid')?.grade).toBe('D');
    expect(result.grade).toBe('D');
  });

  it('fails CI below the threshold', async () => {
    expect((await report('--fail-under', 'C')).status).toBe(1);
  });
});
