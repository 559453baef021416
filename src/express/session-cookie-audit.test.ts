/** The middleware in real Express 5 + express-session apps, in express-session's test style. */
import express from 'express';
import session from 'express-session';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { MEMORY_STORE_WARNING, SessionCookieAuditError, sessionCookieAudit, type SessionCookieAuditOptions } from './session-cookie-audit.js';

function createServer(audit: SessionCookieAuditOptions, cookie: session.CookieOptions = {}, name?: string, store: session.Store = new session.MemoryStore()) {
  const app = express();
  app.set('env', 'test');
  app.use(sessionCookieAudit(audit));
  app.use(session({ secret: 'keyboard-cat-test', resave: false, saveUninitialized: true, store, cookie, ...(name ? { name } : {}) }));
  app.get('/', (_req, res) => {
    res.send('ok');
  });
  app.get('/other', (_req, res) => {
    res.send('other');
  });
  return app;
}

const setCookie = (response: request.Response) => ([] as string[]).concat(response.headers['set-cookie'] ?? []);

describe('sessionCookieAudit', () => {
  it('should log one line for a weak express-session cookie: name, grade, worst findings, the fix', async () => {
    const lines: string[] = [];
    await request(createServer({ logger: (line) => lines.push(line) }))
      .get('/')
      .expect(200);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^session-cookie-inspector: connect\.sid grade D: secure-missing \(cap D\), samesite-missing \(cap B\), prefix-none and 2 more\. Fix: Set `cookie: \{ secure: true \}`/,
    );
  });

  it('should grade a hardened cookie A, taking the scheme from trust proxy', async () => {
    const lines: string[] = [];
    const app = createServer({ logger: (line) => lines.push(line) }, { secure: true, httpOnly: true, sameSite: 'strict' }, '__Host-sid');
    app.set('trust proxy', 1);
    await request(app).get('/').set('X-Forwarded-Proto', 'https').set('Host', 'app.example.test').expect(200);
    // Over https (from X-Forwarded-Proto) express-session sends the Secure cookie, and the audit
    // grades it as https: only HSTS and Cache-Control are missing, so nothing caps it.
    expect(lines).toEqual([
      "session-cookie-inspector: __Host-sid grade A: hsts-missing, cache-control-missing. Fix: Send `Strict-Transport-Security: max-age=31536000; includeSubDomains` on https responses (e.g. helmet's `hsts`).",
    ]);
  });

  it('should log once per cookie name and attribute set, never per request', async () => {
    const lines: string[] = [];
    const app = createServer({ logger: (line) => lines.push(line) }, { maxAge: 60_000 });
    for (let i = 0; i < 5; i++) await request(app).get(i % 2 ? '/' : '/other');
    expect(lines).toHaveLength(1);
  });

  it('should never log a cookie value', async () => {
    const lines: string[] = [];
    const response = await request(createServer({ logger: (line) => lines.push(line) })).get('/');
    const value = setCookie(response)[0]?.split(';')[0]?.split('=')[1] ?? '';
    expect(value.length).toBeGreaterThan(20);
    expect(lines.join('\n')).not.toContain(value);
    expect(lines.join('\n')).not.toContain(decodeURIComponent(value));
  });

  it('should not change the response', async () => {
    const audited = await request(createServer({ logger: () => undefined })).get('/');
    const plain = await request(createServer({ enabled: false })).get('/');
    expect(audited.status).toBe(plain.status);
    expect(audited.text).toBe(plain.text);
    expect(Object.keys(audited.headers).sort()).toEqual(Object.keys(plain.headers).sort());
    expect(setCookie(audited)[0]?.replace(/=[^;]+/, '=x')).toBe(setCookie(plain)[0]?.replace(/=[^;]+/, '=x'));
  });

  it('should log a publicly known secret as F, after the response', async () => {
    const lines: string[] = [];
    const app = express();
    app.use(sessionCookieAudit({ logger: (line) => lines.push(line) }));
    app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: true, store: new session.MemoryStore() }));
    app.get('/', (_req, res) => {
      res.send('ok');
    });
    await request(app).get('/').expect(200);
    await expect.poll(() => lines, { timeout: 20_000 }).toHaveLength(2);
    expect(lines[0]).toMatch(/^session-cookie-inspector: connect\.sid grade D: /);
    expect(lines[1]).toMatch(/^session-cookie-inspector: connect\.sid grade F: secret-known \(cap F\), secure-missing \(cap D\)/);
    expect(lines.join('\n')).not.toContain('keyboard cat');
  });
});

/** The weak cookie's name, `sessionid` (express-session's connect.sid is graded the same elsewhere). */
const WEAK = 'sessionid=Xk2Q9fYt3nB0aLp7ZcR1mVw8eJ4hUd12; Path=/';

/** An app whose routes answer in every way an Express app can, audited with failUnder B. */
function failingApp(errors?: unknown[]) {
  const app = express();
  app.set('env', 'test');
  app.use(sessionCookieAudit({ logger: () => undefined, failUnder: 'B', checkSecrets: false }));
  app.use(session({ secret: 'keyboard-cat-test', resave: false, saveUninitialized: true, store: new session.MemoryStore() }));
  const weak = (res: express.Response) => res.append('Set-Cookie', WEAK);
  app.get('/session', (_req, res) => {
    res.send('the page');
  });
  app.get('/at-once', (_req, res) => {
    weak(res).send('the page');
  });
  app.get('/timer', (_req, res) => {
    setTimeout(() => weak(res).send('the page'), 5);
  });
  app.get('/callback', (req, res) => {
    req.session.regenerate(() => weak(res).json({ page: 'the page' }));
  });
  app.get('/write-head', (_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': WEAK });
      res.end('<p>the page</p>');
    }, 5);
  });
  app.get('/stream', (_req, res) => {
    weak(res);
    res.write('the ');
    setTimeout(() => {
      res.write('pa');
      res.end('ge');
    }, 5);
  });
  if (errors) {
    app.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
      errors.push(error);
      if (res.headersSent) return next(error);
      res.status(500).end();
    });
  }
  return app;
}

describe('sessionCookieAudit with failUnder', () => {
  it.each(['/session', '/at-once', '/timer', '/callback', '/write-head', '/stream'])(
    'should answer %s with a complete 500 of its own: no Set-Cookie of the weak cookie, its name and grade, no value',
    async (path) => {
      const response = await request(failingApp()).get(path);
      expect(response.status).toBe(500);
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.text));
      expect(setCookie(response)).toEqual([]);
      const cookie = path === '/session' ? 'connect.sid' : 'sessionid';
      expect(response.text).toMatch(
        new RegExp(`^session-cookie-inspector held this response back\\.\\nsession cookie ${cookie.replace('.', '\\.')} grades [DF], below failUnder B: `),
      );
      expect(response.text).not.toContain('the page');
      expect(response.text).not.toContain('Xk2Q9fYt3nB0aLp7ZcR1mVw8eJ4hUd12');
      expect(response.text).not.toMatch(/s%3A/);
    },
  );

  it('should hold back every response that sets the weak cookie, not only the first', async () => {
    const app = failingApp();
    for (let i = 0; i < 3; i++) await request(app).get('/at-once').expect(500);
  });

  it('should answer a HEAD request with the 500 status and no body', async () => {
    const response = await request(failingApp()).head('/timer');
    expect(response.status).toBe(500);
    expect(setCookie(response)).toEqual([]);
  });

  it('should leave a response whose session cookie passes as it was (here over https, from the proxy)', async () => {
    const app = express();
    app.set('trust proxy', 1);
    app.use(sessionCookieAudit({ logger: () => undefined, failUnder: 'B', checkSecrets: false }));
    app.get('/', (_req, res) => {
      res.append('Set-Cookie', '__Host-strong=Xk2Q9fYt3nB0aLp7ZcR1mVw8eJ4hUd12; Path=/; Secure; HttpOnly; SameSite=Strict').send('the page');
    });
    const passing = await request(app).get('/').set('X-Forwarded-Proto', 'https');
    expect(passing.status).toBe(200);
    expect(passing.text).toBe('the page');
    expect(setCookie(passing)).toHaveLength(1);
  });

  it("should hand a SessionCookieAuditError to the app's error handler, after its own 500", async () => {
    const errors: unknown[] = [];
    const response = await request(failingApp(errors)).get('/timer');
    expect(response.status).toBe(500);
    expect(response.text).toContain('session cookie sessionid grades');
    await expect.poll(() => errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(SessionCookieAuditError);
    expect(errors[0]).toMatchObject({ cookie: 'sessionid', grade: expect.stringMatching(/^[DF]$/) });
  });

  it("should name express-session's cookie and its findings in the error", async () => {
    const errors: unknown[] = [];
    await request(failingApp(errors)).get('/session').expect(500);
    await expect.poll(() => errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe(
      'session cookie connect.sid grades D: secure-missing, samesite-missing, prefix-none, name-default, cache-control-missing',
    );
  });

  it('should answer 500 with a slow session store too', async () => {
    class SlowStore extends session.MemoryStore {
      override set(sid: string, data: session.SessionData, callback?: (error?: unknown) => void): void {
        setTimeout(() => super.set(sid, data, callback), 20);
      }
    }
    const response = await request(createServer({ logger: () => undefined, failUnder: 'B', checkSecrets: false }, {}, undefined, new SlowStore())).get('/');
    expect(response.status).toBe(500);
    expect(setCookie(response)).toEqual([]);
    expect(response.text).toContain('session cookie connect.sid grades D');
  });

  it('should fail the responses after a known secret is found', async () => {
    const lines: string[] = [];
    const app = express();
    app.set('trust proxy', 1);
    app.use(sessionCookieAudit({ logger: (line) => lines.push(line), failUnder: 'B' }));
    app.use(
      session({
        name: '__Host-sid',
        secret: 'keyboard cat',
        resave: false,
        saveUninitialized: true,
        store: new session.MemoryStore(),
        cookie: { secure: true, sameSite: 'strict' },
      }),
    );
    app.get('/', (_req, res) => {
      res.send('the page');
    });
    const https = () => request(app).get('/').set('X-Forwarded-Proto', 'https').set('Host', 'app.example.test');
    // The check runs after the response: the first one, graded A, goes out.
    expect((await https()).status).toBe(200);
    await expect.poll(() => lines.some((line) => line.includes('grade F: secret-known')), { timeout: 20_000 }).toBe(true);
    const next = await https();
    expect(next.status).toBe(500);
    expect(next.text).toContain('session cookie __Host-sid grades F, below failUnder B: secret-known');
  });
});

/** A database store's stand-in: express-session's Store API over a Map (not a MemoryStore). */
class DatabaseStore extends session.Store {
  readonly rows = new Map<string, session.SessionData>();
  override get(sid: string, callback: (error: unknown, data?: session.SessionData | null) => void): void {
    callback(null, this.rows.get(sid) ?? null);
  }
  override set(sid: string, data: session.SessionData, callback?: (error?: unknown) => void): void {
    this.rows.set(sid, data);
    callback?.();
  }
  override destroy(sid: string, callback?: (error?: unknown) => void): void {
    this.rows.delete(sid);
    callback?.();
  }
}

/** An app whose session middleware is made before NODE_ENV=production (its own warning stays quiet), the audit with it. */
function productionServer(audit: SessionCookieAuditOptions, store: session.Store) {
  const sessions = session({ secret: 'keyboard-cat-test', resave: false, saveUninitialized: true, store });
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const app = express();
    app.use(sessionCookieAudit(audit));
    app.use(sessions);
    app.get('/', (_req, res) => {
      res.send('ok');
    });
    return app;
  } finally {
    process.env.NODE_ENV = previous;
  }
}

describe('sessionCookieAudit in production (NODE_ENV=production)', () => {
  it('should warn once, naming a database store as the fix, when express-session runs on MemoryStore', async () => {
    const lines: string[] = [];
    const app = productionServer({ logger: (line) => lines.push(line) }, new session.MemoryStore());
    const responses = [await request(app).get('/'), await request(app).get('/'), await request(app).get('/')];
    expect(lines).toEqual([MEMORY_STORE_WARNING]);
    expect(lines[0]).toContain('connect-session-sequelize');
    expect(lines[0]).toContain('connect-redis');
    for (const response of responses) {
      const value = setCookie(response)[0]?.split(';')[0]?.split('=')[1] ?? '';
      expect(value).not.toBe('');
      expect(lines.join('\n')).not.toContain(decodeURIComponent(value).slice(2, 20));
    }
  });

  it('should warn for a subclass of MemoryStore too', async () => {
    const lines: string[] = [];
    class CountingMemoryStore extends session.MemoryStore {}
    await request(productionServer({ logger: (line) => lines.push(line) }, new CountingMemoryStore())).get('/');
    expect(lines).toEqual([MEMORY_STORE_WARNING]);
  });

  it('should log nothing and change nothing with a database store', async () => {
    const lines: string[] = [];
    const app = productionServer({ logger: (line) => lines.push(line), failUnder: 'A+' }, new DatabaseStore());
    const response = await request(app).get('/');
    expect(response.status).toBe(200);
    expect(response.text).toBe('ok');
    expect(setCookie(response)).toHaveLength(1);
    expect(lines).toEqual([]);
  });

  it('should grade and warn with enabled: true', async () => {
    const lines: string[] = [];
    const app = productionServer({ enabled: true, logger: (line) => lines.push(line), checkSecrets: false }, new session.MemoryStore());
    await request(app).get('/');
    await request(app).get('/');
    expect(lines.filter((line) => line === MEMORY_STORE_WARNING)).toHaveLength(1);
    expect(lines.some((line) => line.startsWith('session-cookie-inspector: connect.sid grade '))).toBe(true);
  });

  it('should be a bare pass-through with enabled: false: no warning either', async () => {
    const lines: string[] = [];
    const app = productionServer({ enabled: false, logger: (line) => lines.push(line) }, new session.MemoryStore());
    await request(app).get('/').expect(200);
    await request(app).get('/').expect(200);
    expect(lines).toEqual([]);
  });

  it('should not warn outside production', async () => {
    const lines: string[] = [];
    const app = createServer({ logger: (line) => lines.push(line), checkSecrets: false });
    await request(app).get('/');
    expect(lines).not.toContain(MEMORY_STORE_WARNING);
  });
});
