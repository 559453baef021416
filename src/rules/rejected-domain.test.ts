import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { rejectedDomain } from './rejected-domain.js';

describe('rejected-domain', () => {
  it('fires for a Domain the host is not under', () => {
    expect(explain(rejectedDomain, 'sid=1; Domain=other.com')).toMatch(/does not match/);
  });
  it('fires for a public suffix', () => {
    expect(explain(rejectedDomain, 'sid=1; Domain=com')).toMatch(/public suffix/);
    expect(explain(rejectedDomain, 'sid=1; Domain=github.io', { url: 'https://me.github.io/' })).toMatch(/public suffix/);
  });
  it('does not fire for the host or a registrable parent', () => {
    expect(explain(rejectedDomain, 'sid=1; Domain=app.example.com')).toBeNull();
    expect(explain(rejectedDomain, 'sid=1; Domain=.Example.com')).toBeNull();
  });
  it('does not fire without Domain', () => {
    expect(explain(rejectedDomain, 'sid=1')).toBeNull();
  });
});
