/** Rubric 2.2: signature companions and client-side sessions, on real cookies where we have them. */
import { readFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { cookieSessionSetCookies } from '../../test/support/cookie-session-app.js';
import { exchange } from '../../test/support/trace-builder.js';
import { detectSessionCookie } from '../detect/detect-session-cookie.js';
import { buildJsonReport } from '../report/json-report.js';
import { gradeObservations } from './grade-observations.js';

const SITE = 'https://app.example.com';
const HARDENED = 'Path=/; Secure; HttpOnly; SameSite=Strict';
const HEADERS = { 'Cache-Control': 'no-store', 'Strict-Transport-Security': 'max-age=31536000' };

function graded(lines: string[], more: ReturnType<typeof exchange>[] = []) {
  const first = exchange('GET', `${SITE}/`, { setCookie: lines });
  return gradeObservations([
    { ...first, responseHeaders: [...first.responseHeaders, ...Object.entries(HEADERS).map(([name, value]) => ({ name, value }))] },
    ...more,
  ]);
}

describe('signature companions (rubric 2.2)', () => {
  it("lists a real cookie-session pair's session.sig under session, with no letter of its own", async () => {
    const lines = await cookieSessionSetCookies(['a key of our own, long enough']);
    const report = buildJsonReport(
      SITE,
      gradeObservations([
        {
          url: 'http://127.0.0.1/',
          method: 'GET',
          requestHeaders: [],
          requestBodyParamNames: null,
          status: 200,
          responseHeaders: lines.map((value) => ({ name: 'Set-Cookie', value })),
          time: Date.now(),
        },
      ]),
    );
    const data = report.cookies.find((cookie) => cookie.name === 'session');
    const companion = report.cookies.find((cookie) => cookie.name === 'session.sig');
    expect(data?.session).toMatchObject({ isSession: true, framework: 'cookie-session', clientSide: true, companions: ['session.sig'] });
    expect(companion?.session).toMatchObject({ isSession: false, reason: 'companion' });
    expect(companion?.grade).toBeNull();
  });

  it('grades a .sig cookie whose data cookie is absent like any other cookie', () => {
    expect(detectSessionCookie('session.sig', 'abc', { siblingNames: new Set(['session.sig']) })).toMatchObject({ isSession: true, reason: 'framework-name' });
  });
});

describe('client-side sessions (rubric 2.2)', () => {
  const flask = (
    JSON.parse(readFileSync('test/fixtures/signed-cookies/python.json', 'utf8')) as { cases: { framework: string; value: string; secret: string | null }[] }
  ).cases.find((fixture) => fixture.framework === 'flask' && fixture.secret === null);

  it('a real Flask session: the client-side-session note, no entropy rule, and A at best', () => {
    const entry = graded([`__Host-session=${flask?.value}; ${HARDENED}`]).cookies[0];
    expect(entry?.session).toMatchObject({ isSession: true, framework: 'flask', reason: 'value-format', clientSide: true });
    expect(entry?.notes.map((note) => note.id)).toContain('client-side-session');
    expect(entry?.findings.map((finding) => finding.id)).not.toContain('entropy-low');
    expect(entry?.aPlusMissing).toContain('not a client-side session');
    expect(entry?.notes.map((note) => note.id)).not.toContain('a-plus-needs-login');
  });

  it('never earns rotated-on-login: a new value at login is just new data', () => {
    const before = flask?.value ?? '';
    const after = `${before.slice(0, -3)}xyz`;
    const trace = graded(
      [`__Host-session=${before}; ${HARDENED}`],
      [
        {
          ...exchange('POST', `${SITE}/login`, { cookie: `__Host-session=${before}`, setCookie: [`__Host-session=${after}; ${HARDENED}`] }),
          requestBodyParamNames: ['password'],
        },
        exchange('GET', `${SITE}/`, { cookie: `__Host-session=${after}` }),
      ],
    );
    const entry = trace.cookies.find((cookie) => !cookie.deletion);
    expect(entry?.notes.map((note) => note.id)).not.toContain('rotated-on-login');
    expect(entry?.grade).not.toBe('A+');
  });

  it('recognises a JWS in any cookie as a session credential (framework jwt), and a JWE as client-side', async () => {
    const jws = await new SignJWT({ sub: 'demo' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('a long random key of ours, 32+ bytes'));
    expect(detectSessionCookie('prefs', jws)).toMatchObject({ isSession: true, framework: 'jwt', reason: 'value-format' });
    expect(detectSessionCookie('next-auth.session-token', jws).framework).toBe('next-auth');
    const jweHeader = Buffer.from(JSON.stringify({ alg: 'dir', enc: 'A256GCM' })).toString('base64url');
    expect(detectSessionCookie('auth_state', `${jweHeader}..aXZpdml2aXZpdml2.Y2lwaGVy.dGFndGFndGFndGFn`)).toMatchObject({ framework: 'jwt', clientSide: true });
  });

  it("recognises the Rails cookie store and Laravel's encrypted envelope by their values", () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    expect(detectSessionCookie('prefs', `${b64('encrypted data')}--${b64('iv-iv-iv-iv')}--${b64('auth-tag-1234')}`)).toMatchObject({
      framework: 'rails',
      clientSide: true,
    });
    const envelope = encodeURIComponent(b64(JSON.stringify({ iv: 'aXZpdml2aXZpdml2aXY=', value: 'Y2lwaGVydGV4dA==', mac: 'f'.repeat(64), tag: '' })));
    expect(detectSessionCookie('prefs', envelope)).toMatchObject({ framework: 'laravel', reason: 'value-format', clientSide: false });
  });
});
