import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { sameSiteNone } from './samesite-none.js';

describe('samesite-none', () => {
  it('fires for SameSite=None with Secure', () => {
    expect(explain(sameSiteNone, 'sid=1; SameSite=None; Secure')).toMatch(/cross-site/);
  });
  it('does not fire for None without Secure (the rejection rule does)', () => {
    expect(explain(sameSiteNone, 'sid=1; SameSite=None')).toBeNull();
  });
  it('does not fire for Lax', () => {
    expect(explain(sameSiteNone, 'sid=1; SameSite=Lax; Secure')).toBeNull();
  });
  it('costs 10 and caps at B', () => {
    expect([sameSiteNone.deduction, sameSiteNone.cap]).toEqual([10, 'B']);
  });
});
