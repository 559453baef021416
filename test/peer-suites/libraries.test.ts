/**
 * The browser-behaviour assertions of jshttp/cookie and set-cookie-parser, through parseSetCookie
 * in each reading. Their vocabulary (lower-case SameSite and Priority) is mapped onto ours.
 */
import { describe, expect, it } from 'vitest';
import { parseSetCookie } from '../../src/core/parse-set-cookie.js';
import type { ParsedSetCookie } from '../../src/core/parsed-set-cookie.js';
import { loadSuite } from './peer-cases.js';
import { LIBRARY_BY_BROWSER } from './superseded.js';

interface LibraryCase {
  readonly src: string;
  readonly name: string;
  readonly header: string;
  readonly expected: Readonly<Record<string, unknown>>;
}

const { cases } = loadSuite<{ cases: LibraryCase[] }>('lib-cases.json');

/** Our reading of the fields the case asserts, in the suites' vocabulary. */
function asSuiteFields(cookie: ParsedSetCookie, fields: readonly string[]): Record<string, unknown> {
  const ours: Record<string, unknown> = {
    name: cookie.name,
    value: cookie.value,
    domain: cookie.domain,
    path: cookie.path,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    partitioned: cookie.partitioned,
    maxAge: cookie.maxAge,
    expires: cookie.expires,
    sameSite: cookie.sameSite === null || cookie.sameSite === 'Unrecognized' ? undefined : cookie.sameSite.toLowerCase(),
    priority: cookie.priority?.toLowerCase(),
  };
  return Object.fromEntries(fields.map((field) => [field, ours[field]]));
}

describe('jshttp/cookie and set-cookie-parser assertions through parseSetCookie', () => {
  it('has every case', () => {
    expect(cases).toHaveLength(47);
  });

  for (const reader of ['rfc', 'chromium', 'firefox'] as const) {
    it.each(cases.map((testCase) => [`${testCase.src}: ${testCase.name}`, testCase] as const))(`%s (${reader})`, (label, testCase) => {
      const expectation = LIBRARY_BY_BROWSER[reader]?.[label];
      const expected = expectation ? expectation.expected : testCase.expected;
      expect(asSuiteFields(parseSetCookie(testCase.header, reader), Object.keys(testCase.expected)), expectation?.reason).toEqual(expected);
    });
  }
});
