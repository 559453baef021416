import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../test/support/demo-servers.js';
import { DEFAULT_CONFIG, PRESETS } from './demo-config.js';

let demo: RunningDemo;
beforeEach(async () => {
  demo = await startDemo();
});
afterEach(async () => {
  await demo.close();
});

const api = () => demo.agent('http');

describe('GET and PUT /api/config', () => {
  it('returns the configuration', async () => {
    expect((await api().get('/api/config')).body).toEqual(DEFAULT_CONFIG);
  });

  it('applies a partial update and keeps the rest', async () => {
    const response = await api()
      .put('/api/config')
      .send({ cookie: { sameSite: 'lax' }, app: { hsts: true } });
    expect(response.status).toBe(200);
    expect(response.body.cookie).toEqual({ ...DEFAULT_CONFIG.cookie, sameSite: 'lax' });
    expect(response.body.app).toEqual({ ...DEFAULT_CONFIG.app, hsts: true });
    expect(demo.state.config.cookie.sameSite).toBe('lax');
  });

  it('applies the change to the next request, without a restart', async () => {
    await api().put('/api/config').send({ name: 'app.sid' });
    const setCookie = (await api().get('/')).headers['set-cookie'] as unknown as string[];
    expect(setCookie[0]).toMatch(/^app\.sid=/);
  });
});

describe('bad input: 400 naming the field and the allowed values, and nothing changes', () => {
  it.each([
    [{ cookie: { sameSite: 'sometimes' } }, '"cookie.sameSite" must be null, "lax", "strict", "none", true or false; got "sometimes"'],
    [{ cookie: { secure: 'yes' } }, '"cookie.secure" must be true, false or "auto"; got "yes"'],
    [{ cookie: { maxAge: -1 } }, '"cookie.maxAge" must be null or a whole number of milliseconds from 0 to 315360000000; got -1'],
    [{ cookie: { maxAge: 1.5 } }, '"cookie.maxAge" must be null or a whole number'],
    [{ cookie: { maxAge: 1e15 } }, '"cookie.maxAge" must be null or a whole number'],
    [{ cookie: { path: 'app' } }, '"cookie.path" must be a path starting with "/"'],
    [{ cookie: { domain: 'evil.com; x' } }, '"cookie.domain" must be null or a host name'],
    [{ name: 'bad name' }, '"name" must be a cookie name'],
    [{ name: '' }, '"name" must be a cookie name'],
    [{ rolling: 'true' }, '"rolling" must be true or false; got "true"'],
    [{ app: { hsts: 1 } }, '"app.hsts" must be true or false; got 1'],
    [{ cookie: { colour: 'red' } }, 'unknown field "cookie.colour"; known fields: store, name, secret, cookie.secure,'],
    [
      { store: 'postgres' },
      '"store" must be "memory" (express-session\'s MemoryStore), "sqlite" (a SQLite file through Sequelize and connect-session-sequelize) or "redis" (the Redis server at REDIS_URL, through connect-redis); got "postgres"',
    ],
    [{ app: { logout: 'sometimes' } }, '"app.logout" must be "destroy", "forget-user" or "clear-cookie"; got "sometimes"'],
    [{ app: { adoptClientIds: 'yes' } }, '"app.adoptClientIds" must be true or false; got "yes"'],
    [{ app: { countVisits: null } }, '"app.countVisits" must be true or false; got null'],
    [{ cookie: true }, '"cookie" must be an object'],
    [[1, 2], 'the body must be a JSON object'],
  ])('%j', async (body, message) => {
    const response = await api()
      .put('/api/config')
      .send(body as object);
    expect(response.status).toBe(400);
    expect(response.body.error).toContain(message);
    expect(demo.state.config).toEqual(DEFAULT_CONFIG);
  });

  it('rejects the whole update when one field of several is bad', async () => {
    const response = await api()
      .put('/api/config')
      .send({ rolling: true, cookie: { httpOnly: 'no' } });
    expect(response.status).toBe(400);
    expect(demo.state.config.rolling).toBe(DEFAULT_CONFIG.rolling);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await api().put('/api/config').set('Content-Type', 'application/json').send('{"rolling": tru');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'the body is not valid JSON' });
  });

  it('answers an unknown preset with 404 and lists the presets', async () => {
    const response = await api().post('/api/presets/paranoid').set('Content-Type', 'application/json');
    expect(response.status).toBe(404);
    expect(response.body.error).toBe('unknown preset "paranoid"; presets: defaults, tutorial, insecure, hardened, clear-cookie-logout, fixation-vulnerable');
  });
});

describe('cross-site protection of state-changing calls', () => {
  it('refuses another origin with 403 and changes nothing', async () => {
    const response = await api()
      .put('/api/config')
      .set('Origin', 'https://evil.example')
      .send({ cookie: { httpOnly: false } });
    expect(response.status).toBe(403);
    expect(demo.state.config.cookie.httpOnly).toBe(true);
  });

  it('refuses a preset from another origin', async () => {
    const response = await api().post('/api/presets/insecure').set('Origin', 'http://localhost:1').set('Content-Type', 'application/json');
    expect(response.status).toBe(403);
    expect(demo.state.config).toEqual(DEFAULT_CONFIG);
  });

  it('accepts its own origin', async () => {
    const response = await api().put('/api/config').set('Origin', demo.http.origin).send({ rolling: true });
    expect(response.status).toBe(200);
  });

  it('refuses a form post (no JSON content type) with 415, as a cross-site form would send', async () => {
    const response = await api().put('/api/config').type('form').send('rolling=true');
    expect(response.status).toBe(415);
    expect(demo.state.config.rolling).toBe(false);
  });

  it("applies a preset posted as curl does it: JSON's Content-Type, no body and no Content-Length", async () => {
    const { port, hostname } = new URL(demo.http.origin);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        socket.end(`POST /api/presets/hardened HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n`);
      });
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('latin1')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(demo.state.config).toEqual(PRESETS.hardened);
  });

  it('applies a preset sent as JSON', async () => {
    const response = await api().post('/api/presets/hardened').set('Content-Type', 'application/json');
    expect(response.status).toBe(200);
    expect(demo.state.config).toEqual(PRESETS.hardened);
  });
});
