import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { prefixSecureOnly } from './prefix-secure-only.js';

describe('prefix-secure-only', () => {
  it('fires for a __Secure- cookie that meets every __Host- condition', () => {
    expect(explain(prefixSecureOnly, '__Secure-sid=1; Secure; Path=/')).toMatch(/__Host-/);
  });
  it('does not fire when __Host- would not fit (Domain, other Path) or for __Host-', () => {
    expect(explain(prefixSecureOnly, '__Secure-sid=1; Secure; Path=/; Domain=example.com')).toBeNull();
    expect(explain(prefixSecureOnly, '__Secure-sid=1; Secure; Path=/app')).toBeNull();
    expect(explain(prefixSecureOnly, '__Host-sid=1; Secure; Path=/')).toBeNull();
  });
  it('fires for an __Http- cookie that could be __Host-Http-', () => {
    expect(explain(prefixSecureOnly, '__Http-sid=1; Secure; HttpOnly; Path=/')).toMatch(/__Host-Http-/);
  });
});
