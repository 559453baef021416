/**
 * The two checks both differential tests make, and the figures they print: every case agrees with
 * `storedCookie()` for that browser, and the cases where the browser departs from the draft are
 * exactly the documented ones.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { BROWSER_NAMES, type Browser } from '../../src/core/reader.js';
import { browserDepartures } from './browser-departures.js';
import type { Observed } from './observe-cases.js';
import { compare } from './compare.js';

export interface DifferentialResult {
  readonly cases: number;
  /** Labels where the browser's store differs from `storedCookie()` for the browser, with the fields. */
  readonly disagreements: Readonly<Record<string, readonly string[]>>;
  /** Labels where the browser's store differs from the draft's reading (RFC 6265bis as written). */
  readonly departures: readonly string[];
}

export function differentialResult(observed: readonly Observed[], browser: Browser): DifferentialResult {
  const disagreements: Record<string, readonly string[]> = {};
  const departures: string[] = [];
  for (const observation of observed) {
    const asModelled = compare(observation, browser);
    if (!asModelled.agrees) disagreements[asModelled.label] = asModelled.differences;
    if (!compare(observation, 'rfc').agrees) departures.push(observation.testCase.label);
  }
  const agreeing = observed.length - Object.keys(disagreements).length;
  const documented = Object.keys(browserDepartures(browser)).length;
  const lines = [
    `Differential test against ${BROWSER_NAMES[browser]}: ${agreeing} of ${observed.length} Set-Cookie cases agree with storedCookie({ browser: '${browser}' }).`,
    `The draft's own reading agrees on ${observed.length - departures.length}; the ${departures.length} departures (${documented} documented) are modelled.`,
    ...Object.entries(disagreements).map(([label, differences]) => `disagrees: ${label}: ${differences.join('; ')}`),
    ...departures.filter((label) => !Object.hasOwn(browserDepartures(browser), label)).map((label) => `departs, not documented: ${label}`),
  ];
  console.log(lines.join('\n'));
  mkdirSync('test/e2e/artifacts', { recursive: true });
  writeFileSync(`test/e2e/artifacts/differential-${browser}.txt`, `${lines.join('\n')}\n`);
  return { cases: observed.length, disagreements, departures };
}
