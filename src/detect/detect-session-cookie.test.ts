import { describe, expect, it } from 'vitest';
import { detectSessionCookie } from './detect-session-cookie.js';

describe('detectSessionCookie: rule 1, known value formats', () => {
  it('recognises an express-session signed value under any name', () => {
    expect(detectSessionCookie('app', 's%3AabcDEF123.sigSIG')).toEqual({
      isSession: true,
      framework: 'express-session',
      reason: 'value-format',
      clientSide: false,
      why: "express-session's signed value (s:<id>.<signature>)",
    });
    expect(detectSessionCookie('app', 's:abc.sig').framework).toBe('express-session');
  });

  it('does not take a plain "s:" value without a signature for express-session', () => {
    expect(detectSessionCookie('app', 's%3Aabc').isSession).toBe(false);
  });

  it('recognises a cookie with a <name>.sig companion as cookie-session', () => {
    const detection = detectSessionCookie('app', 'eyJ4IjoxfQ==', { siblingNames: new Set(['app.sig']) });
    expect(detection).toMatchObject({ isSession: true, framework: 'cookie-session', reason: 'value-format', clientSide: true });
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
    ['ci_session', 'codeigniter'],
    ['next-auth.session-token', 'next-auth'],
    ['__Secure-next-auth.session-token', 'next-auth'],
    ['authjs.session-token', 'authjs'],
    ['sid', 'unknown'],
    ['sessid', 'unknown'],
    ['zenid', 'unknown'],
    ['siteserver', 'unknown'],
  ])('%s is %s', (name, framework) => {
    expect(detectSessionCookie(name, 'v')).toMatchObject({ isSession: true, framework, reason: 'framework-name', clientSide: false });
  });

  it('lets the exact-case name win where two frameworks share it', () => {
    expect(detectSessionCookie('SESSION', 'v').framework).toBe('spring-session');
    expect(detectSessionCookie('session', 'v').framework).toBe('flask');
  });

  it('matches framework names case-sensitively (rubric 2): a case-insensitive match is a name pattern of framework unknown', () => {
    expect(detectSessionCookie('Session', 'v')).toMatchObject({ isSession: true, framework: 'unknown', reason: 'name-pattern', clientSide: false });
    expect(detectSessionCookie('phpsessid', 'v')).toMatchObject({ isSession: true, framework: 'unknown', reason: 'name-pattern', clientSide: false });
    expect(detectSessionCookie('sessionId', 'v')).toMatchObject({
      isSession: true,
      framework: '@fastify/session',
      reason: 'framework-name',
      clientSide: false,
    });
    expect(detectSessionCookie('sessionid', 'v')).toEqual({
      isSession: true,
      framework: 'django',
      reason: 'framework-name',
      clientSide: false,
      why: "sessionid is django's default name",
    });
    expect(detectSessionCookie('SESSION', 'v').framework).toBe('spring-session');
  });

  it('never takes load-balancer, CSRF, Cloudflare or analytics cookies for sessions (rubric 2.1)', () => {
    for (const name of [
      'AWSALBTG',
      'AWSALBTGCORS',
      'XSRF-TOKEN',
      '_csrf',
      'csrf_token',
      '__cf_bm',
      '_cfuvid',
      '_ga_ABC123',
      '_gcl_au',
      '_hjSessionUser_1',
      '_hjSession_1',
    ]) {
      expect(detectSessionCookie(name, 'v'), name).toMatchObject({ isSession: false, reason: 'never-session' });
    }
  });

  it('takes _<app>_session for Rails, prefixes included; <app>_session is Laravel only with its envelope (rubric 2.1, v3)', () => {
    expect(detectSessionCookie('_shop_session', 'v').framework).toBe('rails');
    expect(detectSessionCookie('__Host-_shop_session', 'v').framework).toBe('rails');
    const envelope = btoa(JSON.stringify({ iv: 'aXZpdml2aXZpdml2aXZpdg==', value: 'ZW5jcnlwdGVkIHNlc3Npb24gZGF0YQ==', mac: 'f'.repeat(64) }));
    expect(detectSessionCookie('shop_session', envelope)).toMatchObject({
      framework: 'laravel',
      reason: 'value-format',
      why: "Laravel's encrypted envelope (iv, value, mac)",
    });
    expect(detectSessionCookie('__Host-app_session', envelope).framework).toBe('laravel');
    // Without the envelope, rule 3 decides: a long value makes a session of no known framework...
    expect(detectSessionCookie('shop_session', '9f86d081884c7d659a2feaa0c55ad015')).toMatchObject({
      isSession: true,
      framework: 'unknown',
      reason: 'name-pattern',
    });
    expect(detectSessionCookie('Shop_Session', '9f86d081884c7d659a2feaa0c55ad015')).toMatchObject({ framework: 'unknown', reason: 'name-pattern' });
    // ...and a short one none.
    expect(detectSessionCookie('shop_session', '1')).toMatchObject({ isSession: false, reason: 'no-match' });
  });

  it('reports Rails for a name that fits both the Rails and the Laravel pattern', () => {
    expect(detectSessionCookie('_shop_session', 'v').framework).toBe('rails');
  });

  it('looks at the name after a __Host- or __Secure- prefix', () => {
    expect(detectSessionCookie('__Host-PHPSESSID', 'v').framework).toBe('php');
    expect(detectSessionCookie('__host-connect.sid', 'v').framework).toBe('express-session');
  });
});

describe('detectSessionCookie: rule 3, the name pattern and its 16-character floor', () => {
  const LONG = 'a1b2c3d4e5f6a7b8c9d0';
  it.each(['my.sid', 'app-session', 'user_sessid', 'SESS', 'x.sessionid.y', '__Host-sid', 'RYANSESSION', 'asessionid', 'MySessionId', 'sessions'])(
    '%s with a value of 16+ characters looks like a session id',
    (name) => {
      expect(detectSessionCookie(name, LONG).isSession).toBe(true);
    },
  );

  it.each(['my.sid', 'app-session', 'RYANSESSION', 'asessionid'])('%s with a short value does not (a value such as 1 identifies nobody)', (name) => {
    expect(detectSessionCookie(name, '1')).toEqual({ isSession: false, framework: 'unknown', reason: 'no-match', clientSide: false, why: 'no rule matched' });
  });

  it('counts the longest value the trace saw of the cookie, not only this one', () => {
    expect(detectSessionCookie('RYANSESSION', '', { longestValueLength: 32 }).isSession).toBe(true);
  });

  // "Contains session anywhere" is read literally: possession counts too (see docs/rubric.md).
  it.each(['sidebar', 'theme', 'consid', 'sessio'])('%s does not, whatever its value', (name) => {
    expect(detectSessionCookie(name, LONG)).toMatchObject({ isSession: false, reason: 'no-match' });
  });

  it('reports framework unknown for a pattern match, and says why', () => {
    expect(detectSessionCookie('app-session', LONG)).toEqual({
      isSession: true,
      framework: 'unknown',
      reason: 'name-pattern',
      clientSide: false,
      why: 'the name says session and a value has 16+ characters',
    });
  });
});

describe('detectSessionCookie: the never-session list (rubric 2.1, v3)', () => {
  const LONG = 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6';
  it.each([
    ['ai_session', 'Azure Application Insights analytics cookie'],
    ['ai_user', 'Azure Application Insights analytics cookie'],
    ['s_sess', 'Adobe Analytics cookie'],
    ['taboola_session_id', 'Taboola advertising cookie (Open Cookie Database)'],
    ['everest_session_v2', 'Adobe Advertising advertising cookie (Open Cookie Database)'],
    ['_pk_ses.1.1fff', 'Matomo analytics cookie (Open Cookie Database)'],
    ['intercom-session-abc123', 'Intercom analytics cookie (Open Cookie Database)'],
  ])('rules out %s, naming the vendor: %s', (name, why) => {
    expect(detectSessionCookie(name, LONG, { setByLoginResponse: true })).toMatchObject({ isSession: false, reason: 'never-session', why });
  });

  it('rules out a CSRF token that is a JWT, which would otherwise be a session credential', () => {
    const jws = `${btoa(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).replace(/=+$/, '')}.eyJzdWIiOiIxIn0.c2lnbmF0dXJl`;
    expect(detectSessionCookie('app_auth', jws)).toMatchObject({ isSession: true, framework: 'jwt' });
    expect(detectSessionCookie('x-csrf-jwt', jws)).toEqual({
      isSession: false,
      framework: 'unknown',
      reason: 'never-session',
      clientSide: false,
      why: 'CSRF token (a JWT)',
    });
  });

  it("keeps a framework's case-exact default name or value format although the database lists the name", () => {
    // The Open Cookie Database lists sessionid for Instagram and SID for Google.
    expect(detectSessionCookie('sessionid', LONG)).toMatchObject({ isSession: true, framework: 'django', reason: 'framework-name' });
    expect(detectSessionCookie('sid', LONG)).toMatchObject({ isSession: true, reason: 'framework-name' });
    expect(detectSessionCookie('SID', LONG)).toMatchObject({
      isSession: false,
      reason: 'never-session',
      why: 'Google advertising cookie (Open Cookie Database)',
    });
    // The rubric's own list wins over every rule: XSRF-TOKEN is Laravel-encrypted like its session.
    expect(
      detectSessionCookie('XSRF-TOKEN', btoa(JSON.stringify({ iv: 'aXZpdml2aXZpdml2aXZpdg==', value: 'dG9rZW4gdG9rZW4gdG9rZW4=', mac: 'f'.repeat(64) }))),
    ).toMatchObject({ isSession: false, reason: 'never-session' });
  });
});

describe('detectSessionCookie: rule 4 and the overrides', () => {
  it('takes a cookie set by a login response as a session cookie', () => {
    expect(detectSessionCookie('auth', 'v', { setByLoginResponse: true })).toEqual({
      isSession: true,
      framework: 'unknown',
      reason: 'login-response',
      clientSide: false,
      why: 'set by the response to a login',
    });
  });

  it.each(['heroku-session-affinity', 'AWSALB', 'AWSALBCORS', 'csrftoken', '_ga', '_gid', '_gat_UA-1', '_fbp'])(
    'never takes %s for a session cookie, even from a login response',
    (name) => {
      expect(detectSessionCookie(name, 'a1b2c3d4e5f6a7b8c9d0', { setByLoginResponse: true })).toMatchObject({
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
      why: 'marked not a session by you',
    });
    expect(detectSessionCookie('AWSALB', 'v', { userMark: 'session' }).isSession).toBe(true);
  });
});
