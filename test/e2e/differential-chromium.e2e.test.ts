/**
 * Differential test: what real Chromium stores (CDP Network.getAllCookies) for every case of
 * test/differential/set-cookie-cases.ts, against `storedCookie({ browser: 'chromium' })`. Where
 * Chromium departs from the draft, the case is listed in test/differential/browser-departures.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { browserDepartures } from '../differential/browser-departures.js';
import { observeInChromium } from '../differential/chromium-cookie-jar.js';
import { differentialResult, type DifferentialResult } from '../differential/differential-report.js';
import { differentialCases } from '../differential/set-cookie-cases.js';

let result: DifferentialResult;

beforeAll(async () => {
  result = differentialResult(await observeInChromium(differentialCases()), 'chromium');
});

describe('storedCookie() against real Chromium', () => {
  it('covers at least 340 cases', () => {
    expect(result.cases).toBeGreaterThanOrEqual(340);
  });

  it('agrees on every case', () => {
    expect(result.disagreements).toEqual({});
  });

  it('departs from the draft exactly where the documented differences say', () => {
    expect([...result.departures].sort()).toEqual(Object.keys(browserDepartures('chromium')).sort());
  });
});
