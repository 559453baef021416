/**
 * The demo's `redis` store against a real Redis server (Debian's redis-server, started here on a
 * free port, nothing written to disk), in express-session's test style: one server per option set.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createClient } from 'redis';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { configWith, setCookies, startDemo, type RunningDemo } from '../test/support/demo-servers.js';
import { freePort } from '../test/support/free-port.js';

const REDIS_SERVER = process.env.REDIS_SERVER ?? 'redis-server';

let redis: ChildProcess | undefined;
let redisUrl = '';
let demo: RunningDemo | undefined;

beforeAll(async () => {
  const check = spawnSync(REDIS_SERVER, ['--version'], { encoding: 'utf8' });
  if (check.status !== 0) {
    throw new Error(
      `This test runs a real Redis server: install Debian's redis-server (apt-get install -y redis-server; .ci/run does), or set REDIS_SERVER. (${REDIS_SERVER}: ${check.error?.message ?? check.stderr})`,
    );
  }
  const port = await freePort();
  const server = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  redis = server;
  await new Promise<void>((ready, fail) => {
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) ready();
    });
    server.once('exit', (code) => fail(new Error(`redis-server exited with ${code}: ${output}`)));
  });
  redisUrl = `redis://127.0.0.1:${port}`;
});

afterAll(() => {
  redis?.kill();
});

beforeEach(async () => {
  const client = await createClient({ url: redisUrl }).connect();
  await client.flushAll();
  await client.close();
});

afterEach(async () => {
  await demo?.close();
  demo = undefined;
});

async function createServer(patch: object = {}): Promise<RunningDemo> {
  demo = await startDemo(configWith({ store: 'redis', ...patch }), [], { redisUrl });
  return demo;
}

async function logIn(running: RunningDemo): Promise<string> {
  const agent = running.agent('http');
  const cookie = (setCookies(await agent.get('/'))[0] ?? '').split(';')[0] as string;
  await agent.post('/login').type('form').send({ username: 'demo', password: 'demo' });
  return cookie;
}

describe('demo server: the redis store', () => {
  it('should write a row for every anonymous visit with saveUninitialized: true, and none with false', async () => {
    const running = await createServer({ saveUninitialized: true });
    for (let visit = 0; visit < 2; visit++) await request(running.http.origin).get('/');
    expect((await request(running.http.origin).get('/api/store')).body).toMatchObject({ store: 'redis', sessions: 2 });
    await running.close();
    const quiet = await createServer({ saveUninitialized: false });
    await request(quiet.http.origin).get('/');
    // The same Redis: the first server's two rows, and none more.
    expect((await request(quiet.http.origin).get('/api/store')).body.sessions).toBe(2);
  });

  it('should keep every session through a restart: the old cookie still logs in', async () => {
    const running = await createServer();
    const cookie = await logIn(running);
    const restart = await running.agent('http').post('/api/restart').set('Content-Type', 'application/json');
    expect(restart.body).toEqual({ store: 'redis', sessions: 1 });
    const profile = await request(running.http.origin).get('/profile').set('Cookie', cookie);
    expect(profile.status).toBe(200);
    expect(profile.text).toContain('Logged in as <strong>demo</strong>');
  });

  it("should leave the logged-in session in Redis with logout: 'clear-cookie', and remove it with 'destroy'", async () => {
    for (const logout of ['clear-cookie', 'destroy'] as const) {
      const running = await createServer({ app: { logout } });
      const agent = running.agent('http');
      const cookie = (setCookies(await agent.get('/'))[0] ?? '').split(';')[0] as string;
      await agent.post('/login').type('form').send({ username: 'demo', password: 'demo' });
      await agent.post('/logout');
      const replay = await request(running.http.origin).get('/profile').set('Cookie', cookie);
      expect(replay.status, logout).toBe(logout === 'clear-cookie' ? 200 : 302);
      await running.close();
      demo = undefined;
    }
  });

  it('should answer 503, and keep MemoryStore, when nothing listens at REDIS_URL', async () => {
    demo = await startDemo(configWith({}), [], { redisUrl: `redis://127.0.0.1:${await freePort()}` });
    const response = await demo.agent('http').put('/api/config').send({ store: 'redis' });
    expect(response.status).toBe(503);
    expect(response.body.error).toContain('the Redis server at REDIS_URL could not be reached');
    expect((await request(demo.http.origin).get('/api/store')).body.store).toBe('memory');
  });

  it('should list an expiry and the login, never an id', async () => {
    const running = await createServer();
    const cookie = await logIn(running);
    const id = decodeURIComponent(cookie.slice('connect.sid='.length)).slice(2).split('.')[0] as string;
    const response = await request(running.http.origin).get('/api/store');
    expect(response.body.rows).toEqual([{ expires: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), loggedIn: true }]);
    expect(response.text).not.toContain(id);
  });
});
