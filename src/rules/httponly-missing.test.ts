import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { httpOnlyMissing } from './httponly-missing.js';

describe('httponly-missing', () => {
  it('fires without HttpOnly', () => {
    expect(explain(httpOnlyMissing, 'sid=1; Secure')).toMatch(/HttpOnly/);
  });
  it('does not fire with HttpOnly in any case', () => {
    expect(explain(httpOnlyMissing, 'sid=1; httponly')).toBeNull();
  });
  it('does not fire on CSRF cookies that script must read by design', () => {
    for (const name of ['XSRF-TOKEN', 'csrftoken', '_csrf', 'csrf_token']) expect(explain(httpOnlyMissing, `${name}=1; Secure`)).toBeNull();
  });
  it('costs 30 and caps at C', () => {
    expect([httpOnlyMissing.deduction, httpOnlyMissing.cap]).toEqual([30, 'C']);
  });
});
