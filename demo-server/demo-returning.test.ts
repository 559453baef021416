/**
 * The demo as a returning browser meets it (issue: "the demo server teaches what really
 * happens"), in express-session's test style: one server per option set, a cookie jar across
 * requests, assertions on the exact Set-Cookie.
 */
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { configWith, setCookies, startDemo, type RunningDemo } from '../test/support/demo-servers.js';

let demo: RunningDemo | undefined;
afterEach(async () => {
  await demo?.close();
  demo = undefined;
});

const valueOf = (line: string | undefined) => line?.split(';')[0];

describe('demo server: a returning browser after a toggle', () => {
  it('should re-issue the session cookie with the new options, keeping the session id', async () => {
    demo = await startDemo(configWith({ resave: false }));
    const browser = demo.agent('http');
    const [first] = setCookies(await browser.get('/'));
    expect(first).toMatch(/^connect\.sid=s%3A[^;]+; Path=\/; HttpOnly$/);
    // Plain express-session sends no cookie to a returning browser: nothing changed yet.
    expect(setCookies(await browser.get('/'))).toEqual([]);

    await demo
      .agent('http')
      .put('/api/config')
      .send({ cookie: { sameSite: 'strict' } });
    const page = await browser.get('/');
    const [again] = setCookies(page);
    expect(again).toMatch(/; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(valueOf(again)).toBe(valueOf(first));
    expect(page.text).toContain('req.session.regenerate(callback)');
    expect(page.text).toContain('would keep the options your session was created with');

    // Taken on: the next page sends nothing again.
    const next = await browser.get('/');
    expect(setCookies(next)).toEqual([]);
    expect(next.text).not.toContain('id="reissued"');
  });

  it('should not re-issue a Secure cookie over plain http (express-session sends none either)', async () => {
    demo = await startDemo();
    const browser = demo.agent('http');
    await browser.get('/');
    await demo
      .agent('http')
      .put('/api/config')
      .send({ cookie: { secure: true } });
    const page = await browser.get('/');
    expect(setCookies(page)).toEqual([]);
    expect(page.text).toContain('id="secure-over-http"');
    expect(page.text).toContain(`href="https://127.0.0.1:${demo.state.httpsPort}/"`);
  });
});

describe('demo server: the session-cookie audit middleware', () => {
  it('should log one line per distinct session cookie it sends, and follow a toggle', async () => {
    const lines: string[] = [];
    const { createDemoApp } = await import('./demo-app.js');
    const demoApp = createDemoApp({ secret: 'test secret', auditLogger: (line) => lines.push(line) });
    const browser = request.agent(demoApp.app);
    await browser.get('/');
    await request(demoApp.app).get('/');
    expect(lines).toEqual([expect.stringMatching(/^session-cookie-inspector: connect\.sid grade D: secure-missing \(cap D\)/)]);
    await request(demoApp.app)
      .put('/api/config')
      .send({ cookie: { sameSite: 'lax' } });
    await browser.get('/');
    expect(lines).toHaveLength(2);
    expect(lines[1]).not.toContain('samesite-missing');
  });
});

describe('demo server: the last Set-Cookie', () => {
  it("should show each browser its own last page response, never another client's", async () => {
    demo = await startDemo();
    const alice = demo.agent('http');
    const bob = demo.agent('http');
    const [aliceLine] = setCookies(await alice.get('/'));
    const [bobLine] = setCookies(await bob.get('/profile'));
    expect((await alice.get('/api/last-set-cookie')).body).toEqual({ method: 'GET', url: '/', status: 200, lines: [aliceLine] });
    expect((await bob.get('/api/last-set-cookie')).body).toMatchObject({ url: '/profile', lines: [bobLine] });
    expect((await request(demo.http.origin).get('/api/last-set-cookie')).body).toBeNull();
  });

  it("should never record DevTools' /.well-known/ probe", async () => {
    demo = await startDemo();
    const browser = demo.agent('http');
    await browser.get('/');
    await browser.get('/.well-known/appspecific/com.chrome.devtools.json');
    expect((await browser.get('/api/last-set-cookie')).body).toMatchObject({ url: '/' });
  });
});

describe('demo server: the control page', () => {
  it('should say which preset is active', async () => {
    demo = await startDemo();
    expect((await demo.agent('http').get('/')).text).toContain('Active: <strong>defaults</strong>');
    await demo.agent('http').post('/api/presets/tutorial');
    expect((await demo.agent('http').get('/')).text).toContain('Active: <strong>tutorial</strong>');
    await demo
      .agent('http')
      .put('/api/config')
      .send({ cookie: { path: '/app' } });
    expect((await demo.agent('http').get('/')).text).toContain('Active: <strong>custom (no preset)</strong>');
  });

  it('should offer "Log out" only when logged in', async () => {
    demo = await startDemo();
    const browser = demo.agent('http');
    expect((await browser.get('/')).text).not.toContain('action="/logout"');
    await browser.post('/login').type('form').send({ username: 'demo', password: 'demo' });
    expect((await browser.get('/')).text).toContain('action="/logout"');
  });
});

describe('demo server: foreign Host and Origin', () => {
  it('should answer 421 to a Host that is not its own (DNS rebinding)', async () => {
    demo = await startDemo();
    const port = new URL(demo.http.origin).port;
    for (const host of [`rebind.attacker.test:${port}`, 'rebind.attacker.test', '127.0.0.1:1']) {
      const page = await request(demo.http.origin).get('/').set('Host', host);
      expect(page.status).toBe(421);
      expect(setCookies(page)).toEqual([]);
      const put = await request(demo.http.origin).put('/api/config').set('Host', host).send({ name: 'pwned' });
      expect(put.status).toBe(421);
      expect((await request(demo.http.origin).get('/api/last-set-cookie').set('Host', host)).status).toBe(421);
    }
    expect(demo.state.config.name).toBe('connect.sid');
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
      expect((await request(demo.http.origin).get('/').set('Host', host)).status).toBe(200);
    }
  });

  it('should serve the names a reverse proxy passes on (DEMO_ALLOWED_HOSTS), in Host and Origin, and no others', async () => {
    demo = await startDemo(undefined, ['app.test:443', 'proxy.local:8443']);
    for (const host of ['app.test', 'app.test:443', 'proxy.local:8443']) {
      expect((await request(demo.http.origin).get('/').set('Host', host)).status).toBe(200);
    }
    for (const host of ['app.test:8443', 'proxy.local', 'evil.test']) {
      expect((await request(demo.http.origin).get('/').set('Host', host)).status).toBe(421);
    }
    const viaProxy = await request(demo.http.origin)
      .post('/login')
      .set('Host', 'app.test')
      .set('Origin', 'https://app.test')
      .type('form')
      .send({ username: 'demo', password: 'demo' });
    expect(viaProxy.status).not.toBe(403);
    const foreign = await request(demo.http.origin)
      .post('/login')
      .set('Host', 'app.test')
      .set('Origin', 'https://evil.test')
      .type('form')
      .send({ username: 'demo', password: 'demo' });
    expect(foreign.status).toBe(403);
  });

  it('should refuse a login or logout posted by another site', async () => {
    demo = await startDemo();
    const browser = demo.agent('http');
    const login = await browser.post('/login').set('Origin', 'https://evil.test').type('form').send({ username: 'demo', password: 'demo' });
    expect(login.status).toBe(403);
    expect((await browser.get('/profile')).status).toBe(302);
    expect((await browser.post('/logout').set('Origin', 'https://evil.test')).status).toBe(403);
    expect((await browser.post('/login').set('Origin', demo.http.origin).type('form').send({ username: 'demo', password: 'demo' })).status).toBe(303);
  });
});

describe('demo server: configuration it cannot serve', () => {
  it.each([
    [JSON.parse('{"__proto__": {"polluted": true}}'), '__proto__'],
    [{ constructor: 'x' }, 'constructor'],
    [{ cookie: { constructor: 1 } }, 'cookie.constructor'],
    [{ cookie: { toString: 1 } }, 'cookie.toString'],
  ])('should answer 400 naming the field for %j', async (patch, field) => {
    demo = await startDemo();
    const response = await demo.agent('http').put('/api/config').send(JSON.stringify(patch)).set('Content-Type', 'application/json');
    expect(response.status).toBe(400);
    expect(response.body.error).toContain(`unknown field "${field}"`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(demo.state.config.name).toBe('connect.sid');
  });

  it.each([
    [{ name: '__proto__' }, 'name'],
    [{ name: 'constructor' }, 'name'],
    [{ cookie: { path: '/<' } }, 'cookie.path'],
    [{ cookie: { domain: '-bad.example' } }, 'cookie.domain'],
  ])('should reject %j at validation, never with a 500 on a later page', async (patch, field) => {
    demo = await startDemo();
    const response = await demo.agent('http').put('/api/config').send(patch);
    expect(response.status).toBe(400);
    expect(response.body.error).toContain(`"${field}"`);
    expect((await demo.agent('http').get('/')).status).toBe(200);
  });

  it('should not add listeners to the store however often the config changes', async () => {
    demo = await startDemo();
    const before = demo.store.listenerCount('connect') + demo.store.listenerCount('disconnect');
    for (let i = 0; i < 30; i++)
      await demo
        .agent('http')
        .put('/api/config')
        .send({ rolling: i % 2 === 0 });
    expect(demo.store.listenerCount('connect') + demo.store.listenerCount('disconnect')).toBe(before);
  });

  it('should apply a preset posted without a body, as the README curl shows', async () => {
    demo = await startDemo();
    const response = await request(demo.http.origin).post('/api/presets/hardened');
    expect(response.status).toBe(200);
    expect(demo.state.config.name).toBe('__Host-sid');
  });
});
