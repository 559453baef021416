import express from 'express';
import session from 'express-session';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliWith } from '../support/cli.js';
import type { JsonReport } from '../../src/report/json-report.js';
import { listenHttp, listenHttps, type Listening } from '../support/listen.js';

function expressSessionApp(cookie: session.CookieOptions = {}) {
  const app = express();
  app.use(session({ secret: 'test secret', resave: false, saveUninitialized: false, cookie }));
  app.get('/', (req, res) => {
    (req.session as unknown as { visits: number }).visits = 1;
    res.send('ok');
  });
  app.get('/redirect', (_req, res) => {
    res.cookie('flash', 'welcome', { httpOnly: true });
    res.redirect(302, '/');
  });
  app.get('/loop', (_req, res) => res.redirect(302, '/loop'));
  app.get('/no-cookie', (_req, res) => res.send('none'));
  return app;
}

let plain: Listening;
let tls: Listening;

beforeAll(async () => {
  plain = await listenHttp(expressSessionApp());
  tls = await listenHttps(expressSessionApp({ secure: true, sameSite: 'strict', maxAge: 30 * 60 * 1000 }));
});

afterAll(async () => {
  await plain.close();
  await tls.close();
});

describe('CLI against a live express-session server', () => {
  it("grades express-session's defaults over http as D and prints findings with fixes", async () => {
    const { status, stdout } = await cli(`${plain.origin}/`);
    expect(status).toBe(0);
    expect(stdout).toContain('site grade D');
    expect(stdout).toMatch(/D +connect\.sid {2}express-session {2}score 30/);
    expect(stdout).toContain('x secure-missing (-40, cap D)');
    expect(stdout).toContain('fix (express-session): Set `cookie: { secure: true }`');
  });

  it('prints the rubric JSON report with --json, values hidden', async () => {
    const { status, stdout } = await cli('--json', `${plain.origin}/`);
    const report = JSON.parse(stdout) as JsonReport;
    expect(status).toBe(0);
    expect(report.grade).toBe('D');
    expect(report.cookies.map((c) => [c.name, c.grade, c.findings.map((f) => f.id)])).toEqual([
      ['connect.sid', 'D', ['secure-missing', 'samesite-missing', 'prefix-none', 'name-default', 'cache-control-missing']],
    ]);
    expect(report.cookies[0]).not.toHaveProperty('value');
    expect(stdout).not.toMatch(/s%3A/);
  });

  it('includes values with --show-values', async () => {
    const { stdout } = await cli('--json', '--show-values', `${plain.origin}/`);
    expect((JSON.parse(stdout) as JsonReport).cookies[0]?.value).toMatch(/^s%3A.+\..+$/);
  });

  it('follows redirects and grades every Set-Cookie along the chain', async () => {
    const { stdout } = await cli('--json', `${plain.origin}/redirect`);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.cookies.map((c) => [c.name, c.setBy])).toEqual([
      ['flash', `${plain.origin}/redirect`],
      ['connect.sid', `${plain.origin}/`],
    ]);
  });

  it('exits 1 under --fail-under and 0 at or above it', async () => {
    const below = await cli('--fail-under', 'B', `${plain.origin}/`);
    expect(below.status).toBe(1);
    expect(below.stderr).toContain('site grade D is below --fail-under B');
    expect((await cli('--fail-under', 'd', `${plain.origin}/`)).status).toBe(0);
  });

  it('does not fail on the site grade "none"', async () => {
    const { status, stdout } = await cli('--fail-under', 'A+', `${plain.origin}/no-cookie`);
    expect(status).toBe(0);
    expect(stdout).toContain('site grade none');
    // Rubric section 3: say why no cookie may have been set, and offer the https page.
    expect(stdout).toContain(
      "express-session with `cookie.secure: true` over plain http, or behind a TLS-terminating proxy without `app.set('trust proxy', 1)`",
    );
    expect(stdout).toContain(`Over https it may: try https://127.0.0.1/no-cookie`);
  });

  it('accepts a self-signed certificate with --insecure, and says so', async () => {
    const { status, stdout, stderr } = await cli('--insecure', '--json', `${tls.origin}/`);
    expect(status).toBe(0);
    expect(stderr).toContain('--insecure');
    const [cookie] = (JSON.parse(stdout) as JsonReport).cookies;
    expect(cookie?.attributes).toMatchObject({ secure: true, sameSite: 'Strict' });
    // On 127.0.0.1 HSTS does not apply (rubric 2): the note hsts-not-applicable, no hsts-missing.
    expect(cookie?.findings.map((f) => f.id)).toEqual(['prefix-none', 'name-default', 'cache-control-missing']);
    expect(cookie?.notes.map((note) => note.id)).toContain('hsts-not-applicable');
    expect(cookie?.grade).toBe('A');
  });
});

describe('CLI errors: one line, exit 2', () => {
  it.each([
    [['--fail-under', 'Q', 'x.har'], /--fail-under takes one of A\+, A, B, C, D, F/],
    [['--bogus', 'x'], /unknown option '--bogus' \(see --help\)/],
    [[], /give at least one URL or HAR file/],
    [['-H', 'no colon', 'http://127.0.0.1/'], /a --header is not of the form "Name: value"/],
    [['--timeout', 'soon', 'http://127.0.0.1/'], /--timeout takes a number of seconds/],
    [['does-not-exist.har'], /cannot read does-not-exist\.har: no such file/],
    [['package.json'], /package\.json is not a HAR file: no "log" object/],
  ])('%j', async (argv, message) => {
    const { status, stderr, stdout } = await cli(...argv);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
  });

  it('reports a refused connection', async () => {
    const closed = await listenHttp(() => undefined);
    await closed.close();
    const { status, stderr } = await cli(`${closed.origin}/`);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^session-cookie-inspector: connection refused by 127\.0\.0\.1:\d+ \(is the server running\?\)$/);
  });

  it('reports an untrusted certificate and suggests --insecure', async () => {
    const { status, stderr } = await cli(`${tls.origin}/`);
    expect(status).toBe(2);
    expect(stderr).toMatch(/TLS certificate of 127\.0\.0\.1:\d+ is not trusted \(.+\); for a local dev server add --insecure/);
  });

  it('stops a redirect loop after 10 redirects', async () => {
    const { status, stderr } = await cli(`${plain.origin}/loop`);
    expect(status).toBe(2);
    expect(stderr).toMatch(/stopped after 10 redirects \(a redirect loop\?\)/);
  });

  it('names a host that does not resolve', async () => {
    const { status, stderr } = await cli('--timeout', '5', 'http://sessions.invalid/');
    expect(status).toBe(2);
    expect(stderr).toMatch(/^session-cookie-inspector: (cannot resolve host "sessions\.invalid"|sessions\.invalid did not answer within 5 s)$/);
  });

  it('reads only the headers of a huge (endless) response', async () => {
    const endless = await listenHttp((_req, res) => {
      res.writeHead(200, { 'Set-Cookie': 'sid=abcdefgh12345678; Path=/; HttpOnly' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (res.write(chunk)) {
          // keep the socket full until the client goes away
        }
        res.once('drain', pump);
      };
      res.on('error', () => undefined);
      pump();
    });
    const { status, stdout } = await cli('--json', `${endless.origin}/`);
    await endless.close();
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as JsonReport).cookies.map((cookie) => cookie.name)).toEqual(['sid']);
  });

  it('times out on a server that never answers', async () => {
    const silent = await listenHttp(() => undefined);
    const { status, stderr } = await cli('--timeout', '0.3', `${silent.origin}/`);
    await silent.close();
    expect(status).toBe(2);
    expect(stderr).toMatch(/did not answer within 0\.3 s/);
  });
});

describe('CLI masking (rubric section 7)', () => {
  const OLD_ID = '7C3A9F1E2B8D4C6A0E5F7B9D1C3A5E7F';
  const NEW_ID = 'B4E6D8F0A2C4E6D8F0A2C4E6D8F0A2C4';
  let java: Listening;

  beforeAll(async () => {
    const app = express();
    app.get('/start', (_req, res) => {
      res.setHeader('Set-Cookie', `JSESSIONID=${OLD_ID}; Path=/; HttpOnly`);
      res.redirect(302, `/app;jsessionid=${OLD_ID}`);
    });
    app.get(/^\/app/, (_req, res) => {
      res.setHeader('Set-Cookie', `JSESSIONID=${NEW_ID}; Path=/; HttpOnly`);
      res.send('app');
    });
    app.get(/^\/loop/, (_req, res) => {
      res.setHeader('Set-Cookie', `JSESSIONID=${OLD_ID}; Path=/; HttpOnly`);
      res.redirect(302, `/loop;jsessionid=${OLD_ID}`);
    });
    java = await listenHttp(app);
  });

  afterAll(async () => {
    await java.close();
  });

  it('prints neither the old nor the rotated id, in text or JSON, for a ;jsessionid= redirect', async () => {
    for (const format of [[], ['--json']]) {
      const { status, stdout, stderr } = await cli(...format, `${java.origin}/start`);
      expect(status).toBe(0);
      expect(stdout).toContain('id-in-url');
      expect(stdout + stderr).not.toContain(OLD_ID);
      expect(stdout + stderr).not.toContain(NEW_ID);
    }
  });

  it('masks the id in an error message (a redirect loop through ;jsessionid=)', async () => {
    const { status, stderr } = await cli(`${java.origin}/loop`);
    expect(status).toBe(2);
    expect(stderr).toContain('stopped after 10 redirects');
    expect(stderr).toContain(';jsessionid=[value hidden]');
    expect(stderr).not.toContain(OLD_ID);
  });

  it('names only the host on the progress line while it follows redirects', async () => {
    const updates: string[] = [];
    await cliWith({ progress: { update: (text) => updates.push(text), done: () => undefined } }, `${java.origin}/start`);
    expect(updates).toEqual([`request 1 to ${new URL(java.origin).host}`, `request 2 to ${new URL(java.origin).host}`]);
  });

  it('shows the values when asked, with --show-values', async () => {
    const { stdout } = await cli('--show-values', `${java.origin}/start`);
    expect(stdout).toContain(NEW_ID);
  });
});
