/**
 * Both module systems load the built package by its own name (Node resolves a package's name to
 * itself inside it, through `exports`): `import` the ES modules, `require()` the CommonJS build.
 * npm test builds dist/lib and dist/cjs first; pack-install-use.test.ts does the same from a tarball.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

async function node(...args: string[]): Promise<unknown> {
  const { stdout, stderr } = await run(process.execPath, args, { encoding: 'utf8', timeout: 30_000 });
  expect(stderr).toBe('');
  return JSON.parse(stdout);
}

const PROBE = `JSON.stringify({
  version: lib.VERSION,
  // A three-character id: F (too little entropy), whichever build grades it.
  grade: lib.gradeObservations([lib.observationFromResponse({ url: 'http://127.0.0.1/', status: 200, headers: { 'set-cookie': ['connect.sid=s%3Aabc; Path=/; HttpOnly'] } })]).grade,
  middleware: typeof express.sessionCookieAudit,
})`;

beforeAll(() => {
  for (const entry of ['dist/lib/index.js', 'dist/cjs/index.js']) if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build:lib first`);
});

describe('the built package', () => {
  it('loads with require(): the library and its Express middleware', { timeout: 30_000 }, async () => {
    const code = `const lib = require('session-cookie-inspector'); const express = require('session-cookie-inspector/express'); console.log(${PROBE});`;
    expect(await node('--input-type=commonjs', '-e', code)).toEqual({ version: expect.any(String), grade: 'F', middleware: 'function' });
  });

  it('loads with import, to the same answers', { timeout: 30_000 }, async () => {
    const code = `const lib = await import('session-cookie-inspector'); const express = await import('session-cookie-inspector/express'); console.log(${PROBE});`;
    expect(await node('--input-type=module', '-e', code)).toEqual({ version: expect.any(String), grade: 'F', middleware: 'function' });
  });
});
