/**
 * Where each browser departs from RFC 6265bis as written, case by case, named by the known
 * difference (src/browsers/known-differences.ts) that explains it. The differential tests check
 * that the product's model matches the browser on every case, and that this list is exactly the
 * set of cases where the browser and the draft differ.
 */
import { KNOWN_DIFFERENCES, type KnownDifferenceId } from '../../src/browsers/known-differences.js';
import type { Browser } from '../../src/core/reader.js';

const CASES: Readonly<Record<Browser, Readonly<Record<string, KnownDifferenceId>>>> = {
  chromium: {
    'tab inside value [secure]': 'tab',
    'tab inside value [insecure]': 'tab',
    'tab inside name [secure]': 'tab',
    'tab inside name [insecure]': 'tab',
    'Max-Age with plus [secure]': 'plusMaxAge',
    'Max-Age with plus [insecure]': 'plusMaxAge',
    'Max-Age with plus [local]': 'plusMaxAge',
    'Max-Age "+0" [secure]': 'plusMaxAge',
    'Expires year 1600 [secure]': 'yearBefore1601',
    'Expires year 10000 [secure]': 'fiveDigitYear',
  },
  firefox: {
    'no equals [secure]': 'noEquals',
    'no equals [insecure]': 'noEquals',
    'no equals, then attributes [secure]': 'noEquals',
    'nameless __Host- value [secure]': 'noEquals',
    'nameless __Host- value [local]': 'noEquals',
    'empty name [secure]': 'namelessWithEquals',
    'empty name [insecure]': 'namelessWithEquals',
    'empty name with spaces [secure]': 'namelessWithEquals',
    'empty name with spaces [insecure]': 'namelessWithEquals',
    'Expires Feb 30 [secure]': 'lenientDates',
    'Expires Feb 31 [secure]': 'lenientDates',
    'Expires Apr 31 [secure]': 'lenientDates',
    'Expires hour 24 [secure]': 'lenientDates',
    'Expires hour 25 [secure]': 'lenientDates',
    'Expires minute 60 [secure]': 'lenientDates',
    'Expires second 60 [secure]': 'lenientDates',
    'Expires day 0 [secure]': 'lenientDates',
    'Expires no time [secure]': 'lenientDates',
    'Expires no time, no weekday [secure]': 'lenientDates',
    'Expires near past, no time [secure]': 'lenientDates',
    'Expires year 1600 [secure]': 'yearBefore1601',
    'Expires year 10000 [secure]': 'fiveDigitYear',
    'Max-Age "-" [secure]': 'minusMaxAge',
    'Max-Age "--1" [secure]': 'minusMaxAge',
    'Max-Age "-+1" [secure]': 'minusMaxAge',
  },
};

/** Each documented departure of `browser`: case label and the reason. */
export function browserDepartures(browser: Browser): Readonly<Record<string, string>> {
  return Object.fromEntries(
    Object.entries(CASES[browser]).map(([label, id]) => {
      const difference = KNOWN_DIFFERENCES[id];
      if (!(difference.browsers as readonly Browser[]).includes(browser)) throw new Error(`${label}: ${id} is not a ${browser} difference`);
      return [label, difference.text];
    }),
  );
}
