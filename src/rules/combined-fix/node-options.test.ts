import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';
import cookieSession from 'cookie-session';
import express from 'express';
import session from 'express-session';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import Koa from 'koa';
import koaSession from 'koa-session';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { findingsOfResponse, headerList } from '../../../test/support/graded-response.js';
import { combinedFix } from './combined-fix.js';

/** Every cookie finding the Node blocks fix, as a cookie with them all would have. */
const FIXED = [
  'secure-missing',
  'httponly-missing',
  'samesite-missing',
  'prefix-none',
  'name-default',
  'path-missing',
  'domain-parent',
  'lifetime-week',
  'cache-control-missing',
  'hsts-missing',
];
const SECRET = 'a'.repeat(40);

function expressBlock(findings: readonly string[]) {
  return combinedFix('express-session', findings, 'connect.sid').code;
}

describe('your express-session options, fixed', () => {
  it('is one session({ ... }) block with every cookie fix, the secret from the environment', () => {
    const block = expressBlock(['secure-missing', 'samesite-missing', 'prefix-none', 'name-default', 'cache-control-missing']);
    expect(block).toContain("app.set('trust proxy', 1);");
    expect(block).toContain("res.set('Cache-Control', 'no-store')");
    expect(block).toContain('secret: process.env.SESSION_SECRET');
    expect(block).toMatch(/cookie: \{\n {4}secure: true,\n {4}httpOnly: true,\n {4}sameSite: 'strict',\n {4}path: '\/'/);
    expect(block).not.toMatch(/httpOnly: false|secure: false/);
    expect(block.match(/app\.use\(session\(/g)).toHaveLength(1);
  });

  it('adds only what the findings ask for, and keeps a __Host- name that needs no fix', () => {
    const block = expressBlock(['httponly-missing']);
    expect(block).not.toContain('trust proxy');
    expect(block).not.toContain('Cache-Control');
    expect(block).not.toContain('maxAge');
    expect(expressBlock(['lifetime-week'])).toContain('maxAge: 60 * 60 * 1000');
    expect(expressBlock(['no-rotation-on-login'])).toContain('req.session.regenerate');
    expect(combinedFix('express-session', ['httponly-missing'], '__Host-app').code).toContain("name: '__Host-app'");
    expect(combinedFix('express-session', ['prefix-none'], 'app.sid').code).toContain("name: '__Host-sid'");
  });

  it('clears the cookie by the name it gives it', () => {
    expect(expressBlock(['logout-not-cleared'])).toContain("res.clearCookie('__Host-sid', { path: '/' })");
  });

  it('is valid JavaScript as pasted into an Express app', () => {
    const block = expressBlock(['secure-missing', 'cache-control-missing', 'hsts-missing', 'lifetime-day', 'logout-not-cleared']);
    const calls: unknown[] = [];
    const app = { set: (...args: unknown[]) => calls.push(['set', ...args]), use: (handler: unknown) => calls.push(['use', handler]) };
    const fakeSession = (options: Record<string, unknown>) => options;
    new Function('app', 'session', 'process', block)(app, fakeSession, { env: { SESSION_SECRET: 'x'.repeat(32) } });
    const options = (calls.find((call) => (call as unknown[])[0] === 'use' && typeof (call as unknown[])[1] === 'object') as unknown[])[1] as Record<
      string,
      unknown
    >;
    expect(options).toMatchObject({
      name: '__Host-sid',
      secret: 'x'.repeat(32),
      cookie: { secure: true, httpOnly: true, sameSite: 'strict', path: '/', maxAge: 3_600_000 },
    });
  });
});

/**
 * Each block pasted into an app of the real package, behind a TLS-terminating proxy as its
 * proxy line says: the cookie it sends grades with none of the findings it fixes.
 */
describe('the Node blocks in the real packages', () => {
  it('express-session', async () => {
    const app = express();
    new Function('app', 'session', 'process', expressBlock(FIXED))(app, session, { env: { SESSION_SECRET: SECRET } });
    app.get('/', (req, res) => {
      (req.session as unknown as { visits: number }).visits = 1;
      res.send('ok');
    });
    const response = await request(app).get('/').set('X-Forwarded-Proto', 'https');
    const findings = findingsOfResponse(headerList(response.headers), '__Host-sid');
    for (const id of FIXED) expect(findings).not.toContain(id);
  });

  it('cookie-session', async () => {
    const app = express();
    const block = combinedFix('cookie-session', FIXED, 'session').code;
    new Function('app', 'cookieSession', 'process', block)(app, cookieSession, { env: { SESSION_KEY: SECRET } });
    app.get('/', (req, res) => {
      (req.session as { visits: number }).visits = 1;
      res.send('ok');
    });
    const response = await request(app).get('/').set('X-Forwarded-Proto', 'https');
    const findings = findingsOfResponse(headerList(response.headers), '__Host-session');
    for (const id of FIXED) expect(findings).not.toContain(id);
    expect(findingsOfResponse(headerList(response.headers), '__Host-session.sig')).not.toContain('secure-missing');
  });

  it('koa-session', async () => {
    const app = new Koa();
    const block = combinedFix('koa-session', FIXED, 'koa.sess').code;
    new Function('app', 'session', 'process', block)(app, koaSession, { env: { SESSION_KEY: SECRET } });
    app.use((ctx) => {
      (ctx.session as unknown as { visits: number }).visits = 1;
      ctx.body = 'ok';
    });
    const response = await request(app.callback()).get('/').set('X-Forwarded-Proto', 'https');
    const findings = findingsOfResponse(headerList(response.headers), '__Host-koa.sess');
    for (const id of FIXED) expect(findings).not.toContain(id);
  });

  it('@fastify/session', async () => {
    const block = `${combinedFix('@fastify/session', FIXED, 'sessionId').code}\nreturn fastify;`;
    expect(block).toContain('Fastify({ trustProxy: true })');
    const fastify = new Function('Fastify', 'fastifyCookie', 'fastifySession', 'process', block)(Fastify, fastifyCookie, fastifySession, {
      env: { SESSION_SECRET: SECRET },
    }) as FastifyInstance;
    fastify.get('/', async (req: FastifyRequest) => {
      (req.session as unknown as { set(key: string, value: unknown): void }).set('visits', 1);
      return 'ok';
    });
    const response = await fastify.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
    await fastify.close();
    const findings = findingsOfResponse(headerList(response.headers), '__Host-sid');
    for (const id of FIXED) expect(findings).not.toContain(id);
  });
});
