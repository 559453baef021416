/**
 * Rubric section 7 on failure paths (issue 21): whatever way a run fails, no flow secret, no
 * credential and no cookie value reaches stdout, stderr or a saved HAR, in any form it takes in
 * text, and a short secret is masked only as a whole field.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const PASSWORD = 'correct horse (battery) staple!';
const TOKEN = 'tok~en*value-0123';
const SHORT = 'demo';
const COOKIE_VALUE = 'Zq81vXb3LmN0pR7t';
const API_KEY = 'k3y-of-the-api';
/** A cookie value under 8 characters: hidden wherever it is a whole field (a Cookie pair, a parameter). */
const SHORT_COOKIE_VALUE = 'k9x2Qw';

const dir = mkdtempSync(join(tmpdir(), 'sci-failures-'));
let server: Server;
/** The bodies /api received, to check what a flow really sent. */
const apiBodies: string[] = [];
let origin = '';

/** A server that fails in every way a flow can meet, echoing what it was sent into its answers. */
beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const auth = request.headers.authorization ?? '';
      response.setHeader('Set-Cookie', [`sid=${COOKIE_VALUE}; Path=/; HttpOnly`, `pin=${SHORT_COOKIE_VALUE}; Path=/`]);
      if (url.pathname === '/login') return response.writeHead(302, { Location: `/loop?${body}` }).end();
      if (url.pathname === '/loop') return response.writeHead(302, { Location: `${url.pathname}${url.search}` }).end();
      if (url.pathname === '/ftp') return response.writeHead(302, { Location: `ftp://files.test/?t=${encodeURIComponent(auth)}` }).end();
      if (url.pathname === '/bad-location') return response.writeHead(302, { Location: `http://[${auth.replace(/ /g, '')}` }).end();
      if (url.pathname === '/slow') return; // never answers: the run times out
      if (url.pathname === '/api' && request.method === 'POST') apiBodies.push(body);
      if (url.pathname === '/json')
        return response.writeHead(302, { Location: `/loop?${new URLSearchParams(JSON.parse(body || '{}') as Record<string, string>)}` }).end();
      response.writeHead(200, { 'Content-Type': 'text/html' }).end(`<p>${auth}</p>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every form a secret takes in text (rubric section 7). */
function formsOf(secret: string): string[] {
  const everyByte = [...new TextEncoder().encode(secret)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  return [secret, encodeURIComponent(secret), new URLSearchParams({ x: secret }).toString().slice(2), everyByte, everyByte.toLowerCase()];
}

const FAILING_FLOWS: Record<string, string> = {
  'a redirect loop after a form login': `steps:\n  - name: log in\n    post: /login\n    data: { user: me, password: { env: APP_PASSWORD }, pin: { env: SHORT_PIN } }\n`,
  'a GET form sent to a redirect loop': `steps:\n  - name: search\n    get: /loop\n    data: { password: { env: APP_PASSWORD } }\n`,
  'a failed expect with a bearer token': `steps:\n  - name: call the API\n    get: /api\n    headers: { Authorization: { env: API_TOKEN } }\n    expect: { status: 201 }\n`,
  'a redirect to ftp:': `steps:\n  - name: download\n    get: /ftp\n    headers: { Authorization: { env: API_TOKEN } }\n`,
  'an invalid Location': `steps:\n  - name: follow\n    get: /bad-location\n    headers: { Authorization: { env: API_TOKEN } }\n`,
  'a json: body sent to a redirect loop': `steps:\n  - name: post json\n    post: /json\n    json: { password: { env: APP_PASSWORD } }\n`,
};

describe.each(Object.entries(FAILING_FLOWS))('a flow that fails with %s', (name, steps) => {
  it('exits 2 and leaves no secret or cookie value in stdout, stderr or the saved HAR', async () => {
    const slug = name.replace(/\W+/g, '-');
    const flow = join(dir, `${slug}.flow.yaml`);
    writeFileSync(flow, `baseUrl: ${origin}\n${steps}`);
    const har = join(dir, `${slug}.har`);
    Object.assign(process.env, { APP_PASSWORD: PASSWORD, API_TOKEN: `Bearer ${TOKEN}`, SHORT_PIN: SHORT });
    try {
      for (const format of [[], ['--json'], ['--format', 'sarif']]) {
        const run = await cli(...format, '--flow', flow, '--save-har', har);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/^session-cookie-inspector: /);
        const saved = existsSync(har) ? readFileSync(har, 'utf8') : '';
        expect(saved).not.toBe('');
        const everything = [run.stdout, run.stderr, saved].join('\n');
        for (const secret of [PASSWORD, TOKEN, COOKIE_VALUE]) for (const form of formsOf(secret)) expect(everything).not.toContain(form);
        // The short PIN as a whole field; the flow's own file name (which holds no PIN) stays.
        expect(everything).not.toMatch(new RegExp(`[=":]${SHORT}(?:[&;"\\s]|$)`));
      }
    } finally {
      for (const variable of ['APP_PASSWORD', 'API_TOKEN', 'SHORT_PIN']) delete process.env[variable];
    }
  });
});

describe('credentials on the command line', () => {
  it('masks -H credentials, URL passwords and --data passwords on a failing run', async () => {
    const har = join(dir, 'cli-credentials.har');
    const run = await cli(
      '-H',
      `Authorization: Bearer ${TOKEN}`,
      '-H',
      `X-Api-Key: ${TOKEN}x`,
      '--data',
      `user=me&password=${encodeURIComponent(PASSWORD)}`,
      '--save-har',
      har,
      `http://me:${encodeURIComponent(PASSWORD)}@127.0.0.1:${new URL(origin).port}/login?api_key=${API_KEY}`,
    );
    expect(run.status).toBe(2);
    const everything = [run.stdout, run.stderr, readFileSync(har, 'utf8')].join('\n');
    for (const secret of [PASSWORD, TOKEN, `${TOKEN}x`, COOKIE_VALUE, API_KEY]) for (const form of formsOf(secret)) expect(everything).not.toContain(form);
    expect(everything).toContain('pin=');
    expect(everything).not.toMatch(new RegExp(`=${SHORT_COOKIE_VALUE}(?:[;&"\\s]|$)`, 'm'));
  });

  it("sends a json: step's { env: NAME } values, at any depth, not the reference", async () => {
    const flow = join(dir, 'json-env.flow.yaml');
    writeFileSync(
      flow,
      `baseUrl: ${origin}\nsteps:\n  - name: post json\n    post: /api\n    json: { user: me, password: { env: APP_PASSWORD }, keys: [{ token: { env: API_TOKEN } }] }\n`,
    );
    Object.assign(process.env, { APP_PASSWORD: PASSWORD, API_TOKEN: TOKEN });
    try {
      apiBodies.length = 0;
      const run = await cli('--json', '--flow', flow);
      expect(run.status).toBe(0);
      expect(JSON.parse(apiBodies[0] ?? '{}')).toEqual({ user: 'me', password: PASSWORD, keys: [{ token: TOKEN }] });
      expect(run.stdout).not.toContain(TOKEN);
    } finally {
      delete process.env.APP_PASSWORD;
      delete process.env.API_TOKEN;
    }
  });

  it('does not echo a malformed header or JSON body, which may be a credential', async () => {
    expect((await cli('-H', `Bearer ${TOKEN}`, origin)).stderr).not.toContain(TOKEN);
    expect((await cli('--data-json', `{"password":${TOKEN}}`, origin)).stderr).not.toContain(TOKEN.slice(0, 5));
  });

  it('masks a short secret only as a whole field: the file name demo-login.flow.yaml stays', async () => {
    const flow = join(dir, `${SHORT}-login.flow.yaml`);
    writeFileSync(flow, `baseUrl: ${origin}\nsteps:\n  - name: log in\n    get: /api\n    data: { password: { env: SHORT_PIN } }\n`);
    process.env.SHORT_PIN = SHORT;
    try {
      const run = await cli('--json', '--flow', flow);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`${SHORT}-login.flow.yaml`);
      expect(run.stdout).toContain('password=[value hidden]');
    } finally {
      delete process.env.SHORT_PIN;
    }
  });
});

/** How a generated flow fails, and the step that makes it fail (the secret rides in a field and a header). */
const FAILURE_STEPS: Record<string, string> = {
  'redirect loop': `get: /loop\n    data: { password: { env: GENERATED } }`,
  'failed expect': `get: /api\n    headers: { X-Api-Key: { env: GENERATED } }\n    expect: { status: 201 }`,
  'bad Location': `get: /bad-location\n    headers: { Authorization: { env: GENERATED } }`,
  'unsupported scheme': `get: /ftp\n    headers: { Authorization: { env: GENERATED } }`,
  timeout: `post: /slow\n    data: { password: { env: GENERATED } }`,
  'form login into a loop': `post: /login\n    data: { password: { env: GENERATED } }`,
};

describe('generated secrets on every failure path', () => {
  it('never print or save a secret of 8+ characters in any form, nor a short one as a whole field', async () => {
    const secret = fc
      .string({ minLength: 1, maxLength: 24, unit: fc.constantFrom(...'aZ09 ()!*~%+&=;-_.é€"') })
      .filter((text) => text.trim() === text && text.trim() !== '');
    await fc.assert(
      fc.asyncProperty(secret, fc.constantFrom(...Object.keys(FAILURE_STEPS)), async (generated, failure) => {
        const flow = join(dir, 'generated.flow.yaml');
        writeFileSync(flow, `baseUrl: ${origin}\nsteps:\n  - name: the step\n    ${FAILURE_STEPS[failure] as string}\n`);
        const har = join(dir, 'generated.har');
        process.env.GENERATED = generated;
        try {
          const run = await cli('--json', '--timeout', '0.3', '--flow', flow, '--save-har', har);
          expect(run.status).toBe(2);
          const everything = [run.stdout, run.stderr, readFileSync(har, 'utf8')].join('\n');
          if (generated.length >= 8) for (const form of formsOf(generated)) expect(everything).not.toContain(form);
          else
            for (const form of formsOf(generated))
              for (const [open, close] of [
                ['=', '&'],
                ['=', '"'],
                ['"', '"'],
              ])
                expect(everything).not.toContain(`${open}${form}${close}`);
        } finally {
          delete process.env.GENERATED;
        }
      }),
      { numRuns: 40, seed: 21 },
    );
  }, 60_000);
});
