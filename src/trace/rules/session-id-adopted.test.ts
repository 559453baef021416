import { describe, expect, it } from 'vitest';
import { gradeObservations } from '../../grade/grade-observations.js';
import { contextFor, observationWith } from '../../../test/support/rule-harness.js';
import type { ServerCheckVerdict } from '../../rules/cookie-rule.js';
import { sessionIdAdopted } from './session-id-adopted.js';

const LINE = 'PHPSESSID=k3v9q0c1h2m4n5p6r7s8t9u0ab; path=/; HttpOnly';
const verdict = (idAdopted: boolean): ServerCheckVerdict => ({ aliveAfterLogout: false, idAdopted, skipped: [] });

describe('session-id-adopted', () => {
  it('fires when the server kept a planted id through the login, and caps at F', () => {
    expect(sessionIdAdopted.explain({ ...contextFor(LINE), serverCheck: verdict(true) })).toBe(
      'A session id made up by the client and planted before the login was still in use after it, and the authenticated probe passed: the server adopts ids it never issued (session fixation).',
    );
    expect([sessionIdAdopted.deduction, sessionIdAdopted.cap]).toEqual([0, 'F']);
  });

  it('does not fire when the planted id was replaced, nor when --active did not run', () => {
    expect(sessionIdAdopted.explain({ ...contextFor(LINE), serverCheck: verdict(false) })).toBeNull();
    expect(sessionIdAdopted.explain({ ...contextFor(LINE), serverCheck: null })).toBeNull();
  });

  it("gives PHP's strict mode and regeneration at login", () => {
    expect(sessionIdAdopted.fix.php).toContain('session.use_strict_mode = 1');
    expect(sessionIdAdopted.fix.php).toContain('session_regenerate_id(true)');
  });

  it('grades a session cookie named in the results of --active, and no other cookie', () => {
    const lines = [LINE, 'theme=dark; Path=/'];
    const [name] = LINE.split('=');
    const serverChecks = { idAdopted: [name as string, 'theme'], aliveAfterLogout: [], skipped: [] };
    const cookies = gradeObservations([observationWith(lines)], { serverChecks }).cookies;
    const session = cookies.find((cookie) => cookie.identity.name === name);
    expect(session?.findings.map((finding) => finding.id)).toContain('session-id-adopted');
    expect(session?.grade).toBe('F');
    expect(cookies.find((cookie) => cookie.identity.name === 'theme')?.findings.map((finding) => finding.id)).not.toContain('session-id-adopted');
    expect(gradeObservations([observationWith(lines)]).cookies[0]?.findings.map((finding) => finding.id)).not.toContain('session-id-adopted');
  });
});
