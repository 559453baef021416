import { describe, expect, it } from 'vitest';
import { exchange } from '../../../test/support/trace-builder.js';
import { SITE, OLD, findingIds, visit } from '../../../test/support/trace-rule-harness.js';

describe('sent-over-http', () => {
  it('fires when a request to a plain-http host carries the cookie', () => {
    const trace = [
      exchange('GET', 'http://app.example.com/', { setCookie: [`sid=${OLD}; Path=/; HttpOnly; SameSite=Lax`] }),
      exchange('GET', 'http://app.example.com/page', { cookie: `sid=${OLD}` }),
    ];
    expect(findingIds(trace)).toContain('sent-over-http');
  });

  it('does not fire over https or to localhost', () => {
    expect(findingIds([visit, exchange('GET', `${SITE}/page`, { cookie: `sid=${OLD}` })])).not.toContain('sent-over-http');
    const local = [
      exchange('GET', 'http://localhost:3000/', { setCookie: [`sid=${OLD}; Path=/`] }),
      exchange('GET', 'http://localhost:3000/page', { cookie: `sid=${OLD}` }),
    ];
    expect(findingIds(local)).not.toContain('sent-over-http');
  });

  it('does not fire for another site that happens to use the same cookie name', () => {
    expect(findingIds([visit, exchange('GET', 'http://other.example.org/', { cookie: `sid=${OLD}` })])).not.toContain('sent-over-http');
  });
});
