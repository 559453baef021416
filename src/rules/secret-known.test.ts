import { describe, expect, it } from 'vitest';
import { contextFor, observationWith, STRONG_ID } from '../../test/support/rule-harness.js';
import { gradeObservations } from '../grade/grade-observations.js';
import type { SecretMatch } from '../secrets/known-secret-check.js';
import { secretKnown } from './secret-known.js';

const LINE = `connect.sid=s%3A${STRONG_ID}.c2lnbmF0dXJl; Path=/; HttpOnly; Secure; SameSite=Lax`;
const bundled: SecretMatch = { scheme: 'express-session', source: { list: 'bundled', secret: 'keyboard cat', group: 'tutorials' } };
const ownList: SecretMatch = { scheme: 'itsdangerous', source: { list: 'file', file: 'secrets.txt', line: 42 } };

describe('secret-known', () => {
  it('fires when a known secret verifies the signature, naming a public secret', () => {
    const context = { ...contextFor(LINE), secretMatch: bundled };
    expect(secretKnown.explain(context)).toBe(
      'The cookie\'s express-session signature verifies with the publicly known secret "keyboard cat": anyone can forge a session for any user.',
    );
    expect(secretKnown.fixFor?.(context)).toEqual({ 'express-session': expect.stringContaining('process.env.SESSION_SECRET') });
  });

  it("names the file and line of the user's own list, never the secret, and gives the signing framework's fix", () => {
    const context = { ...contextFor(LINE), secretMatch: ownList };
    const message = secretKnown.explain(context) ?? '';
    expect(message).toContain('a secret from your list (secrets.txt, line 42)');
    expect(Object.keys(secretKnown.fixFor?.(context) ?? {})).toEqual(['express-session', 'flask']);
  });

  it('does not fire without a match', () => {
    expect(secretKnown.explain(contextFor(LINE))).toBeNull();
  });

  it('caps the grade at F, for a cookie seen only in requests too (rubric 2.3)', () => {
    const value = `s%3A${STRONG_ID}.c2lnbmF0dXJl`;
    const set = gradeObservations([observationWith([LINE])], { secretMatches: new Map([[value, bundled]]) }).cookies[0];
    expect(set?.findings.map((finding) => finding.id)).toContain('secret-known');
    expect(set?.grade).toBe('F');
    const sentOnly = gradeObservations([{ ...observationWith([]), requestHeaders: [{ name: 'Cookie', value: `connect.sid=${value}` }] }], {
      secretMatches: new Map([[value, bundled]]),
    }).cookies[0];
    expect([sentOnly?.gradedFrom, sentOnly?.grade, sentOnly?.findings.map((finding) => finding.id)]).toEqual([
      'sent',
      'F',
      expect.arrayContaining(['secret-known']),
    ]);
  });
});
