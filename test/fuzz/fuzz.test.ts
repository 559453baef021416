/**
 * Property-based fuzzing of everything that reads outside input: the parser, the HAR reader, the
 * grader and the reports. Nothing throws, and every report is valid.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSetCookie } from '../../src/core/parse-set-cookie.js';
import { gradeObservations } from '../../src/grade/grade-observations.js';
import type { Observation } from '../../src/observation/observation.js';
import { readHar } from '../../src/observation/read-har.js';
import { buildJsonReport, type JsonReport } from '../../src/report/json-report.js';
import { formatMarkdownReport } from '../../src/report/markdown-report.js';
import { formatTextReport } from '../../src/report/text-report.js';
import { COOKIE_RULES } from '../../src/rules/all-rules.js';
import { LETTERS } from '../../src/core/letter.js';
import { TRACE_RULES } from '../../src/trace/analyze-trace.js';
import { runs } from '../support/property-runs.js';

/** Any UTF-16 code unit: control characters, NUL, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const anyString = (maxLength: number) => fc.string({ unit: codeUnit, maxLength });

/** Strings built from cookie syntax, so the fuzzer reaches deep into the parser. */
const cookieish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ';',
        '=',
        ' ',
        '\t',
        '\u0000',
        '\r\n',
        '"',
        ',',
        '.',
        '/',
        '%3A',
        's%3A',
        '__Host-',
        '__Secure-',
        'Max-Age',
        'Expires',
        'Domain',
        'Path',
        'SameSite',
        'Secure',
        'HttpOnly',
        'Partitioned',
        'Priority',
        'None',
        'Lax',
        'Strict',
        '-1',
        '0',
        '99999999999999999999',
        'Wed, 21 Oct 2037 07:28:00 GMT',
        'example.com',
        'com',
        'localhost',
        'eyJhbGciOiJIUzI1NiJ9',
        '@',
        '\ud800',
        '\udfff',
      ),
      anyString(6),
    ),
    { maxLength: 40 },
  )
  .map((pieces) => pieces.join(''));

const url = fc.oneof(
  fc.constantFrom(
    'https://app.example.com/',
    'http://localhost:3000/login',
    'http://sessions.test/logout',
    'https://[::1]/x',
    'not a url',
    '',
    'https://github.io/',
  ),
  fc.webUrl(),
);

const header = fc.record({
  name: fc.oneof(fc.constantFrom('Set-Cookie', 'Cookie', 'Date', 'Cache-Control', 'Location', 'Referer', 'Strict-Transport-Security'), anyString(12)),
  value: cookieish,
});

const observation: fc.Arbitrary<Observation> = fc.record({
  url,
  method: fc.constantFrom('GET', 'POST', 'PUT', ''),
  requestHeaders: fc.array(header, { maxLength: 4 }),
  requestBodyParamNames: fc.option(fc.array(fc.oneof(fc.constant('password'), anyString(8)), { maxLength: 3 }), { nil: null }),
  status: fc.constantFrom(200, 302, 303, 404, 0),
  responseHeaders: fc.array(header, { maxLength: 6 }),
  time: fc.integer({ min: 0, max: 4_102_444_800_000 }),
});

const KNOWN_IDS = new Set([...COOKIE_RULES, ...TRACE_RULES].map((rule) => rule.id));
const GRADES = new Set<string>([...LETTERS, 'none']);
/** A session cookie seen only in requests, with no capping finding, has the grade `unknown` (rubric 2.3). */
const COOKIE_GRADES = new Set<string>([...LETTERS, 'unknown']);

function expectValidReport(report: JsonReport): void {
  const roundTrip = JSON.parse(JSON.stringify(report)) as JsonReport;
  expect(roundTrip.tool).toBe('session-cookie-inspector');
  expect(GRADES.has(roundTrip.grade)).toBe(true);
  for (const cookie of roundTrip.cookies) {
    expect(typeof cookie.name).toBe('string');
    expect(cookie.grade === null || COOKIE_GRADES.has(cookie.grade), String(cookie.grade)).toBe(true);
    expect(cookie.score === null || (cookie.score >= 0 && cookie.score <= 100)).toBe(true);
    for (const finding of cookie.findings) expect(KNOWN_IDS.has(finding.id)).toBe(true);
    expect(cookie).not.toHaveProperty('value');
  }
}

describe('fuzzing the parser', () => {
  it('never throws on any UTF-16 string, control characters and lone surrogates included', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(anyString(200), (text) => void parseSetCookie(text)),
      runs(3000),
    );
  });

  it('never throws on strings made of cookie syntax', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(cookieish, (text) => {
        expect(parseSetCookie(text).raw).toBe(text);
      }),
      runs(3000),
    );
  });

  it('reads a 100 KB header and one with thousands of attributes', { timeout: 60_000 }, () => {
    const huge = parseSetCookie(`big=${'v'.repeat(100_000)}; Path=/`);
    expect(huge.path).toBe('/');
    const many = parseSetCookie(`many=1${'; Secure; Foo=bar'.repeat(5000)}; Path=/x`);
    expect(many.path).toBe('/x');
    expect(many.diagnostics.length).toBe(5000 + 4999);
  });

  it('voids a line with a NUL byte, as browsers do', () => {
    expect(parseSetCookie('sid=abc\u0000def; Secure').rejection).toBe('control-character');
  });
});

describe('fuzzing the grader and the reports', () => {
  it('grades any trace without throwing, and every report is valid and hides values', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 8 }), (trace) => {
        const graded = gradeObservations(trace);
        const report = buildJsonReport('fuzz', graded);
        expectValidReport(report);
        expect(typeof formatTextReport(report)).toBe('string');
        expect(typeof formatMarkdownReport(report)).toBe('string');
      }),
      runs(400),
    );
  });
});

describe('fuzzing the HAR reader', () => {
  const validHar = JSON.stringify({
    log: {
      version: '1.2',
      entries: [
        {
          startedDateTime: '2026-01-01T00:00:00.000Z',
          request: {
            method: 'POST',
            url: 'https://app.example.com/login',
            headers: [{ name: 'Cookie', value: 'sid=abc' }],
            postData: { mimeType: 'application/json', text: '{"password":"x"}' },
          },
          response: {
            status: 302,
            headers: [
              { name: 'Set-Cookie', value: 'sid=def; Secure; HttpOnly' },
              { name: 'Location', value: '/home' },
            ],
          },
        },
      ],
    },
  });

  it('answers every truncation of a HAR file with a result, never an exception', { timeout: 60_000 }, () => {
    for (let length = 0; length <= validHar.length; length++) {
      const result = readHar(validHar.slice(0, length));
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
    }
  });

  it('survives hostile documents: wrong types, nesting, huge lists', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        for (const document of [value, { log: value }, { log: { entries: value } }, { log: { entries: [value, { request: value, response: value }] } }]) {
          const result = readHar(document);
          if (result.ok) expectValidReport(buildJsonReport('har', gradeObservations(result.observations)));
        }
      }),
      runs(500),
    );
    const huge = readHar({ log: { entries: Array.from({ length: 20_000 }, () => ({ request: 1 })) } });
    expect(huge.ok && huge.skippedEntries).toBe(20_000);
  });

  it('reads headers whose values are not strings', () => {
    const result = readHar({
      log: {
        entries: [
          {
            request: { url: 'https://a/', headers: [{ name: 'Cookie', value: 42 }] },
            response: { status: '200', headers: [{ name: 'Set-Cookie', value: null }] },
          },
        ],
      },
    });
    expect(result.ok && result.observations[0]?.requestHeaders).toEqual([{ name: 'Cookie', value: '42' }]);
  });
});
