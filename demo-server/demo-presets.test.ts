/**
 * Each preset over http and https, graded by the core grader. The expected letters and finding ids
 * are worked out by hand from shared/rubric.md (never computed by the grader):
 *
 * defaults  `connect.sid=s%3A...; Path=/; HttpOnly`
 *   http:  secure-missing 40 (cap D), samesite-missing 20 (cap B), prefix-none 5, name-default 2,
 *          cache-control-missing 3 -> 30 -> D
 *   https: the same -> 30 -> D (hsts-missing does not apply on 127.0.0.1: the note hsts-not-applicable)
 * tutorial  `...; Path=/; Expires=<in 1 h>; HttpOnly; SameSite=Strict` (lifetime exactly 1 h: no deduction)
 *   http:  secure-missing 40, prefix-none 5, name-default 2, cache-control-missing 3 -> 50 -> D (cap D)
 *   https: the same -> 50 -> D
 * insecure  `...; Path=/; SameSite=None`
 *   http:  rejected-samesite-none-insecure (cap F), secure-missing 40, httponly-missing 30,
 *          prefix-none 5, name-default 2, cache-control-missing 3 -> 20 -> F
 *   https: the same -> 20 -> F
 * hardened  `__Host-sid=...; Path=/; Expires=<in 15 min>; HttpOnly; Secure; SameSite=Strict`,
 *           with no-store and HSTS max-age=31536000
 *   http:  secure: true over http sends no cookie at all -> site grade none
 *   https: no finding -> 100, but no login seen -> A with the note a-plus-needs-login
 * The id is express-session's 24 random bytes (192 bits by the rubric's estimate): no entropy finding.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { gradeObservations } from '../src/grade/grade-observations.js';
import { observationFromResponse } from '../src/observation/observation-from-response.js';
import { startDemo, type RunningDemo } from '../test/support/demo-servers.js';
import { PRESETS, type PresetName } from './demo-config.js';

let demo: RunningDemo | undefined;
afterEach(async () => {
  await demo?.close();
  demo = undefined;
});

async function gradePreset(preset: PresetName, scheme: 'http' | 'https') {
  demo = await startDemo(PRESETS[preset]);
  const origin = scheme === 'http' ? demo.http.origin : demo.https.origin;
  const response = await demo.agent(scheme).get('/');
  return gradeObservations([
    observationFromResponse({ url: `${origin}/`, status: response.status, headers: response.headers as Record<string, string | string[]> }),
  ]);
}

const BASE = ['prefix-none', 'name-default', 'cache-control-missing'];

describe.each([
  ['defaults', 'http', 'D', ['secure-missing', 'samesite-missing', ...BASE]],
  ['defaults', 'https', 'D', ['secure-missing', 'samesite-missing', ...BASE]],
  ['tutorial', 'http', 'D', ['secure-missing', ...BASE]],
  ['tutorial', 'https', 'D', ['secure-missing', ...BASE]],
  ['insecure', 'http', 'F', ['rejected-samesite-none-insecure', 'secure-missing', 'httponly-missing', ...BASE]],
  ['insecure', 'https', 'F', ['rejected-samesite-none-insecure', 'secure-missing', 'httponly-missing', ...BASE]],
  ['hardened', 'https', 'A', []],
] as const)('the %s preset over %s', (preset, scheme, letter, findingIds) => {
  it(`grades ${letter} with ${findingIds.length ? findingIds.join(', ') : 'no finding'}`, async () => {
    const trace = await gradePreset(preset, scheme);
    expect(trace.cookies).toHaveLength(1);
    expect(trace.cookies[0]?.findings.map((finding) => finding.id)).toEqual(findingIds);
    expect(trace.cookies[0]?.grade).toBe(letter);
    expect(trace.grade).toBe(letter);
  });
});

describe('the hardened preset', () => {
  it('sends no cookie over plain http, so there is nothing to grade', async () => {
    const trace = await gradePreset('hardened', 'http');
    expect(trace.cookies).toEqual([]);
    expect(trace.grade).toBe('none');
  });

  it('says that only an observed login stands between it and A+', async () => {
    const trace = await gradePreset('hardened', 'https');
    expect(trace.cookies[0]?.notes.map((note) => note.id)).toContain('a-plus-needs-login');
    expect(trace.cookies[0]?.score).toBe(100);
  });
});
