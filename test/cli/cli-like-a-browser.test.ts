/** The CLI as a browser and as curl with credentials would behave (rubric 2 issue, item 4). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { readHar } from '../../src/observation/read-har.js';
import { cli } from '../support/cli.js';
import { listenHttp } from '../support/listen.js';

const dir = mkdtempSync(join(tmpdir(), 'sci-browserlike-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function har(entries: unknown[], creator?: string): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.har`);
  writeFileSync(file, JSON.stringify({ log: { version: '1.2', ...(creator === undefined ? {} : { creator: { name: creator, version: '1' } }), entries } }));
  return file;
}

const entry = (requestHeaders: unknown[], responseHeaders: unknown[]) => ({
  startedDateTime: '2026-01-01T00:00:00.000Z',
  request: { method: 'GET', url: 'https://app.example.com/', headers: requestHeaders },
  response: { status: 200, headers: responseHeaders },
});

describe('the CLI, like a browser', () => {
  // Without the bound, the trickle never ends and neither does the CLI: the test's own time limit fails it.
  it('--timeout bounds the whole exchange, even when the headers trickle in', { timeout: 30_000 }, async () => {
    const sockets: import('node:net').Socket[] = [];
    const trickle: Server = createServer((socket) => {
      sockets.push(socket);
      socket.write('HTTP/1.1 200 OK\r\n');
      const timer = setInterval(() => socket.write('X-Slow: 1\r\n'), 50);
      socket.on('close', () => clearInterval(timer));
      socket.on('error', () => clearInterval(timer));
    });
    await new Promise<void>((ready) => trickle.listen(0, '127.0.0.1', ready));
    const { port } = trickle.address() as { port: number };
    const { status, stderr } = await cli('--timeout', '0.5', `http://127.0.0.1:${port}/`);
    expect(status).toBe(2);
    expect(stderr).toMatch(/did not answer within 0\.5 s/);
    for (const socket of sockets) socket.destroy();
    await new Promise((done) => trickle.close(done));
  });

  it('sends -H headers only to the host they were given for, and lets a server-set cookie replace a -H Cookie', async () => {
    const seen: { host: string; authorization?: string; cookie?: string }[] = [];
    const other = express();
    other.get('/', (req, res) => {
      seen.push({ host: 'other', authorization: req.get('authorization'), cookie: req.get('cookie') });
      res.send('ok');
    });
    const otherServer = await listenHttp(other);
    const first = express();
    first.get('/', (req, res) => {
      seen.push({ host: 'first', authorization: req.get('authorization'), cookie: req.get('cookie') });
      res.setHeader('Set-Cookie', 'sid=from-the-server-1234; Path=/');
      res.redirect(302, '/again');
    });
    first.get('/again', (req, res) => {
      seen.push({ host: 'first', authorization: req.get('authorization'), cookie: req.get('cookie') });
      // localhost is the same machine under another host name: another site to the client.
      res.redirect(302, otherServer.origin.replace('127.0.0.1', 'localhost') + '/');
    });
    const firstServer = await listenHttp(first);
    await cli('-H', 'Authorization: Bearer test-token', '-H', 'Cookie: sid=given-by-the-user-5678; theme=dark', `${firstServer.origin}/`);
    await firstServer.close();
    await otherServer.close();
    expect(seen).toEqual([
      { host: 'first', authorization: 'Bearer test-token', cookie: 'sid=given-by-the-user-5678; theme=dark' },
      { host: 'first', authorization: 'Bearer test-token', cookie: 'theme=dark; sid=from-the-server-1234' },
      { host: 'other', authorization: undefined, cookie: undefined },
    ]);
  });

  it('escapes control characters from HAR data before they reach the terminal', async () => {
    const file = har([
      entry(
        [],
        [
          { name: 'Set-Cookie', value: 'sid\u001b[2J=1; Path=/' },
          { name: 'Set-Cookie', value: 'x_sid=2\u009b31m; Path=/' },
        ],
      ),
    ]);
    const { stdout } = await cli(file);
    const controls = [...stdout].filter((character) => {
      const code = character.charCodeAt(0);
      return (code < 0x20 && character !== '\n') || (code >= 0x7f && code <= 0x9f);
    });
    expect(controls).toEqual([]);
    expect(stdout).toContain('sid\\x1b[2J');
  });

  it('never throws on a header value whose toString is broken', () => {
    const result = readHar({
      log: { entries: [entry([{ name: 'Cookie', value: { toString: null } }], [{ name: 'Set-Cookie', value: { valueOf: null, toString: null } }])] },
    });
    expect(result.ok).toBe(true);
  });

  it("warns when a HAR has no Cookie and no Set-Cookie header at all, naming Chrome's setting only for Chrome's and Edge's exports", async () => {
    const noCookies = [entry([{ name: 'Accept', value: '*/*' }], [{ name: 'Content-Type', value: 'text/html' }])];
    const chrome = await cli(har(noCookies, 'WebInspector'));
    expect(chrome.status).toBe(0);
    expect(chrome.stderr).toContain('has no Cookie or Set-Cookie header at all');
    expect(chrome.stderr).toContain('Allow to generate HAR with sensitive data');
    for (const creator of ['Firefox', 'Charles Proxy', 'Insomnia', undefined]) {
      const { stderr } = await cli(har(noCookies, creator));
      expect(stderr).toContain('has no Cookie or Set-Cookie header at all');
      expect(stderr).not.toContain('Allow to generate HAR with sensitive data');
      expect(stderr).toContain(creator === undefined ? 'the tool that wrote it' : `${creator}, which wrote it`);
    }
    expect((await cli(har([entry([], [{ name: 'Set-Cookie', value: 'sid=1' }])]))).stderr).toBe('');
  });
});
