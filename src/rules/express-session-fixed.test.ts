import express from 'express';
import session from 'express-session';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { parseSetCookie } from '../core/parse-set-cookie.js';
import { responseContext } from '../core/response-context.js';
import { detectSessionCookie } from '../detect/detect-session-cookie.js';
import { gradeSetCookie } from '../grade/grade-set-cookie.js';
import { expressSessionOptionsFixed } from './express-session-fixed.js';

describe('your express-session options, fixed', () => {
  it('is one session({ ... }) block with every cookie fix, the secret from the environment', () => {
    const block = expressSessionOptionsFixed(['secure-missing', 'samesite-missing', 'prefix-none', 'name-default', 'cache-control-missing']);
    expect(block).toContain("app.set('trust proxy', 1);");
    expect(block).toContain("res.set('Cache-Control', 'no-store')");
    expect(block).toContain('secret: process.env.SESSION_SECRET');
    expect(block).toMatch(/cookie: \{\n {4}secure: true,\n {4}httpOnly: true,\n {4}sameSite: 'strict',\n {4}path: '\/'/);
    expect(block).not.toMatch(/httpOnly: false|secure: false/);
    expect(block.match(/app\.use\(session\(/g)).toHaveLength(1);
  });

  it('adds only what the findings ask for', () => {
    const block = expressSessionOptionsFixed(['httponly-missing']);
    expect(block).not.toContain('trust proxy');
    expect(block).not.toContain('Cache-Control');
    expect(block).not.toContain('maxAge');
    expect(expressSessionOptionsFixed(['lifetime-week'])).toContain('maxAge: 60 * 60 * 1000');
    expect(expressSessionOptionsFixed(['no-rotation-on-login'])).toContain('req.session.regenerate');
  });

  it('is valid JavaScript as pasted into an Express app', () => {
    const block = expressSessionOptionsFixed(['secure-missing', 'cache-control-missing', 'hsts-missing', 'lifetime-day', 'logout-not-cleared']);
    const calls: unknown[] = [];
    const app = { set: (...args: unknown[]) => calls.push(['set', ...args]), use: (handler: unknown) => calls.push(['use', handler]) };
    const session = (options: Record<string, unknown>) => options;
    new Function('app', 'session', 'process', block)(app, session, { env: { SESSION_SECRET: 'x'.repeat(32) } });
    const options = (calls.find((call) => (call as unknown[])[0] === 'use' && typeof (call as unknown[])[1] === 'object') as unknown[])[1] as Record<string, unknown>;
    expect(options).toMatchObject({ name: '__Host-sid', secret: 'x'.repeat(32), cookie: { secure: true, httpOnly: true, sameSite: 'strict', path: '/', maxAge: 3_600_000 } });
  });

  it('makes real express-session send a cookie that grades with none of the fixed findings', async () => {
    const fixed = ['secure-missing', 'samesite-missing', 'prefix-none', 'name-default', 'cache-control-missing'];
    const app = express();
    new Function('app', 'session', 'process', expressSessionOptionsFixed(fixed))(app, session, { env: { SESSION_SECRET: 'a'.repeat(40) } });
    app.get('/', (req, res) => {
      (req.session as unknown as { visits: number }).visits = 1;
      res.send('ok');
    });
    // Behind a TLS-terminating proxy, as the block's trust proxy line says.
    const response = await request(app).get('/').set('X-Forwarded-Proto', 'https');
    const line = (response.headers['set-cookie'] as unknown as string[] | undefined)?.[0] ?? '';
    expect(line).toMatch(/^__Host-sid=/);
    const cookie = parseSetCookie(line);
    const context = responseContext({
      url: 'https://app.example.com/',
      method: 'GET',
      requestHeaders: [],
      requestBodyParamNames: null,
      status: 200,
      responseHeaders: Object.entries(response.headers).flatMap(([name, value]) => (Array.isArray(value) ? value : [String(value)]).map((text) => ({ name, value: text }))),
      time: Date.now(),
    });
    const findings = gradeSetCookie(cookie, context, detectSessionCookie(cookie.name, cookie.value)).findings.map((finding) => finding.id);
    for (const id of fixed) expect(findings).not.toContain(id);
  });
});
