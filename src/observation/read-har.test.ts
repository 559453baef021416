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
      har: { creator: null, pageUrl: 'https://app.example.com/' },
    });
  });

  it('reads a Set-Cookie header whose value is a list of strings (Polly.JS) as one line per string', () => {
    const polly = entry({ response: { status: 200, headers: [{ name: 'set-cookie', value: ['__cfduid=d1; path=/', 'sid=abc; HttpOnly'] }] } });
    const result = readHar({ log: { entries: [polly] } });
    expect(result.ok && result.observations[0]?.responseHeaders).toEqual([
      { name: 'set-cookie', value: '__cfduid=d1; path=/' },
      { name: 'set-cookie', value: 'sid=abc; HttpOnly' },
    ]);
  });

  it('keeps the request of an entry without a response (its cookies were sent)', () => {
    const { response: _response, ...noResponse } = entry();
    const result = readHar({ log: { entries: [noResponse, { ...entry(), response: null }] } });
    expect(result.ok && result.observations.map((o) => [o.status, o.requestHeaders, o.responseHeaders])).toEqual([
      [0, [{ name: 'Cookie', value: 'a=1' }], []],
      [0, [{ name: 'Cookie', value: 'a=1' }], []],
    ]);
  });

  it('reads a file that starts with a byte order mark', () => {
    const result = readHar(`\uFEFF${JSON.stringify({ log: { entries: [entry()] } })}`);
    expect(result.ok && result.observations.length).toBe(1);
  });

  it("names the exporter and finds the trace's page: pages[0]'s first entry, else the first document, else the first entry", () => {
    const at = (second: number, url: string, extra: Record<string, unknown> = {}) =>
      entry({ startedDateTime: `2026-01-01T00:00:0${second}.000Z`, request: { method: 'GET', url, headers: [] }, ...extra });
    const pages = [{ id: 'page_2' }, { id: 'page_1' }];
    const entries = [
      at(1, 'https://ads.test/x.js', { pageref: 'page_1' }),
      at(4, 'https://news.test/b', { pageref: 'page_2', _resourceType: 'document' }),
      at(3, 'https://news.test/a', { pageref: 'page_2', _resourceType: 'script' }),
    ];
    const withPages = readHar({ log: { creator: { name: 'WebInspector' }, pages, entries } });
    expect(withPages.ok && withPages.har).toEqual({ creator: 'WebInspector', pageUrl: 'https://news.test/a' });
    const documents = readHar({ log: { entries } });
    expect(documents.ok && documents.har.pageUrl).toBe('https://news.test/b');
    const html = at(5, 'https://shop.test/', { response: { status: 200, headers: [], content: { mimeType: 'text/html; charset=utf-8' } } });
    const firefox = readHar({ log: { creator: { name: 'Firefox' }, entries: [at(2, 'https://cdn.test/a.css'), html] } });
    expect(firefox.ok && firefox.har).toEqual({ creator: 'Firefox', pageUrl: 'https://shop.test/' });
    const none = readHar({ log: { entries: [at(2, 'https://cdn.test/a.css')] } });
    expect(none.ok && none.har.pageUrl).toBe('https://cdn.test/a.css');
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
  it('reads the part names of a multipart/form-data body (Firefox sends a login form that way)', () => {
    const text = [
      '-----------------------------4242',
      'Content-Disposition: form-data; name="username"',
      '',
      'demo',
      '-----------------------------4242',
      'Content-Disposition: form-data; name="password"',
      '',
      'name="not-a-part"',
      '-----------------------------4242',
      'Content-Disposition: form-data; name="avatar"; filename="a.png"',
      'Content-Type: image/png',
      '',
      '...',
      '-----------------------------4242--',
    ].join('\r\n');
    expect(bodyParameterNames({ mimeType: 'multipart/form-data; boundary=---------------------------4242', text })).toEqual(['username', 'password', 'avatar']);
  });

  it('reads HAR params, form text and JSON keys, never values', () => {
    expect(bodyParameterNames({ mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'password', value: 'hunter2' }] })).toEqual(['password']);
    expect(bodyParameterNames({ mimeType: 'application/x-www-form-urlencoded', text: 'user=a&pwd=b' })).toEqual(['user', 'pwd']);
    expect(bodyParameterNames({ mimeType: 'application/json', text: '{"user":{"password":"x"}}' })).toEqual(['user', 'user.password']);
    expect(bodyParameterNames({ mimeType: 'application/json', text: '{bad' })).toEqual([]);
    expect(bodyParameterNames(undefined)).toBeNull();
  });
});
