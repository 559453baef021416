import type { Observed } from './observe-cases.js';
import type { Reader } from '../../src/core/reader.js';
import { predictStoredCookie, type StoreEntry } from './predict-stored-cookie.js';

/** Expiry may differ by the second the request took. */
const EXPIRY_TOLERANCE_SECONDS = 2;

export interface Comparison {
  readonly label: string;
  readonly agrees: boolean;
  /** The fields that differ, as "field: ours vs the browser's". */
  readonly differences: readonly string[];
}

function describe(cookie: StoreEntry | undefined | null): string {
  return cookie ? 'stored' : 'not stored';
}

export function compare(observation: Observed, browser: Reader): Comparison {
  const predicted = predictStoredCookie(observation.testCase.header, observation.url, observation.at, browser);
  const actual = observation.stored[0];
  const differences: string[] = [];
  if (observation.stored.length > 1) differences.push(`the browser stored ${observation.stored.length} cookies`);
  if (!predicted || !actual) {
    if (Boolean(predicted) !== Boolean(actual)) differences.push(`${describe(predicted)} vs ${describe(actual)}`);
  } else {
    for (const field of ['name', 'value', 'domain', 'path', 'secure', 'httpOnly', 'sameSite'] as const) {
      if (predicted[field] !== actual[field]) differences.push(`${field}: ${JSON.stringify(predicted[field])} vs ${JSON.stringify(actual[field])}`);
    }
    const expiryAgrees =
      predicted.expires === actual.expires ||
      (predicted.expires !== null && actual.expires !== null && Math.abs(predicted.expires - actual.expires) <= EXPIRY_TOLERANCE_SECONDS);
    if (!expiryAgrees) differences.push(`expires: ${predicted.expires} vs ${actual.expires}`);
  }
  return { label: observation.testCase.label, agrees: differences.length === 0, differences };
}
