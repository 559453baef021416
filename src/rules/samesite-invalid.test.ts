import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { sameSiteInvalid } from './samesite-invalid.js';

describe('samesite-invalid', () => {
  it('fires for a value other than Strict, Lax or None, and quotes it', () => {
    expect(explain(sameSiteInvalid, 'sid=1; SameSite=true')).toBe(
      '`SameSite=true` is not Strict, Lax or None: the browser ignores it and applies its own default.',
    );
  });
  it('does not fire for valid values in any case', () => {
    for (const value of ['strict', 'LAX', 'None']) expect(explain(sameSiteInvalid, `sid=1; SameSite=${value}; Secure`)).toBeNull();
  });
  it('does not fire without SameSite', () => {
    expect(explain(sameSiteInvalid, 'sid=1')).toBeNull();
  });
  it('costs 20 and caps at B', () => {
    expect([sameSiteInvalid.deduction, sameSiteInvalid.cap]).toEqual([20, 'B']);
  });
});
