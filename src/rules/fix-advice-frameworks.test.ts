/** Fix advice checked against the real frameworks where they run here (rubric section 6). */
import cookieSession from 'cookie-session';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { cookieSessionSetCookies } from '../../test/support/cookie-session-app.js';
import { observationWith } from '../../test/support/rule-harness.js';
import { gradeObservations } from '../grade/grade-observations.js';
import { logoutNotCleared } from '../trace/rules/logout-not-cleared.js';
import { adviceFor, HOST_PREFIX_NAME_ADVICE, SAMESITE_ADVICE, SECURE_ADVICE } from './fix-advice.js';

describe('advice for cookie-session, checked against cookie-session', () => {
  it('its logout advice (req.session = null) really deletes both cookies', async () => {
    const app = express();
    app.use(cookieSession({ name: 'session', keys: ['a key of ours'] }));
    app.get('/logout', (req, res) => {
      (req as unknown as { session: null }).session = null;
      res.send('bye');
    });
    const agent = request.agent(app);
    const [data] = await cookieSessionSetCookies(['a key of ours']);
    const response = await agent.get('/logout').set('Cookie', data?.split(';')[0] ?? '');
    const lines = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    expect(lines.map((line) => line.split('=')[0])).toEqual(['session', 'session.sig']);
    for (const line of lines) expect(line).toMatch(/expires=Thu, 01 Jan 1970 00:00:00 GMT/);
    expect(logoutNotCleared.fix['cookie-session']).toContain('req.session = null');
  });

  it('its secure, sameSite and __Host- name options are the ones cookie-session emits', async () => {
    const app = express();
    app.set('trust proxy', 1);
    app.use(cookieSession({ name: '__Host-session', keys: ['a key of ours'], secure: true, sameSite: 'strict', path: '/' }));
    app.get('/', (req, res) => {
      (req.session as { user?: string }).user = 'demo';
      res.send('ok');
    });
    const response = await request(app).get('/').set('X-Forwarded-Proto', 'https');
    const [line] = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    expect(line).toMatch(/^__Host-session=[^;]+; path=\/; samesite=strict; secure; httponly$/);
    expect(SECURE_ADVICE['cookie-session']).toContain('secure: true');
    expect(SAMESITE_ADVICE['cookie-session']).toContain("sameSite: 'strict'");
    expect(HOST_PREFIX_NAME_ADVICE['cookie-session']).toContain("name: '__Host-session'");
  });
});

describe("Django's CSRF cookie", () => {
  it('gets the CSRF_COOKIE_* settings, not SESSION_COOKIE_*', () => {
    const entry = gradeObservations([observationWith(['csrftoken=abc123def456; Path=/; SameSite=Lax'])]).cookies[0];
    const secure = entry?.findings.find((finding) => finding.id === 'secure-missing');
    expect(secure?.fix.django).toBe('Set `CSRF_COOKIE_SECURE = True` in settings.py.');
    expect(adviceFor(SECURE_ADVICE, 'django', 'sessionid').django).toBe('Set `SESSION_COOKIE_SECURE = True` in settings.py.');
  });
});

describe('advice for the Java servlet logout (Tomcat 10.1)', () => {
  it('clears the cookie itself: session.invalidate() sends no Set-Cookie', () => {
    expect(logoutNotCleared.fix['java-servlet']).toContain('setMaxAge(0)');
    expect(logoutNotCleared.fix['java-servlet']).toContain('sends no Set-Cookie');
  });
});
