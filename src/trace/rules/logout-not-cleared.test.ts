import { describe, expect, it } from 'vitest';
import { exchange } from '../../../test/support/trace-builder.js';
import { gradeObservations } from '../../grade/grade-observations.js';
import { SITE, OLD, NEW, ATTRIBUTES, findingIds, visit } from '../../../test/support/trace-rule-harness.js';

describe('logout-not-cleared', () => {
  const logout = (shape: Parameters<typeof exchange>[2] = {}) => exchange('POST', `${SITE}/logout`, { cookie: `sid=${OLD}`, ...shape });

  it('fires when no Set-Cookie deletes or replaces the cookie after logout', () => {
    expect(findingIds([visit, logout({ location: '/', status: 303 }), exchange('GET', `${SITE}/`, { cookie: `sid=${OLD}` })])).toContain('logout-not-cleared');
  });

  it('does not fire for a logout that clears with Max-Age=0', () => {
    expect(findingIds([visit, logout({ setCookie: ['sid=; Path=/; Max-Age=0'] })])).not.toContain('logout-not-cleared');
  });

  it('does not fire for a logout that clears with an Expires in the past, on a redirect hop', () => {
    const trace = [
      visit,
      logout({ location: '/bye', status: 302 }),
      exchange('GET', `${SITE}/bye`, { cookie: `sid=${OLD}`, setCookie: ['sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT'] }),
    ];
    expect(findingIds(trace)).not.toContain('logout-not-cleared');
  });

  it('does not fire for a logout that replaces the id', () => {
    expect(findingIds([visit, logout({ setCookie: [`sid=${NEW}; ${ATTRIBUTES}`] })])).not.toContain('logout-not-cleared');
  });

  it('costs 10 without a cap', () => {
    const entry = gradeObservations([visit, logout()]).cookies[0];
    expect(entry?.findings.find((finding) => finding.id === 'logout-not-cleared')).toMatchObject({ deduction: 10, cap: null });
  });
});
