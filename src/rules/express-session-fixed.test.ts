import { describe, expect, it } from 'vitest';
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
});
