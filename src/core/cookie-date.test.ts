import { describe, expect, it } from 'vitest';
import { parseCookieDate } from './cookie-date.js';

describe('parseCookieDate (RFC 6265bis 5.1.1)', () => {
  it.each([
    ['Wed, 21 Oct 2015 07:28:00 GMT', Date.UTC(2015, 9, 21, 7, 28, 0)],
    ['Wednesday, 21-Oct-15 07:28:00 GMT', Date.UTC(2015, 9, 21, 7, 28, 0)],
    ['Wed Oct 21 07:28:00 2015', Date.UTC(2015, 9, 21, 7, 28, 0)],
    ['21 october 2015 7:8:9', Date.UTC(2015, 9, 21, 7, 8, 9)],
    ['Thu, 01 Jan 1970 00:00:00 GMT', 0],
    ['Thu, 01-Jan-70 00:00:01 GMT', 1000],
    ['Sat, 01 Jan 2000 00:00:00 GMT', Date.UTC(2000, 0, 1)],
    ['1 Jan 69 00:00:00', Date.UTC(2069, 0, 1)],
    ['29 Feb 2024 12:00:00', Date.UTC(2024, 1, 29, 12)],
  ])('reads %j', (text, expected) => {
    expect(parseCookieDate(text)).toBe(expected);
  });

  it.each([
    'tomorrow',
    '',
    '21 Oct 2015', // no time
    '07:28:00 2015 Oct', // no day of month... "2015" is too long for a day, so no day
    '32 Oct 2015 07:28:00',
    '21 Oct 1600 07:28:00',
    '21 Oct 2015 24:00:00',
    '21 Oct 2015 07:60:00',
    '30 Feb 2015 07:28:00',
    '21 Foo 2015 07:28:00',
  ])('rejects %j', (text) => {
    expect(parseCookieDate(text)).toBeNull();
  });
});

describe('parseCookieDate: leap years', () => {
  it('accepts 29 February in a leap year and rejects it otherwise', () => {
    expect(parseCookieDate('29 Feb 2000 00:00:00')).toBe(Date.UTC(2000, 1, 29));
    expect(parseCookieDate('29 Feb 1900 00:00:00')).toBeNull();
    expect(parseCookieDate('29 Feb 2023 00:00:00')).toBeNull();
  });

  it('rejects a time token with three-digit fields', () => {
    expect(parseCookieDate('1 Jan 2030 123:00:00')).toBeNull();
  });
});

describe('parseCookieDate: the fixed-width fast path agrees with the general algorithm', () => {
  it.each([
    'Wed, 21 Oct 2015 07:28:00 GMT',
    'Wed, 21-Oct-2015 07:28:00 GMT',
    'wed, 21 OCT 2015 07:28:00 GMT',
    'Sat, 29 Feb 2020 23:59:59 GMT',
    'Sun, 29 Feb 2021 00:00:00 GMT',
    'Mon, 01 Jan 1600 00:00:00 GMT',
    'Tue, 31 Apr 2030 00:00:00 GMT',
    'Tue, 01 Jan 2030 24:00:00 GMT',
    'Tue, 00 Jan 2030 00:00:00 GMT',
  ])('%s', (text) => {
    // The same date with a trailing space takes the general path.
    expect(parseCookieDate(text)).toBe(parseCookieDate(`${text} `));
  });

  it('reads every date toUTCString writes', () => {
    for (let time = Date.UTC(1970, 0, 1); time < Date.UTC(2100, 0, 1); time += 997 * 86_400_000 + 12_345_000) {
      expect(parseCookieDate(new Date(time).toUTCString())).toBe(time - (time % 1000));
    }
  });
});
