/**
 * The known browser differences of rubric section 1: where Chromium or Firefox departs from
 * RFC 6265bis as written. Each is modelled by `parseSetCookie(line, browser)` and measured, case
 * by case, by the differential tests against Chromium 156 and Firefox ESR 153.
 */
import type { Browser } from '../core/reader.js';

export interface KnownDifference {
  readonly browsers: readonly Browser[];
  readonly text: string;
}

export const KNOWN_DIFFERENCES = {
  tab: {
    browsers: ['chromium'],
    text: 'Chromium drops a line with a tab inside the name, the value or an attribute (`Sec\\ture`, `Path=/a\\tb`; a tab around them is trimmed); the draft (5.6 step 1) exempts HTAB, and Firefox keeps it.',
  },
  namelessValueWithEquals: {
    browsers: ['chromium'],
    text: 'Chromium drops a nameless cookie whose value contains "=" (`=a=b`), which would read back as a name; the draft keeps it (Firefox drops every nameless pair written with "=").',
  },
  plusMaxAge: {
    browsers: ['chromium'],
    text: 'Chromium reads `Max-Age=+60` as 60 seconds; the draft allows only "-", so the draft and Firefox ignore the attribute.',
  },
  minusMaxAge: {
    browsers: ['firefox'],
    text: 'Firefox expires the cookie for a Max-Age that starts with "-" but is no number (`-`, `--1`); the draft and Chromium ignore the attribute.',
  },
  yearBefore1601: {
    browsers: ['chromium', 'firefox'],
    text: 'Both browsers clamp an Expires year before 1601 to their earliest time, so the cookie is already expired; the draft calls the date invalid and ignores it.',
  },
  fiveDigitYear: {
    browsers: ['chromium', 'firefox'],
    text: 'Both browsers read an Expires year of five or more digits (the lifetime is then capped at 400 days); the draft reads years of 2 to 4 digits only.',
  },
  noEquals: {
    browsers: ['firefox'],
    text: 'Firefox reads a pair without "=" as a name with an empty value; the draft and Chromium read it as a nameless value (so `__Host-sid; Secure; Path=/` is a valid `__Host-` cookie in Firefox only).',
  },
  namelessWithEquals: {
    browsers: ['firefox'],
    text: 'Firefox drops a nameless pair written with "=" (`=value`; pref network.cookie.block_nameless_with_equal_char); the draft and Chromium keep it.',
  },
  lenientDates: {
    browsers: ['firefox'],
    text: 'Firefox reads Expires dates the draft refuses: a missing time (midnight), out-of-range fields rolled over (Feb 30, hour 24, minute 60, day 0).',
  },
} as const satisfies Readonly<Record<string, KnownDifference>>;

export type KnownDifferenceId = keyof typeof KNOWN_DIFFERENCES;
