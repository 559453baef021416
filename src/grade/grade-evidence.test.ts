/** Rubric section 2.3: cookies known from requests, the browser's store or script, graded. */
import { describe, expect, it } from 'vitest';
import { STRONG_ID } from '../../test/support/rule-harness.js';
import { exchange, storedCookie } from '../../test/support/trace-builder.js';
import type { StoredCookie } from '../observation/readings.js';
import { buildJsonReport } from '../report/json-report.js';
import { gradeObservations } from './grade-observations.js';

const ORIGIN = 'http://127.0.0.1:3000';
const SID = `s%3A${STRONG_ID}.c2lnbmF0dXJlc2lnbmF0dXJl`;
const READ_AT = Date.UTC(2030, 0, 1);

const storedSid = (shape: Partial<StoredCookie> = {}): StoredCookie => storedCookie('connect.sid', SID, shape);

describe('a session cookie seen only in requests', () => {
  const browsing = [exchange('GET', `${ORIGIN}/`, { cookie: `connect.sid=${SID}` }), exchange('GET', `${ORIGIN}/profile`, { cookie: `connect.sid=${SID}` })];

  it('is listed with unknown attributes, the findings that need none, and grade unknown', () => {
    const trace = gradeObservations(browsing);
    const [entry] = trace.cookies;
    expect(entry).toMatchObject({ gradedFrom: 'sent', seenAs: ['sent'], score: null, grade: 'unknown', setBy: null });
    expect(entry?.session).toMatchObject({ isSession: true, framework: 'express-session' });
    expect(entry?.findings.map((finding) => finding.id)).toEqual(['prefix-none', 'name-default']);
    expect(entry?.notes.map((note) => note.id)).toEqual(['set-outside-trace']);
    expect(trace.grade).toBe('none');
    expect(trace.unknownSessionCookies).toBe(1);
  });

  it('reports attributes null, aPlusMissing null, path null and unknownSessionCookies', () => {
    const report = buildJsonReport(ORIGIN, gradeObservations(browsing));
    expect(report).toMatchObject({ rubric: 3, grade: 'none', unknownSessionCookies: 1 });
    expect(report.cookies[0]).toMatchObject({
      name: 'connect.sid',
      domain: '127.0.0.1',
      path: null,
      seenAs: ['sent'],
      attributes: null,
      aPlusMissing: null,
      grade: 'unknown',
      setBy: null,
    });
  });

  it('gets no-rotation-on-login, and D, when a login keeps the pre-existing id', () => {
    const trace = gradeObservations([
      ...browsing,
      {
        ...exchange('POST', `${ORIGIN}/login`, { cookie: `connect.sid=${SID}`, location: '/profile', status: 302 }),
        requestBodyParamNames: ['username', 'password'],
      },
      exchange('GET', `${ORIGIN}/profile`, { cookie: `connect.sid=${SID}` }),
    ]);
    expect(trace.cookies[0]?.findings.map((finding) => finding.id)).toContain('no-rotation-on-login');
    expect(trace.cookies[0]?.grade).toBe('D');
    expect(trace.grade).toBe('D');
    expect(trace.unknownSessionCookies).toBe(0);
  });

  it('gets sent-over-http (F) when it goes to a plain-http host that is not localhost', () => {
    const trace = gradeObservations([exchange('GET', 'http://app.example.com/', { cookie: `connect.sid=${SID}` })]);
    expect(trace.cookies[0]?.findings.map((finding) => finding.id)).toContain('sent-over-http');
    expect(trace.cookies[0]?.grade).toBe('F');
  });

  it('gets httponly-missing when a script reading shows it', () => {
    const trace = gradeObservations(browsing, {
      readings: [{ kind: 'script', url: `${ORIGIN}/`, time: READ_AT, cookies: [{ name: 'connect.sid', value: SID }] }],
    });
    expect(trace.cookies[0]?.findings.map((finding) => finding.id)).toContain('httponly-missing');
    expect(trace.cookies[0]?.grade).toBe('C');
    expect(trace.cookies[0]?.seenAs).toEqual(['sent', 'script']);
  });

  it('is graded from the store once the store was read, with the rules the store can answer', () => {
    const trace = gradeObservations(browsing, { readings: [{ kind: 'store', url: `${ORIGIN}/`, time: READ_AT, cookies: [storedSid()] }] });
    const [entry] = trace.cookies;
    expect(entry?.gradedFrom).toBe('store');
    expect(entry?.seenAs).toEqual(['sent', 'store']);
    expect(entry?.findings.map((finding) => finding.id)).toEqual(['secure-missing', 'samesite-missing', 'prefix-none', 'name-default']);
    expect(entry?.score).toBe(100 - 40 - 20 - 5 - 2);
    expect(entry?.grade).toBe('D');
    expect(entry?.notes.map((note) => note.id)).toContain('set-outside-trace');
    expect(trace.grade).toBe('D');
  });

  it('store readings of a hardened cookie give A at best: no response shows Cache-Control', () => {
    const hardened = storedSid({ name: '__Host-sid', secure: true, sameSite: 'strict' });
    const trace = gradeObservations([], {
      readings: [{ kind: 'store', url: 'https://app.example.com/', time: READ_AT, cookies: [{ ...hardened, value: STRONG_ID, domain: 'app.example.com' }] }],
    });
    expect(trace.cookies[0]?.findings).toEqual([]);
    expect(trace.cookies[0]?.grade).toBe('A');
    expect(trace.cookies[0]?.aPlusMissing).toContain('Cache-Control: no-store');
  });
});

describe('a cookie set in the trace', () => {
  it('has no set-outside-trace note when its Set-Cookie came first', () => {
    const trace = gradeObservations([
      exchange('GET', `${ORIGIN}/`, { setCookie: [`connect.sid=${SID}; Path=/; HttpOnly`] }),
      exchange('GET', `${ORIGIN}/next`, { cookie: `connect.sid=${SID}` }),
    ]);
    expect(trace.cookies[0]?.notes.map((note) => note.id)).not.toContain('set-outside-trace');
    expect(trace.cookies[0]?.seenAs).toEqual(['set', 'sent']);
    expect(trace.cookies[0]?.sentByUrls).toEqual({ recent: [{ url: `${ORIGIN}/next`, count: 1 }], distinct: 1, entries: 1 });
  });

  it('leaves deletions out of the entropy estimate', () => {
    // The deletion carries an old id that shares a first character with the live one.
    const logout = exchange('POST', `${ORIGIN}/logout`, { setCookie: ['JSESSIONID=A0F1E2D3C4B5A69788796A5B4C3D2E1F; Path=/; Max-Age=0'] });
    const id = 'A1B2C3D4E5F60718293A4B5C6D7E8F90';
    const withLogout = gradeObservations([exchange('GET', `${ORIGIN}/`, { setCookie: [`JSESSIONID=${id}; Path=/; HttpOnly`] }), logout]);
    const without = gradeObservations([exchange('GET', `${ORIGIN}/`, { setCookie: [`JSESSIONID=${id}; Path=/; HttpOnly`] })]);
    expect(withLogout.cookies[0]?.entropyBits).toBe(without.cookies[0]?.entropyBits);
  });
});
