/** The IETF http-state parser tests (abarth/http-state), through the CLI's cookie jar. */
import { describe, expect, it } from 'vitest';
import { loadSuite, runJar } from './peer-cases.js';
import { IETF_BY_BROWSER, IETF_SUPERSEDED } from './superseded.js';

interface IetfCase {
  readonly test: string;
  readonly received: readonly string[];
  readonly sent: readonly { name: string; value: string }[];
  readonly 'sent-to'?: string;
}

const ORIGIN = 'http://home.example.org:8888';
const cases = loadSuite<IetfCase[]>('ietf-parser.json');

function readUrl(testCase: IetfCase): string {
  const target = testCase['sent-to'];
  if (target === undefined) return `${ORIGIN}/cookie-parser-result?${testCase.test.toLowerCase()}`;
  return new URL(target, `${ORIGIN}/cookie-parser-result`).href;
}

describe('http-state parser tests (222 cases) through the CLI jar', () => {
  it('has every case', () => {
    expect(cases).toHaveLength(222);
  });

  for (const reader of ['rfc', 'chromium', 'firefox'] as const) {
    it.each(cases.map((testCase) => [testCase.test, testCase] as const))(`%s (${reader})`, (id, testCase) => {
      const sent = runJar({ lines: testCase.received, setUrl: `${ORIGIN}/cookie-parser?${id.toLowerCase()}`, readUrl: readUrl(testCase), reader });
      const expectation = IETF_BY_BROWSER[reader]?.[id] ?? IETF_SUPERSEDED[id];
      expect(sent, expectation?.reason).toEqual(expectation ? expectation.expected : testCase.sent);
    });
  }
});
