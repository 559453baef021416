import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { domainHost } from './domain-host.js';

describe('domain-host', () => {
  it('fires when Domain names the response host', () => {
    expect(explain(domainHost, 'sid=1; Domain=.APP.example.com')).toMatch(/host-only/);
  });
  it('does not fire for a parent domain or without Domain', () => {
    expect(explain(domainHost, 'sid=1; Domain=example.com')).toBeNull();
    expect(explain(domainHost, 'sid=1')).toBeNull();
  });
});
