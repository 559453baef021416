import { describe, expect, it } from 'vitest';
import { exchange } from '../../../test/support/trace-builder.js';
import { gradeObservations } from '../../grade/grade-observations.js';
import { SITE, OLD, NEW, ATTRIBUTES, findingIds, notes, visit } from '../../../test/support/trace-rule-harness.js';

describe('no-rotation-on-login and rotated-on-login', () => {
  const login = (shape: Parameters<typeof exchange>[2]) =>
    exchange('POST', `${SITE}/login`, { cookie: `sid=${OLD}`, body: ['username', 'password'], ...shape });

  it('fires when requests after the login still carry the old id', () => {
    const trace = [visit, login({ location: '/profile', status: 303 }), exchange('GET', `${SITE}/profile`, { cookie: `sid=${OLD}` })];
    expect(findingIds(trace)).toContain('no-rotation-on-login');
    expect(gradeObservations(trace).cookies[0]?.grade).toBe('D');
  });

  it('does not fire, and notes rotated-on-login, when the login response sets a new id', () => {
    const trace = [visit, login({ setCookie: [`sid=${NEW}; ${ATTRIBUTES}`] }), exchange('GET', `${SITE}/profile`, { cookie: `sid=${NEW}` })];
    expect(findingIds(trace)).not.toContain('no-rotation-on-login');
    expect(notes(trace)).toContain('rotated-on-login');
  });

  it('follows redirects: a login that rotates on a later hop is rotated', () => {
    const trace = [
      visit,
      login({ location: '/session/start', status: 302 }),
      exchange('GET', `${SITE}/session/start`, { cookie: `sid=${OLD}`, location: '/profile', setCookie: [`sid=${NEW}; ${ATTRIBUTES}`] }),
      exchange('GET', `${SITE}/profile`, { cookie: `sid=${NEW}` }),
    ];
    expect(findingIds(trace)).not.toContain('no-rotation-on-login');
    expect(notes(trace)).toContain('rotated-on-login');
  });

  it('says the finding is about an earlier id once the cookie holds a new one no login carried (after a clear)', () => {
    const kept = [visit, login({ location: '/profile', status: 303 }), exchange('GET', `${SITE}/profile`, { cookie: `sid=${OLD}` })];
    const message = (trace: typeof kept) =>
      gradeObservations(trace)
        .cookies.find((cookie) => !cookie.deletion)
        ?.findings.find((finding) => finding.id === 'no-rotation-on-login')?.message ?? 'no finding';
    expect(message(kept)).not.toContain('earlier id');
    // The site's cookies cleared and the page reloaded: the server sets a new id, not logged in.
    const cleared = [
      ...kept,
      exchange('GET', `${SITE}/`, { setCookie: [`sid=${NEW}; ${ATTRIBUTES}`] }),
      exchange('GET', `${SITE}/x`, { cookie: `sid=${NEW}` }),
    ];
    expect(message(cleared)).toContain('This is about an earlier id of this cookie');
  });

  it('recognises a login by its path as well as by a password field', () => {
    const trace = [visit, exchange('POST', `${SITE}/auth/callback`, { cookie: `sid=${OLD}` }), exchange('GET', `${SITE}/home`, { cookie: `sid=${OLD}` })];
    expect(findingIds(trace)).toContain('no-rotation-on-login');
  });

  it('proves nothing when the login carried no session cookie', () => {
    const trace = [
      exchange('POST', `${SITE}/login`, { body: ['password'], setCookie: [`sid=${NEW}; ${ATTRIBUTES}`] }),
      exchange('GET', `${SITE}/x`, { cookie: `sid=${NEW}` }),
    ];
    expect(findingIds(trace)).not.toContain('no-rotation-on-login');
    expect(notes(trace)).not.toContain('rotated-on-login');
  });
});

describe('failed logins (rubric section 5)', () => {
  it('trigger no no-rotation-on-login, and are not rotations', () => {
    const trace = [
      visit,
      exchange('POST', `${SITE}/login`, { cookie: `sid=${OLD}`, status: 401, body: ['username', 'password'] }),
      exchange('GET', `${SITE}/`, { cookie: `sid=${OLD}` }),
    ];
    expect(findingIds(trace)).not.toContain('no-rotation-on-login');
    expect(notes(trace)).not.toContain('rotated-on-login');
  });
});
