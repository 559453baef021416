import { describe, expect, it } from 'vitest';
import { exchange } from '../../test/support/trace-builder.js';
import { gradeObservations } from '../grade/grade-observations.js';
import type { Observation } from '../observation/observation.js';

const SITE = 'https://app.example.com';
const OLD = 'Xk2Q9fYt-3nB_0aLp7ZcR1mVw8eJ4hUd';
const NEW = 'pR7vN2kZ_x9Lq4Ws-8mYb3Tc6Hd1Jf0G';
const ATTRIBUTES = 'Path=/; Secure; HttpOnly; SameSite=Lax';

function findingIds(trace: Observation[], name = 'sid'): string[] {
  const entry = gradeObservations(trace).cookies.find((cookie) => cookie.cookie.name === name && !cookie.deletion);
  return entry?.findings.map((finding) => finding.id) ?? [];
}

function notes(trace: Observation[], name = 'sid'): string[] {
  const entry = gradeObservations(trace).cookies.find((cookie) => cookie.cookie.name === name && !cookie.deletion);
  return entry?.notes.map((note) => note.id) ?? [];
}

const visit = exchange('GET', `${SITE}/`, { setCookie: [`sid=${OLD}; ${ATTRIBUTES}`] });

describe('id-in-url', () => {
  it('fires when the id is in a request URL, URL-encoded or not', () => {
    expect(findingIds([visit, exchange('GET', `${SITE}/page?sid=${OLD}`)])).toContain('id-in-url');
    const express = `s%3A${OLD}.sig`;
    const expressTrace = [exchange('GET', `${SITE}/`, { setCookie: [`sid=${express}; ${ATTRIBUTES}`] }), exchange('GET', `${SITE}/x?s=s:${OLD}.sig`)];
    expect(findingIds(expressTrace)).toContain('id-in-url');
  });

  it('fires for a Referer or a Location that carries the id', () => {
    expect(findingIds([visit, exchange('GET', 'https://cdn.example.net/a.js', { referer: `${SITE}/?token=${OLD}` })])).toContain('id-in-url');
    expect(findingIds([visit, exchange('GET', `${SITE}/go`, { location: `/next;id=${OLD}` })])).toContain('id-in-url');
  });

  it('fires for ;jsessionid= in the path of a JSESSIONID cookie', () => {
    const trace = [exchange('GET', `${SITE}/`, { setCookie: [`JSESSIONID=${OLD}; ${ATTRIBUTES}`] }), exchange('GET', `${SITE}/shop;jsessionid=ABC`)];
    expect(findingIds(trace, 'JSESSIONID')).toContain('id-in-url');
  });

  it('caps the grade at F', () => {
    const entry = gradeObservations([visit, exchange('GET', `${SITE}/page?sid=${OLD}`)]).cookies[0];
    expect(entry?.grade).toBe('F');
  });

  it('does not fire for URLs without the id, nor for short values found by chance', () => {
    expect(findingIds([visit, exchange('GET', `${SITE}/page?x=1`)])).not.toContain('id-in-url');
    const short = [exchange('GET', `${SITE}/`, { setCookie: [`sid=1234; ${ATTRIBUTES}`] }), exchange('GET', `${SITE}/item/1234`)];
    expect(findingIds(short)).not.toContain('id-in-url');
  });
});

describe('sent-over-http', () => {
  it('fires when a request to a plain-http host carries the cookie', () => {
    const trace = [
      exchange('GET', 'http://app.example.com/', { setCookie: [`sid=${OLD}; Path=/; HttpOnly; SameSite=Lax`] }),
      exchange('GET', 'http://app.example.com/page', { cookie: `sid=${OLD}` }),
    ];
    expect(findingIds(trace)).toContain('sent-over-http');
  });

  it('does not fire over https or to localhost', () => {
    expect(findingIds([visit, exchange('GET', `${SITE}/page`, { cookie: `sid=${OLD}` })])).not.toContain('sent-over-http');
    const local = [
      exchange('GET', 'http://localhost:3000/', { setCookie: [`sid=${OLD}; Path=/`] }),
      exchange('GET', 'http://localhost:3000/page', { cookie: `sid=${OLD}` }),
    ];
    expect(findingIds(local)).not.toContain('sent-over-http');
  });

  it('does not fire for another site that happens to use the same cookie name', () => {
    expect(findingIds([visit, exchange('GET', 'http://other.example.org/', { cookie: `sid=${OLD}` })])).not.toContain('sent-over-http');
  });
});

describe('no-rotation-on-login and rotated-on-login', () => {
  const login = (shape: Parameters<typeof exchange>[2]) => exchange('POST', `${SITE}/login`, { cookie: `sid=${OLD}`, body: ['username', 'password'], ...shape });

  it('fires when requests after the login still carry the old id', () => {
    const trace = [visit, login({ location: '/profile', status: 303 }), exchange('GET', `${SITE}/profile`, { cookie: `sid=${OLD}` })];
    expect(findingIds(trace)).toContain('no-rotation-on-login');
    expect(gradeObservations(trace).cookies[0]?.grade).toBe('D');
  });

  it('does not fire, and notes rotated-on-login, when the login response sets a new id', () => {
    const trace = [visit, login({ setCookie: [`sid=${NEW}; ${ATTRIBUTES}`] }), exchange('GET', `${SITE}/profile`, { cookie: `sid=${NEW}` })];
    expect(findingIds(trace)).not.toContain('no-rotation-on-login');
    expect(notes(trace)).toContain('rotated-on-login');
  });

  it('follows redirects: a login that rotates on a later hop is rotated', () => {
    const trace = [
      visit,
      login({ location: '/session/start', status: 302 }),
      exchange('GET', `${SITE}/session/start`, { cookie: `sid=${OLD}`, location: '/profile', setCookie: [`sid=${NEW}; ${ATTRIBUTES}`] }),
      exchange('GET', `${SITE}/profile`, { cookie: `sid=${NEW}` }),
    ];
    expect(findingIds(trace)).not.toContain('no-rotation-on-login');
    expect(notes(trace)).toContain('rotated-on-login');
  });

  it('recognises a login by its path as well as by a password field', () => {
    const trace = [
      visit,
      exchange('POST', `${SITE}/auth/callback`, { cookie: `sid=${OLD}` }),
      exchange('GET', `${SITE}/home`, { cookie: `sid=${OLD}` }),
    ];
    expect(findingIds(trace)).toContain('no-rotation-on-login');
  });

  it('proves nothing when the login carried no session cookie', () => {
    const trace = [exchange('POST', `${SITE}/login`, { body: ['password'], setCookie: [`sid=${NEW}; ${ATTRIBUTES}`] }), exchange('GET', `${SITE}/x`, { cookie: `sid=${NEW}` })];
    expect(findingIds(trace)).not.toContain('no-rotation-on-login');
    expect(notes(trace)).not.toContain('rotated-on-login');
  });
});

describe('logout-not-cleared', () => {
  const logout = (shape: Parameters<typeof exchange>[2] = {}) => exchange('POST', `${SITE}/logout`, { cookie: `sid=${OLD}`, ...shape });

  it('fires when no Set-Cookie deletes or replaces the cookie after logout', () => {
    expect(findingIds([visit, logout({ location: '/', status: 303 }), exchange('GET', `${SITE}/`, { cookie: `sid=${OLD}` })])).toContain('logout-not-cleared');
  });

  it('does not fire for a logout that clears with Max-Age=0', () => {
    expect(findingIds([visit, logout({ setCookie: ['sid=; Path=/; Max-Age=0'] })])).not.toContain('logout-not-cleared');
  });

  it('does not fire for a logout that clears with an Expires in the past, on a redirect hop', () => {
    const trace = [
      visit,
      logout({ location: '/bye', status: 302 }),
      exchange('GET', `${SITE}/bye`, { cookie: `sid=${OLD}`, setCookie: ['sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT'] }),
    ];
    expect(findingIds(trace)).not.toContain('logout-not-cleared');
  });

  it('does not fire for a logout that replaces the id', () => {
    expect(findingIds([visit, logout({ setCookie: [`sid=${NEW}; ${ATTRIBUTES}`] })])).not.toContain('logout-not-cleared');
  });

  it('costs 10 without a cap', () => {
    const entry = gradeObservations([visit, logout()]).cookies[0];
    expect(entry?.findings.find((finding) => finding.id === 'logout-not-cleared')).toMatchObject({ deduction: 10, cap: null });
  });
});

describe('the timeline', () => {
  it('records set, sent, refreshed, rotated and cleared, with the request that did it', () => {
    const trace = [
      visit,
      exchange('GET', `${SITE}/a`, { cookie: `sid=${OLD}` }),
      exchange('GET', `${SITE}/b`, { cookie: `sid=${OLD}`, setCookie: [`sid=${OLD}; ${ATTRIBUTES}`] }),
      exchange('POST', `${SITE}/login`, { cookie: `sid=${OLD}`, body: ['password'], setCookie: [`sid=${NEW}; ${ATTRIBUTES}`] }),
      exchange('POST', `${SITE}/logout`, { cookie: `sid=${NEW}`, setCookie: ['sid=; Path=/; Max-Age=0'] }),
    ];
    const events = gradeObservations(trace).cookies.find((cookie) => !cookie.deletion)?.timeline;
    expect(events?.map((event) => [event.type, event.method, new URL(event.url).pathname, event.count])).toEqual([
      ['set', 'GET', '/', 1],
      ['sent', 'GET', '/a', 2],
      ['refreshed', 'GET', '/b', 1],
      ['sent', 'POST', '/login', 1],
      ['rotated', 'POST', '/login', 1],
      ['sent', 'POST', '/logout', 1],
      ['cleared', 'POST', '/logout', 1],
    ]);
  });
});

describe('failed logins (rubric section 5)', () => {
  it('trigger no no-rotation-on-login, and are not rotations', () => {
    const trace = [
      visit,
      exchange('POST', `${SITE}/login`, { cookie: `sid=${OLD}`, status: 401, body: ['username', 'password'] }),
      exchange('GET', `${SITE}/`, { cookie: `sid=${OLD}` }),
    ];
    expect(findingIds(trace)).not.toContain('no-rotation-on-login');
    expect(notes(trace)).not.toContain('rotated-on-login');
  });
});

describe('HSTS where it does not apply (rubric section 4)', () => {
  it('gives localhost and IP addresses the hsts-not-applicable note instead, and no A+ condition', () => {
    const hardened = '__Host-sid=Xk2Q9fYt-3nB_0aLp7ZcR1mVw8eJ4hUd; Path=/; Secure; HttpOnly; SameSite=Strict';
    for (const origin of ['https://127.0.0.1:3443', 'https://localhost:3443']) {
      const entry = gradeObservations([exchange('GET', `${origin}/`, { setCookie: [hardened] })]).cookies[0];
      expect(entry?.findings.map((finding) => finding.id)).toEqual(['cache-control-missing']);
      expect(entry?.notes.map((note) => note.id)).toContain('hsts-not-applicable');
      expect(entry?.aPlusMissing).not.toContain('HSTS with max-age >= 31536000');
    }
    const real = gradeObservations([exchange('GET', `${SITE}/`, { setCookie: [hardened] })]).cookies[0];
    expect(real?.findings.map((finding) => finding.id)).toContain('hsts-missing');
    expect(real?.notes.map((note) => note.id)).not.toContain('hsts-not-applicable');
  });
});

