import { describe, expect, it } from 'vitest';
import { exchange } from '../../test/support/trace-builder.js';
import { SITE } from '../../test/support/trace-rule-harness.js';
import { gradeObservations } from '../grade/grade-observations.js';
import { explain } from '../../test/support/rule-harness.js';
import { hstsMissing } from './hsts-missing.js';

describe('hsts-missing', () => {
  it('fires on https without Strict-Transport-Security', () => {
    expect(explain(hstsMissing, 'sid=1')).toMatch(/no Strict-Transport-Security/);
  });
  it('fires when max-age is under a year', () => {
    expect(explain(hstsMissing, 'sid=1', { headers: { 'Strict-Transport-Security': 'max-age=86400' } })).toMatch(/under one year/);
  });
  it('does not fire with max-age of a year or more', () => {
    expect(explain(hstsMissing, 'sid=1', { headers: { 'Strict-Transport-Security': 'max-age="31536000"; includeSubDomains' } })).toBeNull();
  });
  it('does not fire on http', () => {
    expect(explain(hstsMissing, 'sid=1', { url: 'http://localhost:3000/' })).toBeNull();
  });
  it('does not fire on IP addresses or localhost, where HSTS does not apply', () => {
    for (const url of ['https://127.0.0.1:3443/', 'https://[::1]/', 'https://localhost/', 'https://app.localhost/', 'https://10.1.2.3/']) {
      expect(explain(hstsMissing, 'sid=1', { url })).toBeNull();
    }
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
