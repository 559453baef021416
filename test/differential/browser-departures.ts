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
    // The public suites' lines (test/fixtures/peer-suites/), measured in Chromium 156.
    'http-state NAME0017 line 1 [secure]': 'namelessValueWithEquals',
    'http-state NAME0025 line 1 [secure]': 'namelessValueWithEquals',
    'http-state NAME0033 line 1 [secure]': 'namelessValueWithEquals',
    'wpt name/name.html#2 line 1 [secure]': 'namelessValueWithEquals',
    'wpt name/name.html#3 line 1 [secure]': 'namelessValueWithEquals',
    'wpt name/name.html#13 line 1 [secure]': 'namelessValueWithEquals',
    'wpt attributes/attributes-ctl.sub.html#290 line 1 [secure]': 'tab',
    'wpt attributes/attributes-ctl.sub.html#292 line 1 [secure]': 'tab',
    'wpt attributes/attributes-ctl.sub.html#294 line 1 [secure]': 'tab',
    'wpt attributes/attributes-ctl.sub.html#296 line 1 [secure]': 'tab',
    'wpt attributes/attributes-ctl.sub.html#298 line 1 [secure]': 'tab',
    'wpt name/name-ctl.html#582 line 1 [secure]': 'tab',
    'wpt value/value-ctl.html#612 line 1 [secure]': 'tab',
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
    // The public suites' lines (test/fixtures/peer-suites/), measured in Firefox ESR 153.
    'http-state 0004 line 1 [secure]': 'noEquals',
    'http-state 0021 line 2 [secure]': 'namelessWithEquals',
    'http-state 0027 line 2 [secure]': 'noEquals',
    'http-state CHROMIUM0009 line 1 [secure]': 'noEquals',
    'http-state CHROMIUM0010 line 1 [secure]': 'noEquals',
    'http-state CHROMIUM0012 line 1 [secure]': 'namelessWithEquals',
    'http-state MOZILLA0012 line 2 [secure]': 'noEquals',
    'http-state MOZILLA0014 line 1 [secure]': 'noEquals',
    'http-state MOZILLA0015 line 2 [secure]': 'noEquals',
    'http-state MOZILLA0016 line 3 [secure]': 'namelessWithEquals',
    'http-state NAME0017 line 1 [secure]': 'namelessWithEquals',
    'http-state NAME0023 line 1 [secure]': 'noEquals',
    'http-state NAME0025 line 1 [secure]': 'namelessWithEquals',
    'http-state NAME0028 line 1 [secure]': 'namelessWithEquals',
    'http-state NAME0031 line 1 [secure]': 'noEquals',
    'http-state NAME0032 line 1 [secure]': 'noEquals',
    'http-state NAME0033 line 1 [secure]': 'namelessWithEquals',
    'http-state NAME0033 line 2 [secure]': 'noEquals',
    'wpt name/name.html#2 line 1 [secure]': 'namelessWithEquals',
    'wpt name/name.html#3 line 1 [secure]': 'namelessWithEquals',
    'wpt name/name.html#4 line 1 [secure]': 'namelessWithEquals',
    'wpt name/name.html#8 line 1 [secure]': 'noEquals',
    'wpt name/name.html#11 line 1 [secure]': 'noEquals',
    'wpt name/name.html#12 line 1 [secure]': 'noEquals',
    'wpt name/name.html#13 line 1 [secure]': 'namelessWithEquals',
    'wpt name/name.html#13 line 2 [secure]': 'noEquals',
    'wpt name/name.html#14 line 2 [secure]': 'noEquals',
    'wpt name/name.html#15 line 3 [secure]': 'namelessWithEquals',
    'wpt name/name.html#22 line 2 [secure]': 'namelessWithEquals',
    'wpt name/name.html#23 line 1 [secure]': 'noEquals',
    'wpt name/name.html#23 line 2 [secure]': 'noEquals',
    'wpt value/value.html#51 line 1 [secure]': 'noEquals',
    'wpt value/value.html#52 line 1 [secure]': 'noEquals',
    'wpt value/value.html#54 line 1 [secure]': 'namelessWithEquals',
    'wpt attributes/max-age.html#81 line 2 [secure]': 'noEquals',
    'wpt attributes/invalid.html#104 line 1 [secure]': 'noEquals',
    'wpt attributes/invalid.html#105 line 1 [secure]': 'noEquals',
    'wpt attributes/invalid.html#106 line 1 [secure]': 'noEquals',
    'wpt attributes/invalid.html#107 line 1 [secure]': 'noEquals',
    'wpt size/name-and-value.html#641 line 1 [secure]': 'namelessWithEquals',
    'jshttp: should handle missing equals sign [secure]': 'noEquals',
    'scp: no = : empty name, value is the pair [secure]': 'noEquals',
    'scp: no = : empty name, with SameSite=None;Secure [secure]': 'noEquals',
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
