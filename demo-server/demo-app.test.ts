import { afterEach, describe, expect, it } from 'vitest';
import { configWith, setCookies, startDemo, TEST_SECRET, type RunningDemo } from '../test/support/demo-servers.js';
import { signedCookieValue } from './demo-app.js';

/** express-session's signed value, URL-encoded: `s%3A<id>.<signature>`. */
const VALUE = 's%3A[A-Za-z0-9_-]+\\.[A-Za-z0-9%]+';

let demo: RunningDemo | undefined;
afterEach(async () => {
  await demo?.close();
  demo = undefined;
});

async function firstSetCookie(patch: object, scheme: 'http' | 'https', path = '/', headers: Record<string, string> = {}) {
  demo = await startDemo(configWith(patch));
  const response = await demo.agent(scheme).get(path).set(headers);
  return setCookies(response);
}

describe('demo server: express-session defaults', () => {
  it('should set connect.sid with Path=/ and HttpOnly only', async () => {
    const [line, ...rest] = await firstSetCookie({}, 'http');
    expect(line).toMatch(new RegExp(`^connect\\.sid=${VALUE}; Path=/; HttpOnly$`));
    expect(rest).toEqual([]);
  });
});

describe('demo server: cookie.secure', () => {
  it('should send no Set-Cookie at all with secure: true over http (express-session is silent about it)', async () => {
    expect(await firstSetCookie({ cookie: { secure: true } }, 'http')).toEqual([]);
  });

  it('should set cookie with attribute Secure with secure: true over https', async () => {
    expect((await firstSetCookie({ cookie: { secure: true } }, 'https'))[0]).toMatch(/; Path=\/; HttpOnly; Secure$/);
  });

  it("should follow the request's scheme with secure: 'auto'", async () => {
    expect((await firstSetCookie({ cookie: { secure: 'auto' } }, 'http'))[0]).toMatch(/; Path=\/; HttpOnly$/);
    await demo?.close();
    expect((await firstSetCookie({ cookie: { secure: 'auto' } }, 'https'))[0]).toMatch(/; HttpOnly; Secure$/);
  });

  it('should set cookie with attribute Secure behind a TLS proxy with trust proxy and X-Forwarded-Proto: https', async () => {
    const lines = await firstSetCookie({ trustProxy: true, cookie: { secure: true } }, 'http', '/', { 'X-Forwarded-Proto': 'https' });
    expect(lines[0]).toMatch(/; HttpOnly; Secure$/);
  });

  it('should send no cookie behind a proxy without trust proxy, even with X-Forwarded-Proto: https', async () => {
    expect(await firstSetCookie({ cookie: { secure: true } }, 'http', '/', { 'X-Forwarded-Proto': 'https' })).toEqual([]);
  });

  it('should trust X-Forwarded-Proto with the proxy option alone', async () => {
    const lines = await firstSetCookie({ proxy: true, cookie: { secure: true } }, 'http', '/', { 'X-Forwarded-Proto': 'https' });
    expect(lines[0]).toMatch(/; Secure$/);
  });
});

describe('demo server: the other cookie options', () => {
  it('should omit HttpOnly with httpOnly: false', async () => {
    expect((await firstSetCookie({ cookie: { httpOnly: false } }, 'http'))[0]).toMatch(new RegExp(`^connect\\.sid=${VALUE}; Path=/$`));
  });

  it.each([
    ['lax', 'SameSite=Lax'],
    ['strict', 'SameSite=Strict'],
    ['none', 'SameSite=None'],
    [true, 'SameSite=Strict'],
  ])('should set SameSite for sameSite: %j', async (sameSite, attribute) => {
    expect((await firstSetCookie({ cookie: { sameSite } }, 'http'))[0]).toMatch(new RegExp(`; HttpOnly; ${attribute}$`));
  });

  it.each([null, false])('should set no SameSite for sameSite: %j', async (sameSite) => {
    expect((await firstSetCookie({ cookie: { sameSite } }, 'http'))[0]).not.toMatch(/SameSite/i);
  });

  it('should emit maxAge as Expires only, never Max-Age', async () => {
    const [line] = await firstSetCookie({ cookie: { maxAge: 3_600_000 } }, 'http');
    expect(line).toMatch(/; Path=\/; Expires=\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT; HttpOnly$/);
    expect(line).not.toMatch(/Max-Age/i);
  });

  it('should set Domain', async () => {
    expect((await firstSetCookie({ cookie: { domain: 'localhost' } }, 'http'))[0]).toMatch(/; Domain=localhost; Path=\/; HttpOnly$/);
  });

  it('should set Path, and only for requests under it', async () => {
    expect(await firstSetCookie({ cookie: { path: '/app' } }, 'http', '/')).toEqual([]);
    await demo?.close();
    expect((await firstSetCookie({ cookie: { path: '/app' } }, 'http', '/app/page'))[0]).toMatch(/; Path=\/app; HttpOnly$/);
  });

  it('should set Partitioned', async () => {
    expect((await firstSetCookie({ cookie: { partitioned: true, secure: true } }, 'https'))[0]).toMatch(/; Secure; Partitioned$/);
  });

  it('should set Priority', async () => {
    expect((await firstSetCookie({ cookie: { priority: 'high' } }, 'http'))[0]).toMatch(/; Path=\/; HttpOnly; Priority=High$/);
  });

  it('should use the configured name', async () => {
    expect((await firstSetCookie({ name: '__Host-sid' }, 'http'))[0]).toMatch(new RegExp(`^__Host-sid=${VALUE}; Path=/; HttpOnly$`));
  });
});

describe('demo server: session options', () => {
  async function secondVisit(patch: object) {
    demo = await startDemo(configWith(patch));
    const agent = demo.agent('http');
    const first = setCookies(await agent.get('/'));
    const second = setCookies(await agent.get('/'));
    return { first, second };
  }

  it('should set the cookie again on every response with rolling: true', async () => {
    const { first, second } = await secondVisit({ rolling: true });
    expect(second).toHaveLength(1);
    expect(second[0]?.split(';')[0]).toBe(first[0]?.split(';')[0]);
  });

  it('should not set the cookie again with rolling: false', async () => {
    expect((await secondVisit({ rolling: false })).second).toEqual([]);
  });

  it('should set a cookie for an untouched session only with saveUninitialized: true', async () => {
    demo = await startDemo(configWith({ saveUninitialized: true }));
    expect(setCookies(await demo.agent('http').post('/logout'))).toHaveLength(1);
    await demo.close();
    demo = await startDemo(configWith({ saveUninitialized: false }));
    expect(setCookies(await demo.agent('http').post('/logout'))).toEqual([]);
  });

  it('should write an unchanged session back to the store only with resave: true', async () => {
    for (const resave of [true, false]) {
      demo = await startDemo(configWith({ resave, saveUninitialized: true }));
      const agent = demo.agent('http');
      await agent.post('/logout');
      let writes = 0;
      const set = demo.store.set.bind(demo.store);
      demo.store.set = (id, data, callback) => {
        writes++;
        set(id, data, callback);
      };
      await agent.post('/logout');
      expect(writes).toBe(resave ? 1 : 0);
      await demo.close();
      demo = undefined;
    }
  });

  it('should keep sessions when the configuration changes', async () => {
    demo = await startDemo(configWith({ app: { countVisits: true } }));
    const agent = demo.agent('http');
    await agent.get('/');
    await agent.put('/api/config').send({ cookie: { sameSite: 'lax' } });
    const page = await agent.get('/');
    expect(page.text).toContain('your session has seen 2 visits');
  });
});

describe('demo server: app behaviours', () => {
  async function logIn(patch: object) {
    demo = await startDemo(configWith(patch));
    const agent = demo.agent('http');
    const before = setCookies(await agent.get('/'))[0]?.split(';')[0];
    const login = await agent.post('/login').type('form').send({ username: 'demo', password: 'demo' });
    return { agent, before, login };
  }

  it('should issue a new session id at login with regenerateOnLogin', async () => {
    const { before, login } = await logIn({ app: { regenerateOnLogin: true } });
    expect(login.status).toBe(303);
    const after = setCookies(login)[0]?.split(';')[0];
    expect(after).toMatch(/^connect\.sid=s%3A/);
    expect(after).not.toBe(before);
  });

  it('should keep the same session id at login without regenerateOnLogin', async () => {
    const { agent, login } = await logIn({ app: { regenerateOnLogin: false } });
    expect(setCookies(login)).toEqual([]);
    expect((await agent.get('/profile')).text).toContain('Logged in as <strong>demo</strong>');
  });

  it('should refuse a wrong password with 401', async () => {
    demo = await startDemo();
    const response = await demo.agent('http').post('/login').type('form').send({ username: 'demo', password: 'nope' });
    expect(response.status).toBe(401);
  });

  it('should destroy the session and clear the cookie at logout with destroyOnLogout', async () => {
    const { agent } = await logIn({ app: { destroyOnLogout: true } });
    const logout = await agent.post('/logout');
    expect(setCookies(logout)).toEqual(['connect.sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly']);
    expect((await agent.get('/profile')).status).toBe(302);
  });

  it('should only forget the user at logout without destroyOnLogout', async () => {
    const { agent } = await logIn({ app: { destroyOnLogout: false } });
    expect(setCookies(await agent.post('/logout'))).toEqual([]);
  });

  it('should send HSTS on https only, with hsts', async () => {
    demo = await startDemo(configWith({ app: { hsts: true } }));
    expect((await demo.agent('https').get('/')).headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect((await demo.agent('http').get('/')).headers['strict-transport-security']).toBeUndefined();
  });

  it('should send Cache-Control: no-store with noStore', async () => {
    demo = await startDemo(configWith({ app: { noStore: true } }));
    expect((await demo.agent('http').get('/')).headers['cache-control']).toBe('no-store');
  });

  it('should put the cookie value in links with idInLinks', async () => {
    demo = await startDemo(configWith({ app: { idInLinks: true } }));
    const agent = demo.agent('http');
    const value = setCookies(await agent.get('/'))[0]
      ?.split(';')[0]
      ?.split('=')[1];
    const page = await agent.get('/');
    expect(page.text).toContain(`href="/profile?sid=${value}"`);
    expect(value).toBe(
      signedCookieValue(
        decodeURIComponent(value ?? '')
          .slice(2)
          .split('.')[0] ?? '',
        TEST_SECRET,
      ),
    );
  });

  it('should put no session id in links without idInLinks', async () => {
    demo = await startDemo();
    expect((await demo.agent('http').get('/')).text).not.toContain('?sid=');
  });
});

describe('demo server: the control page', () => {
  it('shows the options as code and escapes what it prints', async () => {
    demo = await startDemo(configWith({ cookie: { domain: 'localhost' } }));
    const page = await demo.agent('http').get('/');
    expect(page.text).toContain('app.use(session({\n  name: &#39;connect.sid&#39;,');
    expect(page.text).toContain('domain: &#39;localhost&#39;,');
    expect(page.text).toContain('MemoryStore');
  });

  it('reports the Set-Cookie of the last page response', async () => {
    demo = await startDemo();
    const agent = demo.agent('http');
    const line = setCookies(await agent.get('/'))[0];
    expect((await agent.get('/api/last-set-cookie')).body).toEqual({ method: 'GET', url: '/', status: 200, lines: [line] });
  });
});

describe('demo server: logging out', () => {
  it('takes POST only: a GET /logout answers 405 and does not log out', async () => {
    demo = await startDemo(configWith({ app: { destroyOnLogout: true } }));
    const agent = demo.agent('http');
    await agent.get('/');
    await agent.post('/login').type('form').send({ username: 'demo', password: 'demo' });
    const response = await agent.get('/logout');
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
    expect(setCookies(response)).toEqual([]);
    expect((await agent.get('/profile')).status).toBe(200);
  });
});

describe('demo server: pages outside cookie.path', () => {
  it('should explain, not fail, when express-session gives a page no session (cookie.path /x)', async () => {
    demo = await startDemo(configWith({ cookie: { path: '/x' } }));
    for (const path of ['/login', '/profile']) {
      const response = await demo.agent('http').get(path);
      expect(response.status, path).toBe(409);
      expect(response.text, path).toContain('No session on this path');
      expect(response.text, path).toContain('<code>/x</code>');
    }
    expect((await demo.agent('http').get('/')).status).toBe(200);
  });
});
