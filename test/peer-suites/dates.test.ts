/** The http-state date tests (abarth/http-state tests/data/dates), through parseCookieDate. */
import { describe, expect, it } from 'vitest';
import { parseCookieDate } from '../../src/core/cookie-date.js';
import { loadSuite } from './peer-cases.js';
import { DATES_SUPERSEDED } from './superseded.js';

interface DateCase {
  readonly test: string;
  readonly expected: string | null;
}

const examples = loadSuite<DateCase[]>('dates-examples.json');
const bsd = loadSuite<DateCase[]>('dates-bsd-examples.json');

function read(text: string): string | null {
  const time = parseCookieDate(text);
  return time === null ? null : new Date(time).toUTCString();
}

describe('http-state date tests through parseCookieDate (the draft reading)', () => {
  it('has every case', () => {
    expect(examples.length + bsd.length).toBe(70);
  });

  it.each([...examples, ...bsd].map((testCase) => [testCase.test, testCase] as const))('%j', (text, testCase) => {
    const expectation = DATES_SUPERSEDED[text];
    expect(read(text), expectation?.reason).toBe(expectation ? expectation.expected : testCase.expected);
  });
});
