import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyParameterNames, readHar } from './read-har.js';

const entry = (overrides: Record<string, unknown> = {}) => ({
  startedDateTime: '2026-01-01T00:00:00.000Z',
  request: { method: 'GET', url: 'https://app.example.com/', headers: [{ name: 'Cookie', value: 'a=1' }] },
  response: {
    status: 200,
    headers: [
      { name: 'set-cookie', value: 'sid=1; Secure' },
      { name: 'Set-Cookie', value: 'b=2' },
    ],
  },
  ...overrides,
});

describe('readHar', () => {
  it('reads each entry as an observation, one header per Set-Cookie line', () => {
    const result = readHar(JSON.stringify({ log: { version: '1.2', entries: [entry()] } }));
    expect(result).toEqual({
      ok: true,
      skippedEntries: 0,
      observations: [
        {
          url: 'https://app.example.com/',
          method: 'GET',
          requestHeaders: [{ name: 'Cookie', value: 'a=1' }],
          requestBodyParamNames: null,
          status: 200,
          responseHeaders: [
            { name: 'set-cookie', value: 'sid=1; Secure' },
            { name: 'Set-Cookie', value: 'b=2' },
          ],
          time: Date.UTC(2026, 0, 1),
        },
      ],
    });
  });

  it("splits Firefox's newline-joined Set-Cookie header", () => {
    const firefox = entry({ response: { status: 200, headers: [{ name: 'Set-Cookie', value: 'a=1; Secure\nb=2' }] } });
    const result = readHar({ log: { entries: [firefox] } });
    expect(result.ok && result.observations[0]?.responseHeaders.map((h) => h.value)).toEqual(['a=1; Secure', 'b=2']);
  });

  it('skips and counts entries it cannot read', () => {
    const result = readHar({ log: { entries: [entry(), { request: {} }, 42, null] } });
    expect(result.ok && [result.observations.length, result.skippedEntries]).toEqual([1, 3]);
  });

  it('orders observations by start time', () => {
    const later = entry({ startedDateTime: '2026-01-01T00:00:05.000Z', request: { method: 'GET', url: 'https://b/', headers: [] } });
    const result = readHar({ log: { entries: [later, entry()] } });
    expect(result.ok && result.observations.map((o) => o.url)).toEqual(['https://app.example.com/', 'https://b/']);
  });

  it.each([
    ['{', /not valid JSON/],
    ['[]', /no "log" object/],
    ['{"log":{}}', /"log.entries" is not a list/],
    ['null', /no "log" object/],
  ])('gives a clear error for %j', (text, message) => {
    const result = readHar(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('never throws on hostile documents', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.anything(), (json, anything) => {
        expect(() => readHar(JSON.stringify({ log: { entries: [json, anything] } }))).not.toThrow();
        expect(() => readHar({ log: { entries: [{ request: json, response: anything }] } })).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('bodyParameterNames', () => {
  it('reads HAR params, form text and JSON keys, never values', () => {
    expect(bodyParameterNames({ mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'password', value: 'hunter2' }] })).toEqual(['password']);
    expect(bodyParameterNames({ mimeType: 'application/x-www-form-urlencoded', text: 'user=a&pwd=b' })).toEqual(['user', 'pwd']);
    expect(bodyParameterNames({ mimeType: 'application/json', text: '{"user":{"password":"x"}}' })).toEqual(['user', 'user.password']);
    expect(bodyParameterNames({ mimeType: 'application/json', text: '{bad' })).toEqual([]);
    expect(bodyParameterNames(undefined)).toBeNull();
  });
});
