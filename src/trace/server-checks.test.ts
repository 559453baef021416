import { describe, expect, it } from 'vitest';
import { observationWith, STRONG_ID } from '../../test/support/rule-harness.js';
import { gradeObservations } from '../grade/grade-observations.js';

const LINE = `connect.sid=s%3A${STRONG_ID}.c2lnbmF0dXJl; Path=/; HttpOnly; Secure; SameSite=Lax`;

describe('what --active could not check', () => {
  it('is the note active-check-skipped on each session cookie, naming what the flow lacks; nothing is scored', () => {
    const skipped = ['session-alive-after-logout not checked: the flow has no logout step (a request to a path such as /logout)'];
    const withNote = gradeObservations([observationWith([LINE])], { serverChecks: { aliveAfterLogout: [], idAdopted: [], skipped } }).cookies[0];
    const without = gradeObservations([observationWith([LINE])]).cookies[0];
    expect(withNote?.notes.find((note) => note.id === 'active-check-skipped')?.message).toBe(
      'Not verified on the server (--active): session-alive-after-logout not checked: the flow has no logout step (a request to a path such as /logout).',
    );
    expect(withNote?.score).toBe(without?.score);
    expect(without?.notes.map((note) => note.id)).not.toContain('active-check-skipped');
  });

  it('is not given to a cookie that is no session cookie', () => {
    const theme = gradeObservations([observationWith(['theme=dark; Path=/'])], { serverChecks: { aliveAfterLogout: [], idAdopted: [], skipped: ['x'] } })
      .cookies[0];
    expect(theme?.notes.map((note) => note.id)).not.toContain('active-check-skipped');
  });
});
