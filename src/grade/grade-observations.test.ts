import { describe, expect, it } from 'vitest';
import { FIXED_TIME, STRONG_ID, observationWith } from '../../test/support/rule-harness.js';
import type { Observation } from '../observation/observation.js';
import { exchange } from '../../test/support/trace-builder.js';
import { defaultCookiePath, gradeObservations } from './grade-observations.js';

const HARDENED_HEADERS = { 'Cache-Control': 'no-store', 'Strict-Transport-Security': 'max-age=31536000' };
const ids = (trace: ReturnType<typeof gradeObservations>, name: string) =>
  trace.cookies.find((cookie) => cookie.cookie.name === name)?.findings.map((f) => f.id);

describe('gradeObservations', () => {
  it("grades express-session's default cookie over http on localhost as D", () => {
    const trace = gradeObservations([observationWith([`connect.sid=s%3A${STRONG_ID}.sig; Path=/; HttpOnly`], { url: 'http://localhost:3000/' })]);
    const [cookie] = trace.cookies;
    expect(cookie?.session).toMatchObject({ isSession: true, framework: 'express-session', reason: 'value-format', clientSide: false });
    expect(cookie?.findings.map((f) => f.id)).toEqual(['secure-missing', 'samesite-missing', 'prefix-none', 'name-default', 'cache-control-missing']);
    expect(cookie?.score).toBe(100 - 40 - 20 - 5 - 2 - 3);
    expect(cookie?.grade).toBe('D');
    expect(trace.grade).toBe('D');
  });

  it('gives a hardened cookie A and the a-plus-needs-login note when no login was seen', () => {
    const trace = gradeObservations([observationWith([`__Host-sid=${STRONG_ID}; Path=/; Secure; HttpOnly; SameSite=Strict`], { headers: HARDENED_HEADERS })]);
    const [cookie] = trace.cookies;
    expect(cookie?.findings).toEqual([]);
    expect(cookie?.grade).toBe('A');
    expect(cookie?.aPlusMissing).toEqual(['an observed login that rotates the id']);
    expect(cookie?.notes.map((n) => n.id)).toContain('a-plus-needs-login');
  });

  it('counts __Host-Http- as the A+ prefix, and suggests it for a __Host- cookie with HttpOnly', () => {
    const hostHttp = gradeObservations([
      observationWith([`__Host-Http-sid=${STRONG_ID}; Path=/; Secure; HttpOnly; SameSite=Strict`], { headers: HARDENED_HEADERS }),
    ]).cookies[0];
    expect(hostHttp?.aPlusMissing).toEqual(['an observed login that rotates the id']);
    expect(hostHttp?.notes.map((note) => note.id)).not.toContain('prefix-http-available');
    const host = gradeObservations([observationWith([`__Host-sid=${STRONG_ID}; Path=/; Secure; HttpOnly; SameSite=Strict`], { headers: HARDENED_HEADERS })])
      .cookies[0];
    expect(host?.notes.map((note) => note.id)).toContain('prefix-http-available');
  });

  it('gives A+ when the trace shows the id rotated at login', () => {
    const attributes = 'Path=/; Secure; HttpOnly; SameSite=Lax';
    const before = STRONG_ID;
    const after = 'pR7vN2kZ_x9Lq4Ws-8mYb3Tc6Hd1Jf0G';
    const trace = gradeObservations([
      observationWith([`__Host-sid=${before}; ${attributes}`], { url: 'https://app.example.com/login', headers: HARDENED_HEADERS }),
      {
        ...observationWith([`__Host-sid=${after}; ${attributes}`], {
          url: 'https://app.example.com/login',
          method: 'POST',
          headers: { ...HARDENED_HEADERS, Location: '/profile' },
        }),
        status: 303,
        requestHeaders: [{ name: 'Cookie', value: `__Host-sid=${before}` }],
      },
      { ...observationWith([], { url: 'https://app.example.com/profile' }), requestHeaders: [{ name: 'Cookie', value: `__Host-sid=${after}` }] },
    ]);
    expect(trace.cookies[0]?.notes.map((note) => note.id)).toContain('rotated-on-login');
    expect(trace.cookies[0]?.grade).toBe('A+');
    expect(trace.grade).toBe('A+');
    expect(trace.cookies[0]?.timeline.map((event) => event.type)).toEqual(['set', 'sent', 'rotated', 'sent']);
  });

  it('does not add a-plus-needs-login when something else also stands in the way', () => {
    const trace = gradeObservations([observationWith([`__Host-sid=${STRONG_ID}; Path=/; Secure; HttpOnly; SameSite=Strict`])]);
    expect(trace.cookies[0]?.notes.map((n) => n.id)).not.toContain('a-plus-needs-login');
  });

  it('keeps findings but gives no letter to cookies that carry no session id', () => {
    const trace = gradeObservations([observationWith(['theme=dark', '_ga=GA1.2.3.4'])]);
    expect(trace.cookies.map((c) => [c.cookie.name, c.grade])).toEqual([
      ['theme', null],
      ['_ga', null],
    ]);
    expect(ids(trace, 'theme')).toContain('secure-missing');
    expect(ids(trace, 'theme')).not.toContain('entropy-low');
    expect(trace.grade).toBe('none');
  });

  it('lists a deletion with no grade, next to the issuance', () => {
    const trace = gradeObservations([
      observationWith([`sid=${STRONG_ID}; Secure; HttpOnly; SameSite=Lax; Path=/`]),
      { ...observationWith(['sid=; Max-Age=0; Path=/']), url: 'https://app.example.com/logout' },
    ]);
    expect(trace.cookies.map((c) => [c.deletion, c.grade])).toEqual([
      [false, 'A'],
      [true, null],
    ]);
    expect(trace.cookies[1]?.setBy).toBe('https://app.example.com/logout');
  });

  it('grades a cookie on its worst issuance', () => {
    const trace = gradeObservations([
      observationWith([`sid=${STRONG_ID}; Path=/`], { url: 'http://app.example.com/' }),
      observationWith([`sid=${STRONG_ID}x; Path=/; Secure; HttpOnly; SameSite=Lax`]),
    ]);
    expect(trace.cookies).toHaveLength(1);
    // The http issuance: secure, httponly, samesite, prefix, name-default and cache-control: 100 points.
    expect(trace.cookies[0]?.score).toBe(0);
    expect(trace.cookies[0]?.grade).toBe('F');
    expect(trace.cookies[0]?.setBy).toBe('http://app.example.com/');
    expect(trace.cookies[0]?.issuances).toBe(2);
  });

  it('takes a cookie set by a login response as a session cookie', () => {
    const login: Observation = {
      ...observationWith([`auth=${STRONG_ID}; Secure; HttpOnly; SameSite=Lax; Path=/`]),
      url: 'https://app.example.com/do',
      method: 'POST',
      requestBodyParamNames: ['user[password]'],
    };
    const trace = gradeObservations([login]);
    expect(trace.cookies[0]?.session.reason).toBe('login-response');
    expect(trace.cookies[0]?.grade).toBe('A');
  });

  it("lets the user's marking decide", () => {
    const trace = gradeObservations([observationWith(['prefs=1'])], { userMarks: new Map([['prefs', 'session']]) });
    expect(trace.cookies[0]?.grade).toBe('F');
  });

  it('uses the Date header as the response time', () => {
    const trace = gradeObservations([observationWith(['sid=; Expires=Thu, 01 Jan 2026 00:00:00 GMT'], { headers: { Date: 'Thu, 01 Jan 2026 00:00:00 GMT' } })]);
    expect(trace.cookies[0]?.deletion).toBe(true);
    expect(FIXED_TIME).toBeGreaterThan(Date.UTC(2026, 0, 1));
  });

  it('gives the site grade none for a trace without cookies', () => {
    expect(gradeObservations([]).grade).toBe('none');
  });
});

describe('defaultCookiePath (RFC 6265bis 5.1.4)', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['/login', '/'],
    ['/app/login', '/app'],
    ['/app/', '/app'],
  ])('%j -> %j', (path, expected) => expect(defaultCookiePath(path)).toBe(expected));
});

describe('gradeObservations: several ids of one cookie', () => {
  it('does not count the prefix every observed id shares', () => {
    const ids = ['tenant42-0000000000000000-9f8e7d6c5b4a3921', 'tenant42-0000000000000000-0123456789abcdef', 'tenant42-0000000000000000-aabbccddeeff0011'];
    const trace = gradeObservations(ids.map((id) => observationWith([`sid=${id}; Secure; HttpOnly; SameSite=Lax; Path=/`])));
    // 16 hex characters differ: 64 bits, so entropy-medium rather than nothing.
    expect(trace.cookies[0]?.entropyBits).toBe(64);
    expect(trace.cookies[0]?.findings.map((f) => f.id)).toContain('entropy-medium');
    expect(trace.cookies[0]?.setByUrls).toEqual({ recent: [{ url: 'https://app.example.com/', count: 3 }], distinct: 1, entries: 3 });
  });
});

describe('what changed when a cookie is issued again with other attributes', () => {
  it('gives the letters before and after and the findings gained and lost; a new value alone is no change', () => {
    const first = exchange('GET', 'https://app.example.com/', { setCookie: [`sid=${STRONG_ID}; Path=/; Secure`] });
    const sameAttributes = exchange('GET', 'https://app.example.com/', { setCookie: [`sid=${STRONG_ID.replace('X', 'Y')}; Path=/; Secure`] });
    expect(gradeObservations([first, sameAttributes]).cookies[0]?.change).toBeNull();
    const fixed = exchange('GET', 'https://app.example.com/again', { setCookie: [`sid=${STRONG_ID}; Path=/; Secure; HttpOnly`] });
    const change = gradeObservations([first, sameAttributes, fixed]).cookies[0]?.change;
    expect(change).toMatchObject({ before: 'D', after: 'C', url: 'https://app.example.com/again', appeared: [], disappeared: ['httponly-missing'] });
  });
});
