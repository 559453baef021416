import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { sameSiteMissing } from './samesite-missing.js';

describe('samesite-missing', () => {
  it('fires when the line has no SameSite attribute', () => {
    expect(explain(sameSiteMissing, 'sid=1; Secure')).toMatch(/No SameSite/);
  });
  it('does not fire with a valid SameSite', () => {
    expect(explain(sameSiteMissing, 'sid=1; SameSite=Lax')).toBeNull();
  });
  it('does not fire for an invalid SameSite (samesite-invalid does)', () => {
    expect(explain(sameSiteMissing, 'sid=1; SameSite=yes')).toBeNull();
  });
  it('costs 20 and caps at B', () => {
    expect([sameSiteMissing.deduction, sameSiteMissing.cap]).toEqual([20, 'B']);
  });
});
