/**
 * Differential tests: what real Chromium (CDP Network.getAllCookies) and real Firefox ESR
 * (Services.cookies, through Marionette) store for every case of
 * test/differential/set-cookie-cases.ts, against `storedCookie({ browser })`. Where a browser
 * departs from the draft, the case is listed in test/differential/browser-departures.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '../../src/core/reader.js';
import { browserDepartures } from '../differential/browser-departures.js';
import { observeInChromium } from '../differential/chromium-cookie-jar.js';
import { differentialResult, type DifferentialResult } from '../differential/differential-report.js';
import { observeInFirefox } from '../differential/firefox-cookie-jar.js';
import type { Observed } from '../differential/observe-cases.js';
import { differentialCases, type SetCookieCase } from '../differential/set-cookie-cases.js';

const OBSERVERS: Readonly<Record<Browser, (cases: readonly SetCookieCase[]) => Promise<Observed[]>>> = {
  chromium: observeInChromium,
  firefox: observeInFirefox,
};

describe.each(['chromium', 'firefox'] as const)('storedCookie() against real %s', (browser) => {
  let result: DifferentialResult;

  beforeAll(async () => {
    result = differentialResult(await OBSERVERS[browser](differentialCases()), browser);
  });

  it('covers at least 340 cases', () => {
    expect(result.cases).toBeGreaterThanOrEqual(340);
  });

  it('agrees on every case', () => {
    expect(result.disagreements).toEqual({});
  });

  it('departs from the draft exactly where the documented differences say', () => {
    expect([...result.departures].sort()).toEqual(Object.keys(browserDepartures(browser)).sort());
  });
});
