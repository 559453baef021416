/** The demo's "secret" toggle: the CLI sees the F of a publicly known secret appear and disappear. */
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';
import type { JsonReport } from '../src/report/json-report.js';
import { startDemo, type RunningDemo } from '../test/support/demo-servers.js';

let demo: RunningDemo | undefined;
afterEach(async () => {
  await demo?.close();
  demo = undefined;
});

async function grade(url: string): Promise<JsonReport> {
  const out: string[] = [];
  expect(await runCli(['--json', url], { stdout: (text) => out.push(text), stderr: () => undefined, color: false })).toBe(0);
  return JSON.parse(out.join('')) as JsonReport;
}

describe('demo server: the secret toggle', () => {
  it("should make the CLI grade the demo F with secret-known under 'keyboard cat', and not under its own secret", async () => {
    demo = await startDemo();
    const own = await grade(`${demo.http.origin}/`);
    expect(own.grade).toBe('D');
    expect(own.cookies[0]?.findings.map((finding) => finding.id)).not.toContain('secret-known');

    expect((await demo.agent('http').put('/api/config').send({ secret: 'keyboard cat' })).status).toBe(200);
    const weak = await grade(`${demo.http.origin}/`);
    expect(weak.grade).toBe('F');
    const finding = weak.cookies[0]?.findings.find((candidate) => candidate.id === 'secret-known');
    expect(finding?.message).toBe(
      'The cookie\'s express-session signature verifies with the publicly known secret "keyboard cat": anyone can forge a session for any user.',
    );
    expect(finding?.fix['express-session']).toContain('secret: process.env.SESSION_SECRET');

    await demo.agent('http').put('/api/config').send({ secret: 'some secret' });
    expect((await grade(`${demo.http.origin}/`)).grade).toBe('F');
    await demo.agent('http').put('/api/config').send({ secret: null });
    expect((await grade(`${demo.http.origin}/`)).grade).toBe('D');
  });

  it('should show the secret in the code only as a warning, and refuse an empty one', async () => {
    demo = await startDemo();
    await demo.agent('http').put('/api/config').send({ secret: 'keyboard cat' });
    expect((await demo.agent('http').get('/')).text).toContain('secret: &#39;keyboard cat&#39;, // a hard-coded secret');
    const empty = await demo.agent('http').put('/api/config').send({ secret: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toContain('"secret" must be');
  });
});
