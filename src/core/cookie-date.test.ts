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
