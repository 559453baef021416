/** `--secrets <file>`: the user's own list, streamed; a match names the file and line, never the secret. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import session from 'express-session';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { listenHttp, type Listening } from '../support/listen.js';

const PRIVATE = 'our-team-secret-2026-Qx81';
const dir = mkdtempSync(join(tmpdir(), 'sci-secrets-'));
const list = join(dir, 'secrets.txt');
let app: Listening;

beforeAll(async () => {
  const lines = Array.from({ length: 100_000 }, (_, i) => `candidate-${i}`);
  lines[54_320] = PRIVATE;
  writeFileSync(list, `${lines.join('\r\n')}\r\n`);
  const server = express();
  server.use(session({ secret: PRIVATE, resave: false, saveUninitialized: true }));
  server.get('/', (_req, res) => {
    res.send('ok');
  });
  app = await listenHttp(server);
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('--secrets', () => {
  it('finds a secret on line 54,321 of a 100,000-line list, naming the file and line, never the secret', { timeout: 60_000 }, async () => {
    const { status, stdout, stderr } = await cli('--secrets', list, `${app.origin}/`);
    expect(status).toBe(0);
    expect(stdout).toContain(`secret-known (cap F): The cookie's express-session signature verifies with a secret from your list (${list}, line 54321)`);
    expect(stdout).toContain('site grade F');
    expect(stdout + stderr).not.toContain(PRIVATE);
  });

  it('checks the bundled list without --secrets (and finds nothing here)', async () => {
    const { stdout } = await cli(`${app.origin}/`);
    expect(stdout).not.toContain('secret-known');
  });

  it('says clearly when the list cannot be read', async () => {
    expect(await cli('--secrets', join(dir, 'missing.txt'), `${app.origin}/`)).toMatchObject({
      status: 2,
      stderr: `session-cookie-inspector: cannot read the secrets file ${join(dir, 'missing.txt')}: no such file`,
    });
  });
});
