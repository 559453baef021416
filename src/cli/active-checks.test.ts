import { describe, expect, it } from 'vitest';
import { identifierPart } from '../core/estimate-entropy.js';
import type { Observation } from '../observation/observation.js';
import { flowRoles, plantedValue } from './active-checks.js';
import { parseFlow, type StepRun } from './flow.js';

/** A deterministic stand-in for crypto.randomInt: 0, 1, 2, ... */
function counter(): (below: number) => number {
  let next = 0;
  return (below) => next++ % below;
}

describe('plantedValue: a made-up value of the real one’s shape', () => {
  it.each([
    ['PHP (26 characters of [0-9a-v])', 'ps8g7snmmnujkqtl3fl95hae4b', /^[0-9a-z]{26}$/],
    ['hex', '9f86d081884c7d659a2feaa0c55ad015', /^[0-9a-f]{32}$/],
    ['upper-case hex', 'D0E1F2A3B4C5D6E7F8091A2B3C4D5E6F', /^[0-9A-F]{32}$/],
    ['digits', '83920174', /^[0-9]{8}$/],
  ])('%s', (_name, real, shape) => {
    const made = plantedValue(real);
    expect(made).toMatch(shape);
    expect(made).not.toBe(real);
  });

  it("keeps express-session's signed s:<id>.<sig> structure, encoded as it came, with a new id", () => {
    const real = 's%3AXk2Q9fYt-3nB_0aLp7ZcR1mVw8eJ4hUd.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlMTIzNDU2Nzg5MA';
    const made = plantedValue(real);
    expect(made).toMatch(/^s%3A[0-9A-Za-z]{8}-[0-9A-Za-z]{3}_[0-9A-Za-z]{19}\.[0-9A-Za-z]+$/);
    expect(made.length).toBe(real.length);
    expect(identifierPart(made)).not.toBe(identifierPart(real));
  });

  it('keeps percent escapes and separators, and never returns the real value', () => {
    expect(plantedValue('ab%2Fcd.ef', counter())).toBe('01%2F23.45');
    // Randomness that first makes the real value again is asked again.
    const answers = [1, 0, 2, 2];
    expect(plantedValue('10', () => answers.shift() ?? 0)).toBe('22');
  });
});

function run(observations: Observation[], index: number, step: string, url: string, method = 'GET', params: string[] | null = null): StepRun {
  observations.push({ url, method, requestHeaders: [], requestBodyParamNames: params, status: 200, responseHeaders: [], time: index });
  const flow = parseFlow(step, 'step.yaml');
  return {
    step: flow.steps[0] as StepRun['step'],
    request: { method, url, body: null, headers: [] },
    start: index,
    end: index + 1,
    cookiesBefore: [],
    status: 200,
    passed: true,
  };
}

describe('flowRoles', () => {
  const base = 'http://127.0.0.1:8080';
  it('finds the login, the logout, and the last step between them with expect.text as the authenticated probe', () => {
    const observations: Observation[] = [];
    const runs = [
      run(observations, 0, 'steps: [{ get: /login, expect: { text: Log in } }]', `${base}/login`),
      run(observations, 1, 'steps: [{ post: /login, expect: { text: Logged in } }]', `${base}/login`, 'POST', ['username', 'password']),
      run(observations, 2, 'steps: [{ get: /profile, expect: { text: Logged in } }]', `${base}/profile`),
      run(observations, 3, 'steps: [{ get: /settings, expect: { status: 200 } }]', `${base}/settings`),
      run(observations, 4, 'steps: [{ post: /logout }]', `${base}/logout`, 'POST'),
      run(observations, 5, 'steps: [{ get: /profile, expect: { text: Log in } }]', `${base}/profile`),
    ];
    const roles = flowRoles(runs, observations);
    expect([roles.login, roles.probe, roles.logout]).toEqual([runs[1], runs[2], runs[4]]);
  });

  it("never takes the login's own page as the probe (sending the password again logs in again)", () => {
    const observations: Observation[] = [];
    const runs = [
      run(observations, 0, 'steps: [{ post: /login, expect: { text: Logged in } }]', `${base}/login`, 'POST', ['password']),
      run(observations, 1, 'steps: [{ get: /profile, expect: { status: 200 } }]', `${base}/profile`),
      run(observations, 2, 'steps: [{ post: /logout }]', `${base}/logout`, 'POST'),
    ];
    expect(flowRoles(runs, observations)).toEqual({ login: runs[0], logout: runs[2], probe: null });
  });
});
