import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { domainParent } from './domain-parent.js';

describe('domain-parent', () => {
  it('fires when Domain is a parent of the host', () => {
    expect(explain(domainParent, 'sid=1; Domain=example.com')).toMatch(/parent/);
  });
  it('does not fire for the host itself, an unrelated domain or no Domain', () => {
    expect(explain(domainParent, 'sid=1; Domain=app.example.com')).toBeNull();
    expect(explain(domainParent, 'sid=1; Domain=other.com')).toBeNull();
    expect(explain(domainParent, 'sid=1')).toBeNull();
  });
});
