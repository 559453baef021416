import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HarScanError, HarScanner, type HarPart, type HarScanLimits } from './har-scanner.js';

const encoder = new TextEncoder();

/** Scans `text` split into chunks at `cuts` (byte offsets); returns the parts or the error. */
function scan(text: string | Uint8Array, cuts: readonly number[] = [], limits?: HarScanLimits): { parts: [HarPart, unknown][] } | { error: HarScanError } {
  const bytes = typeof text === 'string' ? encoder.encode(text) : text;
  const parts: [HarPart, unknown][] = [];
  const scanner = new HarScanner((part, json) => parts.push([part, JSON.parse(json)]), limits);
  try {
    let from = 0;
    for (const cut of [...cuts, bytes.length]) {
      const to = Math.min(Math.max(cut, from), bytes.length);
      scanner.push(bytes.subarray(from, to));
      from = to;
    }
    scanner.end();
    return { parts };
  } catch (error) {
    if (error instanceof HarScanError) return { error };
    throw error;
  }
}

const entry = {
  pageref: 'page_1',
  startedDateTime: '2026-01-01T00:00:00.000Z',
  _initiator: { type: 'script', stack: { callFrames: [{ url: 'https://a.test/x.js' }] } },
  request: {
    method: 'POST',
    url: 'https://a.test/login',
    headers: [{ name: 'Cookie', value: 'sid=a"b\\c' }],
    cookies: [{ name: 'sid' }],
    postData: { text: 'password=x' },
  },
  response: {
    status: 200,
    headers: [{ name: 'Set-Cookie', value: 'sid=é; Path=/' }],
    cookies: [{ name: 'sid' }],
    content: { size: 5, mimeType: 'text/html', text: '<p>"\\</p>' },
  },
  timings: { send: 1, wait: 2 },
};
/** What grading keeps of `entry`: the same, with the parts nothing reads set to null. */
const kept = {
  ...entry,
  _initiator: null,
  timings: null,
  request: { ...entry.request, cookies: null },
  response: { ...entry.response, cookies: null, content: { size: 5, mimeType: 'text/html', text: null } },
};
const har = JSON.stringify({
  log: {
    version: '1.2',
    creator: { name: 'WebInspector', version: '537.36' },
    comment: 'x"]}',
    pages: [{ id: 'page_1', title: 'https://a.test/' }],
    entries: [entry, 7, entry],
  },
});

describe('HarScanner', () => {
  it('hands over each entry with bodies, cookie copies, timings and initiators cut out, and the log fields', () => {
    expect(scan(har)).toEqual({
      parts: [
        ['version', '1.2'],
        ['creator', { name: 'WebInspector', version: '537.36' }],
        ['pages', [{ id: 'page_1', title: 'https://a.test/' }]],
        ['entry', kept],
        ['entry', 7],
        ['entry', kept],
      ],
    });
  });

  it('gives the same parts however the bytes are cut into chunks (escapes, UTF-8 and keys split)', () => {
    const whole = scan(har);
    const bytes = encoder.encode(har);
    for (let cut = 0; cut <= bytes.length; cut++) expect(scan(bytes, [cut])).toEqual(whole);
    fc.assert(
      fc.property(fc.array(fc.nat(bytes.length), { maxLength: 40 }), (cuts) => {
        expect(
          scan(
            bytes,
            [...cuts].sort((a, b) => a - b),
          ),
        ).toEqual(whole);
      }),
      { numRuns: 200, seed: 20261206 },
    );
  });

  it('finds a string end after runs of backslashes, across chunk boundaries', () => {
    const text = JSON.stringify({ log: { entries: [{ request: { url: 'a\\\\', headers: [{ name: '\\"', value: '\\\\\\"\\' }] } }] } });
    const bytes = encoder.encode(text);
    for (let cut = 0; cut <= bytes.length; cut++) {
      for (let second = cut; second <= bytes.length; second += 3) expect(scan(bytes, [cut, second])).toEqual(scan(text));
    }
  });

  it('skips a byte order mark', () => {
    expect(scan(`\uFEFF${har}`)).toEqual(scan(har));
  });

  it.each([
    ['{"log":{"entries":[{"request":{"url":"https://a.test/"', 'syntax'],
    ['{"log":{"entries":[]}} x', 'syntax'],
    ['{"log":{"entries":[1,]}}', 'syntax'],
    ['{"log":{"entries" []}}', 'syntax'],
    ['{"log":{"entries":[]},}', 'syntax'],
    ['{"log" {"entries":[]}}', 'syntax'],
    ['', 'syntax'],
    ['[]', 'shape'],
    ['null', 'shape'],
    ['{"log":{}}', 'shape'],
    ['{"log":{"entries":{}}}', 'shape'],
    ['{"log":[]}', 'shape'],
  ])('rejects %j as %s', (text, kind) => {
    const result = scan(text);
    expect('error' in result && result.error.kind).toBe(kind);
    // The same verdict as JSON.parse on the question "is it JSON at all".
    expect(kind === 'syntax').toBe(
      (() => {
        try {
          JSON.parse(text);
          return false;
        } catch {
          return true;
        }
      })(),
    );
  });

  it('stops at the depth limit, with the byte it got to', () => {
    const deep = `{"log":{"entries":[${'['.repeat(10_000)}${']'.repeat(10_000)}]}}`;
    const result = scan(deep);
    expect('error' in result && [result.error.kind, result.error.message]).toEqual(['limit', 'nested more than 256 levels deep (byte 272)']);
  });

  it('stops at an entry larger than the limit once its body is cut out, but skips a body of any size', () => {
    const limits = { maxDepth: 64, maxEntryBytes: 1000, maxLogFieldBytes: 1000 };
    const bigBody = JSON.stringify({ log: { entries: [{ request: { url: 'u', headers: [] }, response: { content: { text: 'x'.repeat(100_000) } } }] } });
    expect(scan(bigBody, [10, 5000, 50_000], limits)).toEqual({
      parts: [['entry', { request: { url: 'u', headers: [] }, response: { content: { text: null } } }]],
    });
    const bigHeader = JSON.stringify({ log: { entries: [{ request: { url: 'u', headers: [{ name: 'a', value: 'x'.repeat(100_000) }] } }] } });
    const result = scan(bigHeader, [10, 5000], limits);
    expect('error' in result && result.error.message).toBe('entry 1 is larger than 0 MB without its response body');
  });

  it('drops a log field over its limit, and still reads the entries', () => {
    const limits = { maxDepth: 64, maxEntryBytes: 1000, maxLogFieldBytes: 100 };
    const text = JSON.stringify({ log: { pages: [{ id: 'x'.repeat(500) }], entries: [1] } });
    expect(scan(text, [50, 120], limits)).toEqual({ parts: [['entry', 1]] });
  });

  it('gives the entries JSON.parse gives, or an error exactly when JSON.parse throws', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 6 }), { maxLength: 6 }), fc.array(fc.nat(400), { maxLength: 6 }), (entries, cuts) => {
        const text = JSON.stringify({ log: { entries } }, null, cuts.length % 2 === 0 ? undefined : 1);
        const result = scan(
          text,
          [...cuts].sort((a, b) => a - b),
        );
        expect('parts' in result).toBe(true);
        if ('parts' in result) expect(result.parts.length).toBe(entries.length);
      }),
      { numRuns: 300, seed: 26 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const result = scan(text);
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        if (!valid) expect('error' in result && result.error.kind).toBe('syntax');
      }),
      { numRuns: 500, seed: 6 },
    );
  });
});
