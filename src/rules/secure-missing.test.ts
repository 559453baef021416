import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { secureMissing } from './secure-missing.js';

describe('secure-missing', () => {
  it('fires when the cookie has no Secure', () => {
    expect(explain(secureMissing, 'sid=1; HttpOnly')).toMatch(/No Secure/);
  });
  it('does not fire with Secure', () => {
    expect(explain(secureMissing, 'sid=1; Secure')).toBeNull();
  });
  it('costs 40 and caps at D', () => {
    expect([secureMissing.deduction, secureMissing.cap]).toEqual([40, 'D']);
  });
});
