/**
 * The cookie-date parser of RFC 6265bis section 5.1.1 ("Dates"), as browsers run it for the
 * Expires attribute. It is deliberately lenient about token order and separators, and strict
 * about ranges: anything it cannot read yields `null` and the attribute is ignored (section 5.6.1).
 * It works on character positions (no token strings), because Expires is on most Set-Cookie lines.
 *
 * @see https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#name-dates
 */

import type { Reader } from './reader.js';

/**
 * Where a browser's reading of a date departs from the draft (measured by the differential tests
 * against Chromium 156 and Firefox ESR 153):
 * - Chromium reads a year of five or more digits, and clamps a year before 1601 to its earliest
 *   time (the cookie is already expired).
 * - Firefox does that too, and is lenient about the rest: the time may be missing (midnight), and
 *   out-of-range fields roll over (Feb 30 is Mar 1, hour 24 the next day, day 0 the month's eve).
 */

/** What a browser clamps a year before 1601 to: a time long past, so the cookie expires at once. */
const EARLIEST_TIME = Date.UTC(1601, 0, 1);

/** Month abbreviations, three lower-case letters each, packed for comparison by position. */
const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E */
function isDelimiter(code: number): boolean {
  return code === 0x09 || (code >= 0x20 && code <= 0x2f) || (code >= 0x3b && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** End of a run of `min..max` digits at `start` (not followed by another digit), or -1. */
function digitsEnd(input: string, start: number, end: number, min: number, max: number): number {
  let index = start;
  while (index < end && index - start < max && isDigit(input.charCodeAt(index))) index++;
  if (index - start < min) return -1;
  if (index < end && isDigit(input.charCodeAt(index))) return -1;
  return index;
}

function digitsValue(input: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + (input.charCodeAt(i) - 0x30);
  return value;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Two digits at `index`, or -1. */
function twoDigits(input: string, index: number): number {
  const tens = input.charCodeAt(index) - 0x30;
  const ones = input.charCodeAt(index + 1) - 0x30;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/** The month number of the three letters at `index` (any case), or -1. */
function monthAt(input: string, index: number): number {
  const a = input.charCodeAt(index) | 0x20;
  const b = input.charCodeAt(index + 1) | 0x20;
  const c = input.charCodeAt(index + 2) | 0x20;
  for (let m = 0; m < 12; m++) {
    if (MONTHS.charCodeAt(m * 3) === a && MONTHS.charCodeAt(m * 3 + 1) === b && MONTHS.charCodeAt(m * 3 + 2) === c) return m;
  }
  return -1;
}

/**
 * The date when `input` is exactly `Www, DD Mmm YYYY HH:MM:SS GMT` (IMF-fixdate, what
 * `toUTCString` writes) or its `DD-Mmm-YYYY` variant; undefined for any other shape. It gives the
 * same result as the general algorithm below, only without tokenizing.
 */
function parseFixedWidthDate(input: string, at: number, end: number, reader: Reader): number | null | undefined {
  if (end - at !== 29 || input.charCodeAt(at + 3) !== 0x2c || input.charCodeAt(at + 4) !== 0x20) return undefined;
  const separator = input.charCodeAt(at + 7);
  if ((separator !== 0x20 && separator !== 0x2d) || input.charCodeAt(at + 11) !== separator) return undefined;
  if (input.charCodeAt(at + 16) !== 0x20 || input.charCodeAt(at + 19) !== 0x3a || input.charCodeAt(at + 22) !== 0x3a) return undefined;
  if (input.charCodeAt(at + 25) !== 0x20 || input.charCodeAt(at + 26) !== 0x47 || input.charCodeAt(at + 27) !== 0x4d || input.charCodeAt(at + 28) !== 0x54) {
    return undefined;
  }
  const day = twoDigits(input, at + 5);
  const month = monthAt(input, at + 8);
  const century = twoDigits(input, at + 12);
  const yearInCentury = twoDigits(input, at + 14);
  const hour = twoDigits(input, at + 17);
  const minute = twoDigits(input, at + 20);
  const second = twoDigits(input, at + 23);
  if (day < 0 || month < 0 || century < 0 || yearInCentury < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  return validDate(century * 100 + yearInCentury, month, day, hour, minute, second, reader);
}

/** Epoch milliseconds for the fields, or null when a field is out of range or the day does not exist. */
function validDate(year: number, month: number, day: number, hour: number, minute: number, second: number, reader: Reader): number | null {
  if (reader === 'firefox') {
    if (day > 31) return null;
    return year < 1601 ? EARLIEST_TIME : utcTime(year, month, day, hour, minute, second);
  }
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  if (year < 1601) return reader === 'rfc' ? null : EARLIEST_TIME;
  // "If the date does not exist (e.g. February 31), abort."
  const daysInMonth = month === 1 && !isLeapYear(year) ? 28 : (DAYS_IN_MONTH[month] as number);
  if (day > daysInMonth) return null;
  return utcTime(year, month, day, hour, minute, second);
}

/** The latest time a JavaScript Date holds; a later year (only browsers read those) means it. */
const LATEST_TIME = 8.64e15;

function utcTime(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  return year > 275_000 ? LATEST_TIME : Date.UTC(year, month, day, hour, minute, second);
}

/**
 * Parses a cookie-date (the whole string, or `input[from, to)` so a caller need not slice).
 * Returns epoch milliseconds, or `null` when the date is not valid (missing parts, out-of-range
 * fields, a year before 1601, or a day the month does not have). `reader` picks a browser's
 * reading where it departs from the draft.
 */
export function parseCookieDate(input: string, from = 0, to = input.length, reader: Reader = 'rfc'): number | null {
  const fixedWidth = parseFixedWidthDate(input, from, to, reader);
  if (fixedWidth !== undefined) return fixedWidth;
  let hour = -1;
  let minute = -1;
  let second = -1;
  let dayOfMonth = -1;
  let month = -1;
  let year = -1;

  let index = from;
  while (index < to) {
    while (index < to && isDelimiter(input.charCodeAt(index))) index++;
    const start = index;
    while (index < to && !isDelimiter(input.charCodeAt(index))) index++;
    const end = index;
    if (start === end) continue;

    // time = hms-time ( non-digit *OCTET ); hms-time = time-field ":" time-field ":" time-field
    if (hour < 0) {
      const hourEnd = digitsEnd(input, start, end, 1, 2);
      if (hourEnd > 0 && input.charCodeAt(hourEnd) === 0x3a && hourEnd < end) {
        const minuteEnd = digitsEnd(input, hourEnd + 1, end, 1, 2);
        if (minuteEnd > 0 && input.charCodeAt(minuteEnd) === 0x3a && minuteEnd < end) {
          const secondEnd = digitsEnd(input, minuteEnd + 1, end, 1, 2);
          if (secondEnd > 0) {
            hour = digitsValue(input, start, hourEnd);
            minute = digitsValue(input, hourEnd + 1, minuteEnd);
            second = digitsValue(input, minuteEnd + 1, secondEnd);
            continue;
          }
        }
      }
    }
    // day-of-month = 1*2DIGIT ( non-digit *OCTET )
    if (dayOfMonth < 0) {
      const dayEnd = digitsEnd(input, start, end, 1, 2);
      if (dayEnd > 0) {
        dayOfMonth = digitsValue(input, start, dayEnd);
        continue;
      }
    }
    // month = ( "jan" / "feb" / ... ) *OCTET, case-insensitive
    if (month < 0 && end - start >= 3) {
      const found = monthAt(input, start);
      if (found >= 0) {
        month = found;
        continue;
      }
    }
    // year = 2*4DIGIT ( non-digit *OCTET )
    if (year < 0) {
      // Browsers also read longer years (year 10000 is far future, capped like any lifetime).
      const yearEnd = digitsEnd(input, start, end, 2, reader === 'rfc' ? 4 : 9);
      if (yearEnd > 0) {
        year = digitsValue(input, start, yearEnd);
        continue;
      }
    }
  }

  if (hour < 0 && reader === 'firefox') hour = minute = second = 0;
  if (hour < 0 || dayOfMonth < 0 || month < 0 || year < 0) return null;
  if (year >= 70 && year <= 99) year += 1900;
  else if (year >= 0 && year <= 69) year += 2000;
  return validDate(year, month, dayOfMonth, hour, minute, second, reader);
}
