import { describe, expect, it } from 'vitest';
import { detectSessionCookie } from './detect-session-cookie.js';

describe('detectSessionCookie: rule 1, known value formats', () => {
  it('recognises an express-session signed value under any name', () => {
    expect(detectSessionCookie('app', 's%3AabcDEF123.sigSIG')).toEqual({
      isSession: true,
      framework: 'express-session',
      reason: 'value-format',
      clientSide: false,
    });
    expect(detectSessionCookie('app', 's:abc.sig').framework).toBe('express-session');
  });

  it('does not take a plain "s:" value without a signature for express-session', () => {
    expect(detectSessionCookie('app', 's%3Aabc').isSession).toBe(false);
  });

  it('recognises a cookie with a <name>.sig companion as cookie-session', () => {
    const detection = detectSessionCookie('app', 'eyJ4IjoxfQ==', { siblingNames: new Set(['app.sig']) });
    expect(detection).toEqual({ isSession: true, framework: 'cookie-session', reason: 'value-format', clientSide: true });
  });

  it('recognises koa.sess with its companion as koa-session', () => {
    expect(detectSessionCookie('koa.sess', 'x', { siblingNames: new Set(['koa.sess.sig']) }).framework).toBe('koa-session');
  });
});

describe('detectSessionCookie: rule 2, framework default names', () => {
  it.each([
    ['connect.sid', 'express-session'],
    ['PHPSESSID', 'php'],
    ['JSESSIONID', 'java-servlet'],
    ['ASP.NET_SessionId', 'asp.net'],
    ['ASPSESSIONIDQQGGGNCG', 'classic-asp'],
    ['.AspNetCore.Session', 'asp.net-core'],
    ['CFID', 'coldfusion'],
    ['CFTOKEN', 'coldfusion'],
    ['sessionid', 'django'],
    ['session', 'flask'],
    ['session.sig', 'cookie-session'],
    ['koa.sess', 'koa-session'],
    ['SESSION', 'spring-session'],
    ['_myapp_session', 'rails'],
    ['laravel_session', 'laravel'],
    ['shop_session', 'laravel'],
    ['ci_session', 'codeigniter'],
    ['next-auth.session-token', 'next-auth'],
    ['__Secure-next-auth.session-token', 'next-auth'],
    ['authjs.session-token', 'authjs'],
    ['sid', 'unknown'],
    ['sessid', 'unknown'],
    ['zenid', 'unknown'],
    ['siteserver', 'unknown'],
  ])('%s is %s', (name, framework) => {
    expect(detectSessionCookie(name, 'v')).toEqual({ isSession: true, framework, reason: 'framework-name', clientSide: false });
  });

  it('lets the exact-case name win where two frameworks share it', () => {
    expect(detectSessionCookie('SESSION', 'v').framework).toBe('spring-session');
    expect(detectSessionCookie('session', 'v').framework).toBe('flask');
  });

  it('matches framework names case-sensitively (rubric 2): a case-insensitive match is a name pattern of framework unknown', () => {
    expect(detectSessionCookie('Session', 'v')).toEqual({ isSession: true, framework: 'unknown', reason: 'name-pattern', clientSide: false });
    expect(detectSessionCookie('phpsessid', 'v')).toEqual({ isSession: true, framework: 'unknown', reason: 'name-pattern', clientSide: false });
    expect(detectSessionCookie('sessionId', 'v')).toEqual({ isSession: true, framework: '@fastify/session', reason: 'framework-name', clientSide: false });
    expect(detectSessionCookie('sessionid', 'v')).toEqual({ isSession: true, framework: 'django', reason: 'framework-name', clientSide: false });
    expect(detectSessionCookie('SESSION', 'v').framework).toBe('spring-session');
  });

  it('never takes load-balancer, CSRF, Cloudflare or analytics cookies for sessions (rubric 2.1)', () => {
    for (const name of ['AWSALBTG', 'AWSALBTGCORS', 'XSRF-TOKEN', '_csrf', 'csrf_token', '__cf_bm', '_cfuvid', '_ga_ABC123', '_gcl_au', '_hjSessionUser_1', '_hjSession_1']) {
      expect(detectSessionCookie(name, 'v'), name).toMatchObject({ isSession: false, reason: 'never-session' });
    }
  });

  it('tells Rails from Laravel by the leading underscore, prefixes included', () => {
    expect(detectSessionCookie('_shop_session', 'v').framework).toBe('rails');
    expect(detectSessionCookie('__Host-_shop_session', 'v').framework).toBe('rails');
    expect(detectSessionCookie('shop_session', 'v').framework).toBe('laravel');
    expect(detectSessionCookie('__Host-app_session', 'v').framework).toBe('laravel');
    expect(detectSessionCookie('Shop_Session', 'v')).toMatchObject({ framework: 'unknown', reason: 'name-pattern' });
  });

  it('reports Rails for a name that fits both the Rails and the Laravel pattern', () => {
    expect(detectSessionCookie('_shop_session', 'v').framework).toBe('rails');
  });

  it('looks at the name after a __Host- or __Secure- prefix', () => {
    expect(detectSessionCookie('__Host-PHPSESSID', 'v').framework).toBe('php');
    expect(detectSessionCookie('__host-connect.sid', 'v').framework).toBe('express-session');
  });
});

describe('detectSessionCookie: rule 3, the name pattern', () => {
  it.each(['my.sid', 'app-session', 'user_sessid', 'SESS', 'x.sessionid.y', '__Host-sid'])('%s looks like a session id', (name) => {
    expect(detectSessionCookie(name, 'v').isSession).toBe(true);
  });

  it.each(['sidebar', 'possession', 'theme', 'consid', 'sessions'])('%s does not', (name) => {
    expect(detectSessionCookie(name, 'v')).toEqual({ isSession: false, framework: 'unknown', reason: 'no-match', clientSide: false });
  });

  it('reports framework unknown for a pattern match', () => {
    expect(detectSessionCookie('app-session', 'v')).toEqual({ isSession: true, framework: 'unknown', reason: 'name-pattern', clientSide: false });
  });
});

describe('detectSessionCookie: rule 4 and the overrides', () => {
  it('takes a cookie set by a login response as a session cookie', () => {
    expect(detectSessionCookie('auth', 'v', { setByLoginResponse: true })).toEqual({
      isSession: true,
      framework: 'unknown',
      reason: 'login-response',
      clientSide: false,
    });
  });

  it.each(['heroku-session-affinity', 'AWSALB', 'AWSALBCORS', 'csrftoken', '_ga', '_gid', '_gat_UA-1', '_fbp'])(
    'never takes %s for a session cookie, even from a login response',
    (name) => {
      expect(detectSessionCookie(name, 's%3Aabc.def', { setByLoginResponse: true })).toEqual({
        isSession: false,
        framework: 'unknown',
        reason: 'never-session',
        clientSide: false,
      });
    },
  );

  it("lets the user's marking win over every rule", () => {
    expect(detectSessionCookie('connect.sid', 'v', { userMark: 'not-session' })).toEqual({
      isSession: false,
      framework: 'express-session',
      reason: 'user-marked',
      clientSide: false,
    });
    expect(detectSessionCookie('AWSALB', 'v', { userMark: 'session' }).isSession).toBe(true);
  });
});
