import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readHar } from '../observation/read-har.js';
import { readHarFile, streamHarEntries } from './read-har-file.js';

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
  request: { method: 'POST', url, headers: [{ name: 'Cookie', value: 'sid=abc' }], postData: { mimeType: 'application/x-www-form-urlencoded', text: 'user=a&password=b' } },
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

  it('skips bodies as they stream past, keeping what grading reads (request parameter names included)', async () => {
    const har = { log: { version: '1.2', entries: [entry('https://a.test/login', 'x'.repeat(5_000_000)), entry('https://a.test/', '<p>')] } };
    const path = file(JSON.stringify(har));
    const streamed = await readHarFile(path);
    expect(streamed).toEqual(readHar(JSON.stringify(har)));
    if (streamed.ok) expect(streamed.observations[0]?.requestBodyParamNames).toEqual(['user', 'password']);
    const entries: { response?: { content?: unknown; status?: number } }[] = [];
    await streamHarEntries(path, (streamedEntry) => entries.push(streamedEntry as (typeof entries)[number]));
    expect(entries.map((streamedEntry) => [streamedEntry.response?.status, streamedEntry.response?.content])).toEqual([
      [200, undefined],
      [200, undefined],
    ]);
  });

  it('gives clear errors for truncated and foreign files, as readHar does for small ones', async () => {
    const truncated = await readHarFile(file('{"log":{"entries":[{"request":{"url":"https://a.test/"'));
    expect(truncated.ok).toBe(false);
    if (!truncated.ok) expect(truncated.error).toMatch(/^not valid JSON/);
    for (const text of ['[]', '{"log":{}}', 'null', '{"log":{"entries":[]}}']) {
      expect(await readHarFile(file(text))).toEqual(readHar(text));
    }
  });

  it('never throws on hostile entries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (json) => {
        const result = await readHarFile(file(JSON.stringify({ log: { entries: [json, { request: json, response: json }] } })));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 60 },
    );
  });
});
