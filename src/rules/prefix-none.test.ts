import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { prefixNone } from './prefix-none.js';

describe('prefix-none', () => {
  it('fires without a cookie prefix', () => {
    expect(explain(prefixNone, 'sid=1')).toMatch(/__Host-/);
  });
  it('does not fire with __Host- or __Secure-', () => {
    expect(explain(prefixNone, '__Host-sid=1; Secure; Path=/')).toBeNull();
    expect(explain(prefixNone, '__Secure-sid=1; Secure')).toBeNull();
  });
});
