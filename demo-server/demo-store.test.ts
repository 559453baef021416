/**
 * The demo's session store, in express-session's test style: one server per option set, each
 * behaviour read back from GET /api/store (which never shows an id) and from a replayed cookie.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configWith, setCookies, startDemo, type RunningDemo } from '../test/support/demo-servers.js';
import { DEFAULT_CONFIG, type StoreKind } from './demo-config.js';

let demo: RunningDemo | undefined;
let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'sci-demo-store-'));
});
afterEach(async () => {
  await demo?.close();
  demo = undefined;
  rmSync(folder, { recursive: true, force: true });
});

const sqliteFile = () => join(folder, 'sessions.sqlite');

async function createServer(patch: object = {}): Promise<RunningDemo> {
  demo = await startDemo(configWith(patch), [], { sqliteFile: sqliteFile() });
  return demo;
}

interface StoreAnswer {
  store: StoreKind;
  sessions: number;
  rows: { expires: string | null; loggedIn: boolean }[];
  writes: { set: number; touch: number; destroy: number };
}

async function storeOf(running: RunningDemo): Promise<StoreAnswer> {
  return (await request(running.http.origin).get('/api/store')).body as StoreAnswer;
}

/** The `name=value` pair of the session cookie a response set. */
function cookiePair(response: { headers: Record<string, unknown> }, name = 'connect.sid'): string {
  const pair = setCookies(response)
    .map((line) => line.split(';')[0] ?? '')
    .find((first) => first.startsWith(`${name}=`));
  if (pair === undefined) throw new Error(`no ${name} cookie was set`);
  return pair;
}

/** A browser that opens the control page, then logs in: its cookie pair as it holds it afterwards. */
async function logIn(running: RunningDemo): Promise<{ agent: request.Agent; cookie: string }> {
  const agent = running.agent('http');
  let cookie = cookiePair(await agent.get('/'));
  const login = await agent.post('/login').type('form').send({ username: 'demo', password: 'demo' });
  expect(login.status).toBe(303);
  if (setCookies(login).length > 0) cookie = cookiePair(login);
  return { agent, cookie };
}

/** A copy of the cookie, sent by someone else (a stolen cookie, a shared computer's). */
function replay(running: RunningDemo, cookie: string, path = '/profile') {
  return request(running.http.origin).get(path).set('Cookie', cookie);
}

describe('demo server: the store', () => {
  it("should start on express-session's MemoryStore, empty", async () => {
    const running = await createServer();
    expect(await storeOf(running)).toEqual({ store: 'memory', sessions: 0, rows: [], writes: { set: 0, touch: 0, destroy: 0 } });
  });

  it('should switch to the SQLite file with PUT {"store":"sqlite"}', async () => {
    const running = await createServer();
    const response = await running.agent('http').put('/api/config').send({ store: 'sqlite' });
    expect(response.status).toBe(200);
    expect(response.body.store).toBe('sqlite');
    await request(running.http.origin).get('/');
    expect(await storeOf(running)).toMatchObject({ store: 'sqlite', sessions: 1 });
  });

  it('should refuse a bad store value with 400 naming the field, and keep the store', async () => {
    const running = await createServer();
    const response = await running.agent('http').put('/api/config').send({ store: 'postgres' });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/^"store" must be "memory" .*, "sqlite" .* or "redis" .*; got "postgres"$/);
    expect((await storeOf(running)).store).toBe('memory');
  });

  it('should answer {"store":"redis"} without REDIS_URL with 503 naming it, and keep the store', async () => {
    const running = await createServer();
    const response = await running.agent('http').put('/api/config').send({ store: 'redis' });
    expect(response.status).toBe(503);
    expect(response.body.error).toContain('the Redis store needs REDIS_URL');
    expect((await storeOf(running)).store).toBe('memory');
  });

  it('should keep the store when a preset is applied', async () => {
    const running = await createServer({ store: 'sqlite' });
    const response = await running.agent('http').post('/api/presets/hardened').set('Content-Type', 'application/json');
    expect(response.body.store).toBe('sqlite');
    expect(response.body.name).toBe('__Host-sid');
  });
});

describe.each(['memory', 'sqlite'] as const)('demo server: rows in the %s store', (store) => {
  it('should write a row for every anonymous visit with saveUninitialized: true', async () => {
    const running = await createServer({ store, saveUninitialized: true });
    for (let visit = 0; visit < 3; visit++) expect(setCookies(await request(running.http.origin).get('/'))).toHaveLength(1);
    const answer = await storeOf(running);
    expect(answer.sessions).toBe(3);
    expect(answer.rows.map((row) => row.loggedIn)).toEqual([false, false, false]);
  });

  it('should write no row and set no cookie for anonymous visits with saveUninitialized: false', async () => {
    const running = await createServer({ store, saveUninitialized: false });
    for (let visit = 0; visit < 3; visit++) expect(setCookies(await request(running.http.origin).get('/'))).toEqual([]);
    expect((await storeOf(running)).sessions).toBe(0);
  });

  it('should write a row per anonymous visitor with saveUninitialized: false once visits are counted', async () => {
    const running = await createServer({ store, saveUninitialized: false, app: { countVisits: true } });
    for (let visit = 0; visit < 3; visit++) await request(running.http.origin).get('/');
    expect((await storeOf(running)).sessions).toBe(3);
  });

  it('should write the one logged-in row at login with saveUninitialized: false', async () => {
    const running = await createServer({ store, saveUninitialized: false });
    const agent = running.agent('http');
    await agent.get('/login');
    await agent.post('/login').type('form').send({ username: 'demo', password: 'demo' });
    expect((await storeOf(running)).rows.map((row) => row.loggedIn)).toEqual([true]);
  });

  it('should write an unchanged session back on every request with resave: true, and only touch it with resave: false', async () => {
    for (const resave of [true, false]) {
      const running = await createServer({ store, resave });
      const agent = running.agent('http');
      for (let visit = 0; visit < 3; visit++) await agent.get('/');
      expect((await storeOf(running)).writes, `resave: ${resave}`).toEqual(resave ? { set: 3, touch: 0, destroy: 0 } : { set: 1, touch: 2, destroy: 0 });
      await running.close();
      demo = undefined;
    }
  });

  it('should never show a session id or a cookie value', async () => {
    const running = await createServer({ store });
    const { cookie } = await logIn(running);
    const value = cookie.slice('connect.sid='.length);
    const id = decodeURIComponent(value).slice(2).split('.')[0] as string;
    const response = await request(running.http.origin).get('/api/store');
    expect(response.text).not.toContain(id);
    expect(response.text).not.toContain(value);
    expect(response.text).not.toContain(decodeURIComponent(value));
    expect(Object.keys(response.body).sort()).toEqual(['rows', 'sessions', 'store', 'writes']);
    for (const row of response.body.rows) expect(Object.keys(row).sort()).toEqual(['expires', 'loggedIn']);
  });
});

describe('demo server: restarting the server', () => {
  it('should forget every session with MemoryStore: the old cookie no longer logs in', async () => {
    const running = await createServer({ store: 'memory' });
    const { cookie } = await logIn(running);
    expect((await replay(running, cookie)).status).toBe(200);
    const restart = await running.agent('http').post('/api/restart').set('Content-Type', 'application/json');
    expect(restart.body).toEqual({ store: 'memory', sessions: 0 });
    expect((await replay(running, cookie)).status).toBe(302);
  });

  it('should keep every session with the SQLite file: the old cookie still logs in', async () => {
    const running = await createServer({ store: 'sqlite' });
    const { cookie } = await logIn(running);
    const restart = await running.agent('http').post('/api/restart').set('Content-Type', 'application/json');
    expect(restart.body).toEqual({ store: 'sqlite', sessions: 1 });
    expect((await storeOf(running)).rows.map((row) => row.loggedIn)).toEqual([true]);
    const profile = await replay(running, cookie);
    expect(profile.status).toBe(200);
    expect(profile.text).toContain('Logged in as <strong>demo</strong>');
  });

  it('should find the sessions of an earlier server in the same SQLite file (DEMO_DB)', async () => {
    const first = await createServer({ store: 'sqlite' });
    const { cookie } = await logIn(first);
    await first.close();
    const second = await createServer({ store: 'sqlite' });
    expect((await storeOf(second)).sessions).toBe(1);
    expect((await replay(second, cookie)).status).toBe(200);
  });

  it('should answer 503 naming the file, and go on with MemoryStore, when the SQLite file cannot be opened again', async () => {
    const running = await createServer({ store: 'sqlite' });
    await logIn(running);
    rmSync(sqliteFile());
    mkdirSync(sqliteFile());
    const restart = await running.agent('http').post('/api/restart').set('Content-Type', 'application/json');
    expect(restart.status).toBe(503);
    expect(restart.body.error).toContain(`the SQLite file ${sqliteFile()} could not be opened`);
    expect(await storeOf(running)).toMatchObject({ store: 'memory', sessions: 0 });
    expect(running.state.config.store).toBe('memory');
  });

  it('should refuse a restart from another site with 403', async () => {
    const running = await createServer();
    const response = await running.agent('http').post('/api/restart').set('Origin', 'https://evil.example');
    expect(response.status).toBe(403);
  });
});

describe.each(['memory', 'sqlite'] as const)('demo server: logging out, %s store', (store) => {
  it("should end the session with logout: 'destroy': the row goes, the cookie is cleared, a replay is not logged in", async () => {
    const running = await createServer({ store, app: { logout: 'destroy' } });
    const { agent, cookie } = await logIn(running);
    const logout = await agent.post('/logout');
    expect(setCookies(logout)).toEqual(['connect.sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly']);
    expect((await storeOf(running)).sessions).toBe(0);
    expect((await replay(running, cookie)).status).toBe(302);
  });

  it("should keep the session without its user with logout: 'forget-user': no Set-Cookie, a replay is not logged in", async () => {
    const running = await createServer({ store, app: { logout: 'forget-user' } });
    const { agent, cookie } = await logIn(running);
    expect(setCookies(await agent.post('/logout'))).toEqual([]);
    expect((await storeOf(running)).rows.map((row) => row.loggedIn)).toEqual([false]);
    expect((await replay(running, cookie)).status).toBe(302);
  });

  it("should only clear the cookie with logout: 'clear-cookie': the row stays logged in, and a replay of the old cookie logs in", async () => {
    const running = await createServer({ store, app: { logout: 'clear-cookie' } });
    const { agent, cookie } = await logIn(running);
    const logout = await agent.post('/logout');
    expect(setCookies(logout)).toEqual(['connect.sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly']);
    expect((await storeOf(running)).rows.map((row) => row.loggedIn)).toEqual([true]);
    expect((await agent.get('/profile')).status).toBe(302);
    const profile = await replay(running, cookie);
    expect(profile.status).toBe(200);
    expect(profile.text).toContain('Logged in as <strong>demo</strong>');
  });
});

/** A made-up value of the shape of express-session's: `s:<32 characters>.<43 characters>`, URL-encoded. */
const PLANTED = 's%3AAttackerChosenId0123456789abcdef.AttackerChosenSignature0123456789abcdefghij';
const PLANTED_ID = 'AttackerChosenId0123456789abcdef';

/** The victim's browser, with the attacker's cookie planted in it, opens the site and logs in. */
async function plantAndLogIn(running: RunningDemo, planted = PLANTED) {
  const victim = () => request(running.http.origin);
  const first = await victim().get('/').set('Cookie', `connect.sid=${planted}`);
  const login = await victim().post('/login').set('Cookie', `connect.sid=${planted}`).type('form').send({ username: 'demo', password: 'demo' });
  expect(login.status).toBe(303);
  return { first, login, profile: await victim().get('/profile').set('Cookie', `connect.sid=${planted}`) };
}

describe('demo server: app.adoptClientIds (session fixation, taught on purpose)', () => {
  it('should adopt a planted value and keep it through the login with regenerateOnLogin: false', async () => {
    const running = await createServer({ app: { adoptClientIds: true, regenerateOnLogin: false } });
    const { first, login, profile } = await plantAndLogIn(running);
    expect(setCookies(first)).toEqual([]);
    expect(setCookies(login)).toEqual([]);
    expect(profile.status).toBe(200);
    expect(profile.text).toContain('Logged in as <strong>demo</strong>');
    expect(profile.text).toContain(`<code>${PLANTED_ID}</code>`);
  });

  it('should adopt an unsigned value too', async () => {
    const running = await createServer({ app: { adoptClientIds: true } });
    const { profile } = await plantAndLogIn(running, 'attacker-chosen-id');
    expect(profile.status).toBe(200);
    expect(profile.text).toContain('<code>attacker-chosen-id</code>');
  });

  it('should send back the planted value itself when express-session sets the cookie (cookie.maxAge)', async () => {
    const running = await createServer({ cookie: { maxAge: 3_600_000 }, app: { adoptClientIds: true } });
    const { login, profile } = await plantAndLogIn(running);
    expect(cookiePair(login)).toBe(`connect.sid=${PLANTED}`);
    expect(profile.status).toBe(200);
  });

  it('should be the fixation-vulnerable preset', async () => {
    const running = await createServer();
    await running.agent('http').post('/api/presets/fixation-vulnerable').set('Content-Type', 'application/json');
    expect((await plantAndLogIn(running)).profile.status).toBe(200);
  });

  it('should give a new id at login with regenerateOnLogin: true, so the planted value is not logged in', async () => {
    const running = await createServer({ app: { adoptClientIds: true, regenerateOnLogin: true } });
    const { login, profile } = await plantAndLogIn(running);
    expect(cookiePair(login)).not.toBe(`connect.sid=${PLANTED}`);
    expect(profile.status).toBe(302);
  });

  it('should replace a planted value with an id of its own when off (the default)', async () => {
    const running = await createServer();
    expect(DEFAULT_CONFIG.app.adoptClientIds).toBe(false);
    const { first, profile } = await plantAndLogIn(running);
    expect(cookiePair(first)).not.toBe(`connect.sid=${PLANTED}`);
    expect(profile.status).toBe(302);
  });
});

describe('demo server: the control page shows the store', () => {
  it('should offer the store, the restart button and what each toggle does to the store', async () => {
    const running = await createServer({ store: 'sqlite' });
    const page = (await running.agent('http').get('/')).text;
    expect(page).toContain('<option value="&quot;sqlite&quot;" selected>');
    expect(page).toContain('<button type="button" id="restart">Restart the server</button>');
    expect(page).toContain('The button restarts the sessions, not the process');
    expect(page).toContain('<code>saveUninitialized: true</code> writes a row for every anonymous visit');
    expect(page).not.toContain('id="sqlite-missing"');
  });

  it('should mark app.adoptClientIds as a bug taught on purpose', async () => {
    const running = await createServer({ app: { adoptClientIds: true } });
    const page = (await running.agent('http').get('/')).text;
    expect(page).toContain('<p class="warning" id="adopting">');
    expect(page).toContain('session fixation: whoever planted it is logged in too');
  });

  it('should count visits only with app.countVisits', async () => {
    const running = await createServer();
    expect((await running.agent('http').get('/')).text).toContain('visits are not counted (app.countVisits is off)');
    await running.close();
    const counting = await createServer({ app: { countVisits: true } });
    const agent = counting.agent('http');
    await agent.get('/');
    expect((await agent.get('/')).text).toContain('your session has seen 2 visits');
  });
});

describe.each(['memory', 'sqlite'] as const)('demo server: when the %s store lets a session go', (store) => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([false, true])('should move the stored expiry on every request, and send it to the browser only with rolling: %s', async (rolling) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-01-01T10:00:00Z');
    vi.setSystemTime(start);
    const running = await createServer({ store, rolling, cookie: { maxAge: 60_000 } });
    const agent = running.agent('http');
    expect(setCookies(await agent.get('/'))[0]).toContain('Expires=Thu, 01 Jan 2026 10:01:00 GMT');
    expect((await storeOf(running)).rows).toEqual([{ expires: '2026-01-01T10:01:00.000Z', loggedIn: false }]);
    vi.setSystemTime(new Date(start.getTime() + 30_000));
    const later = setCookies(await agent.get('/'));
    expect((await storeOf(running)).rows).toEqual([{ expires: '2026-01-01T10:01:30.000Z', loggedIn: false }]);
    if (rolling) expect(later[0]).toContain('Expires=Thu, 01 Jan 2026 10:01:30 GMT');
    else expect(later).toEqual([]);
  });
});
