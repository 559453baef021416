/**
 * Cases from web-platform-tests' cookies/ folder: lines set over HTTP (or through
 * `document.cookie`), then what `document.cookie` (or a request, filtered to the `only` name)
 * shows, through the CLI's cookie jar in each reading.
 */
import { describe, expect, it } from 'vitest';
import { cookieString, loadSuite, runJar } from './peer-cases.js';
import { WPT_BY_BROWSER, WPT_SUPERSEDED } from './superseded.js';

interface WptCase {
  readonly id: string;
  readonly name: string;
  readonly kind: 'http' | 'dom';
  readonly setUrl: string;
  readonly lines: readonly string[];
  readonly readUrl: string;
  readonly read: 'http' | 'dom';
  readonly expected: string;
  readonly only?: string;
}

const { cases } = loadSuite<{ cases: WptCase[] }>('wpt-cases.json');

function shown(testCase: WptCase, reader: 'rfc' | 'chromium' | 'firefox'): string {
  const cookies = runJar({
    lines: testCase.lines,
    setUrl: testCase.setUrl,
    readUrl: testCase.readUrl,
    setBy: testCase.kind === 'dom' ? 'script' : 'http',
    readBy: testCase.read === 'dom' ? 'script' : 'http',
    reader,
  });
  return cookieString(testCase.only === undefined ? cookies : cookies.filter((cookie) => cookie.name === testCase.only));
}

describe('web-platform-tests cookies cases through the CLI jar', () => {
  it('has every case', () => {
    expect(cases).toHaveLength(705);
  });

  for (const reader of ['rfc', 'chromium', 'firefox'] as const) {
    it.each(cases.map((testCase) => [`${testCase.id} ${testCase.name}`, testCase] as const))(`%s (${reader})`, (_label, testCase) => {
      const expectation = WPT_BY_BROWSER[reader]?.[testCase.id] ?? WPT_SUPERSEDED[testCase.id];
      expect(shown(testCase, reader), expectation?.reason).toBe(expectation ? expectation.expected : testCase.expected);
    });
  }
});
