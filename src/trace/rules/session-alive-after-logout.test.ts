import { describe, expect, it } from 'vitest';
import { gradeObservations } from '../../grade/grade-observations.js';
import { contextFor, observationWith, STRONG_ID } from '../../../test/support/rule-harness.js';
import type { ServerCheckVerdict } from '../../rules/cookie-rule.js';
import { sessionAliveAfterLogout } from './session-alive-after-logout.js';

const LINE = `connect.sid=s%3A${STRONG_ID}.c2lnbmF0dXJl; Path=/; HttpOnly; Secure; SameSite=Lax`;
const verdict = (aliveAfterLogout: boolean): ServerCheckVerdict => ({ aliveAfterLogout, idAdopted: false, skipped: [] });

describe('session-alive-after-logout', () => {
  it('fires when the old cookie still passed the authenticated probe after the logout, and costs 40 capped at D', () => {
    const message = sessionAliveAfterLogout.explain({ ...contextFor(LINE), serverCheck: verdict(true) });
    expect(message).toBe(
      'After the logout, the session cookie held before it was sent again and the server still answered the authenticated probe as logged in: the logout did not end the session on the server.',
    );
    expect(message).not.toContain(STRONG_ID);
    expect([sessionAliveAfterLogout.deduction, sessionAliveAfterLogout.cap]).toEqual([40, 'D']);
  });

  it('does not fire when the probe failed after the logout, nor when --active did not run', () => {
    expect(sessionAliveAfterLogout.explain({ ...contextFor(LINE), serverCheck: verdict(false) })).toBeNull();
    expect(sessionAliveAfterLogout.explain({ ...contextFor(LINE), serverCheck: null })).toBeNull();
  });

  it('tells express-session to destroy the stored session, not only clear the cookie', () => {
    expect(sessionAliveAfterLogout.fix['express-session']).toContain('req.session.destroy');
    expect(sessionAliveAfterLogout.snippet).toContain("res.clearCookie('connect.sid'");
  });

  it('grades a session cookie named in the results of --active, and no other cookie', () => {
    const lines = [LINE, 'theme=dark; Path=/'];
    const [name] = LINE.split('=');
    const serverChecks = { aliveAfterLogout: [name as string, 'theme'], idAdopted: [], skipped: [] };
    const cookies = gradeObservations([observationWith(lines)], { serverChecks }).cookies;
    const session = cookies.find((cookie) => cookie.identity.name === name);
    expect(session?.findings.map((finding) => finding.id)).toContain('session-alive-after-logout');
    expect(session?.grade).toBe('D');
    expect(cookies.find((cookie) => cookie.identity.name === 'theme')?.findings.map((finding) => finding.id)).not.toContain('session-alive-after-logout');
    expect(gradeObservations([observationWith(lines)]).cookies[0]?.findings.map((finding) => finding.id)).not.toContain('session-alive-after-logout');
  });
});
