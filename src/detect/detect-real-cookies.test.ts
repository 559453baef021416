/** Detection (rubric 2.1) on cookies made by the real frameworks, not by us. */
import { readFileSync } from 'node:fs';
import express from 'express';
import session from 'express-session';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { parseSetCookie } from '../core/parse-set-cookie.js';
import { gradeObservations } from '../grade/grade-observations.js';
import { observationFromResponse } from '../observation/observation-from-response.js';
import { cookieSessionSetCookies } from '../../test/support/cookie-session-app.js';

async function setCookiesOf(app: express.Express): Promise<string[]> {
  const response = await request(app).get('/');
  return ([] as string[]).concat(response.headers['set-cookie'] ?? []);
}

function trace(lines: readonly string[]) {
  return gradeObservations([observationFromResponse({ url: 'http://127.0.0.1/', headers: { 'set-cookie': [...lines] } })]);
}

describe('detection on real cookies', () => {
  it('express-session: connect.sid, by its s: value', async () => {
    const app = express();
    app.use(session({ secret: 'a strong secret of ours', resave: false, saveUninitialized: true }));
    app.get('/', (_req, res) => {
      res.send('ok');
    });
    expect(trace(await setCookiesOf(app)).cookies[0]?.session).toMatchObject({
      isSession: true,
      framework: 'express-session',
      reason: 'value-format',
      clientSide: false,
    });
  });

  it('cookie-session: session with its session.sig companion', async () => {
    const graded = trace(await cookieSessionSetCookies(['a strong key of ours']));
    expect(graded.cookies.find((cookie) => cookie.cookie.name === 'session')?.session).toMatchObject({ isSession: true, framework: 'cookie-session' });
  });

  const python = JSON.parse(readFileSync('test/fixtures/signed-cookies/python.json', 'utf8')) as {
    cases: { framework: string; producer: string; name: string; value: string }[];
  };
  it.each(python.cases.map((fixture) => [fixture.producer, fixture.name, fixture.framework, fixture.value] as const))(
    '%s: %s is %s',
    (_producer, name, framework, value) => {
      const graded = trace([`${name}=${value}; Path=/; HttpOnly`]);
      expect(graded.cookies[0]?.session).toMatchObject({ isSession: true, framework });
      expect(parseSetCookie(`${name}=${value}`).value).toBe(value);
    },
  );
});
