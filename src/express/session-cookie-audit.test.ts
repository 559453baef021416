/** The middleware in real Express 5 + express-session apps, in express-session's test style. */
import express from 'express';
import session from 'express-session';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { SessionCookieAuditError, sessionCookieAudit, type SessionCookieAuditOptions } from './session-cookie-audit.js';

function createServer(audit: SessionCookieAuditOptions, cookie: session.CookieOptions = {}, name?: string) {
  const app = express();
  app.set('env', 'test');
  app.use(sessionCookieAudit(audit));
  app.use(session({ secret: 'keyboard-cat-test', resave: false, saveUninitialized: true, cookie, ...(name ? { name } : {}) }));
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
    await request(createServer({ logger: (line) => lines.push(line) })).get('/').expect(200);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^session-cookie-inspector: connect\.sid grade D: secure-missing \(cap D\), samesite-missing \(cap B\), prefix-none and 2 more\. Fix: Set `cookie: \{ secure: true \}`/);
  });

  it('should grade a hardened cookie A, taking the scheme from trust proxy', async () => {
    const lines: string[] = [];
    const app = createServer({ logger: (line) => lines.push(line) }, { secure: true, httpOnly: true, sameSite: 'strict' }, '__Host-sid');
    app.set('trust proxy', 1);
    await request(app).get('/').set('X-Forwarded-Proto', 'https').set('Host', 'app.example.test').expect(200);
    // Over https (from X-Forwarded-Proto) express-session sends the Secure cookie, and the audit
    // grades it as https: only HSTS and Cache-Control are missing, so nothing caps it.
    expect(lines).toEqual([
      'session-cookie-inspector: __Host-sid grade A: hsts-missing, cache-control-missing. Fix: Send `Strict-Transport-Security: max-age=31536000; includeSubDomains` on https responses (e.g. helmet\'s `hsts`).',
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

  it('should throw with failUnder, naming the cookie and its findings', async () => {
    const errors: unknown[] = [];
    const app = createServer({ logger: () => undefined, failUnder: 'B' });
    app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      errors.push(error);
      res.status(500).end();
    });
    await request(app).get('/').expect(500);
    expect(errors[0]).toBeInstanceOf(SessionCookieAuditError);
    expect((errors[0] as Error).message).toBe('session cookie connect.sid grades D: secure-missing, samesite-missing, prefix-none, name-default, cache-control-missing');
  });

  it('should log nothing and change nothing in production', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      const lines: string[] = [];
      const middleware = sessionCookieAudit({ logger: (line) => lines.push(line), failUnder: 'A+' });
      const app = express();
      app.use(middleware);
      app.use(session({ secret: 'keyboard-cat-test', resave: false, saveUninitialized: true }));
      app.get('/', (_req, res) => {
        res.send('ok');
      });
      await request(app).get('/').expect(200);
      expect(lines).toEqual([]);
      expect(middleware.length).toBe(3);
      expect(middleware.toString()).not.toContain('onHeaders');
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
