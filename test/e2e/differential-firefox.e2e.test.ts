/**
 * Differential test: what real Firefox ESR stores (Services.cookies, through Marionette) for every case of
 * test/differential/set-cookie-cases.ts, against `storedCookie({ browser: 'firefox' })`. Where
 * Firefox ESR departs from the draft, the case is listed in test/differential/browser-departures.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { browserDepartures } from '../differential/browser-departures.js';
import { observeInFirefox } from '../differential/firefox-cookie-jar.js';
import { differentialResult, type DifferentialResult } from '../differential/differential-report.js';
import { differentialCases } from '../differential/set-cookie-cases.js';

let result: DifferentialResult;

beforeAll(async () => {
  result = differentialResult(await observeInFirefox(differentialCases()), 'firefox');
});

describe('storedCookie() against real Firefox ESR', () => {
  it('covers at least 340 cases', () => {
    expect(result.cases).toBeGreaterThanOrEqual(340);
  });

  it('agrees on every case', () => {
    expect(result.disagreements).toEqual({});
  });

  it('departs from the draft exactly where the documented differences say', () => {
    expect([...result.departures].sort()).toEqual(Object.keys(browserDepartures('firefox')).sort());
  });
});
