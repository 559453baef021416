import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readHar } from '../observation/read-har.js';
import { readHarFile } from './read-har-file.js';
import { runs } from '../../test/support/property-runs.js';

const dir = mkdtempSync(join(tmpdir(), 'sci-har-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;
function file(text: string): string {
  const path = join(dir, `${counter++}.har`);
  writeFileSync(path, text);
  return path;
}

const entry = (url: string, body: string) => ({
  startedDateTime: '2026-01-01T00:00:00.000Z',
  request: {
    method: 'POST',
    url,
    headers: [{ name: 'Cookie', value: 'sid=abc' }],
    postData: { mimeType: 'application/x-www-form-urlencoded', text: 'user=a&password=b' },
  },
  response: { status: 200, headers: [{ name: 'Set-Cookie', value: 'sid=def; Path=/' }], content: { size: body.length, mimeType: 'text/html', text: body } },
});

describe('readHarFile (streamed)', () => {
  it('gives the same observations as readHar on every HAR fixture', async () => {
    const fixtures = readdirSync('test/fixtures').filter((name) => name.endsWith('.har'));
    expect(fixtures.length).toBeGreaterThan(0);
    for (const name of fixtures) {
      const path = join('test/fixtures', name);
      const whole = readHar(readFileSync(path, 'utf8'));
      const streamed = await readHarFile(path);
      expect(streamed).toEqual(whole);
    }
  });

  it('skips bodies as it scans, keeping what grading reads (request parameter names included)', async () => {
    const har = { log: { version: '1.2', entries: [entry('https://a.test/login', 'x'.repeat(5_000_000)), entry('https://a.test/', '<p>')] } };
    const path = file(JSON.stringify(har));
    const streamed = await readHarFile(path);
    expect(streamed).toEqual(readHar(JSON.stringify(har)));
    if (streamed.ok) expect(streamed.observations[0]?.requestBodyParamNames).toEqual(['user', 'password']);
  });

  it('reads 150,000 entries (no spread or recursion over the entries)', { timeout: 60_000 }, async () => {
    const one = JSON.stringify({
      startedDateTime: '2026-01-01T00:00:00.000Z',
      request: { method: 'GET', url: 'https://a.test/', headers: [{ name: 'Cookie', value: 'sid=1' }] },
      response: { status: 200, headers: [] },
    });
    const path = file(`{"log":{"entries":[${Array.from({ length: 150_000 }, () => one).join(',')}]}}`);
    const result = await readHarFile(path);
    expect(result.ok && result.observations.length).toBe(150_000);
  });

  it('stops with a clear error, not a crash, on a file nested 10,000 deep', async () => {
    const path = file(`{"log":{"entries":[${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}]}}`);
    expect(await readHarFile(path)).toEqual({ ok: false, error: 'nested more than 256 levels deep (byte 1284)' });
  });

  it('reads a 200 MB body and a deep file in a heap of 48 MB (a child process)', async () => {
    const body = join(dir, 'huge-body.har');
    const fd = openSync(body, 'w');
    writeSync(fd, '{"log":{"entries":[{"request":{"url":"https://a.test/","headers":[]},"response":{"status":200,"headers":[],"content":{"text":"');
    const block = Buffer.alloc(1024 * 1024, 'x');
    for (let megabyte = 0; megabyte < 200; megabyte++) writeSync(fd, block);
    writeSync(fd, '"}}}]}}');
    closeSync(fd);
    const deep = file(`{"log":{"entries":[${'['.repeat(5_000_000)}]}}`);
    const script = `import { readHarFile } from './src/cli/read-har-file.ts';
      for (const path of process.argv.slice(1)) { const r = await readHarFile(path); console.log(r.ok ? r.observations.length : r.error); }`;
    const child = spawnSync(process.execPath, ['--max-old-space-size=48', '--import', 'tsx', '--input-type=module', '-e', script, body, deep], {
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim().split('\n')).toEqual(['1', 'nested more than 256 levels deep (byte 272)']);
  }, 60_000);

  it('gives clear errors for truncated and foreign files, as readHar does for small ones', async () => {
    const truncated = await readHarFile(file('{"log":{"entries":[{"request":{"url":"https://a.test/"'));
    expect(truncated.ok).toBe(false);
    if (!truncated.ok) expect(truncated.error).toMatch(/^not valid JSON/);
    for (const junk of ['{"log":{"entries":[]}} trailing', '{"log":{"entries":[{"a":tru}]}}', '{"log":{"comment":"\\q","entries":[]}}', '\u0000']) {
      const result = await readHarFile(file(junk));
      expect(result.ok === false && result.error).toMatch(/^not valid JSON/);
    }
    for (const text of ['[]', '{"log":{}}', 'null', '{"log":{"entries":[]}}']) {
      expect(await readHarFile(file(text))).toEqual(readHar(text));
    }
  });

  it('never throws on hostile entries', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (json) => {
        const result = await readHarFile(file(JSON.stringify({ log: { entries: [json, { request: json, response: json }] } })));
        expect(typeof result.ok).toBe('boolean');
      }),
      runs(60),
    );
  });
});
