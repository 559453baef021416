/**
 * HAR entries shaped like the ones Chrome's devtools.network hands the panel (request and
 * response headers, cookies arrays, timings, Chrome's private fields), for the panel benchmark.
 */
import { generateCorpus } from './set-cookie-corpus.js';

const REQUEST_HEADERS = [
  ['Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8'],
  ['Accept-Encoding', 'gzip, deflate, br, zstd'],
  ['Accept-Language', 'en-GB,en;q=0.9'],
  ['Connection', 'keep-alive'],
  ['Host', 'app.example.com'],
  ['Sec-Fetch-Dest', 'document'],
  ['Sec-Fetch-Mode', 'navigate'],
  ['Sec-Fetch-Site', 'same-origin'],
  ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'],
];

const RESPONSE_HEADERS = [
  ['Content-Type', 'text/html; charset=utf-8'],
  ['Content-Length', '7824'],
  ['ETag', 'W/"1e90-4mt9kxdZQML8fhEjsUFSP/lgRIk"'],
  ['Date', 'Thu, 01 Jan 2026 00:00:00 GMT'],
  ['Connection', 'keep-alive'],
  ['Keep-Alive', 'timeout=5'],
  ['Vary', 'Accept-Encoding'],
  ['X-Content-Type-Options', 'nosniff'],
];

const headers = (pairs: readonly string[][]) => pairs.map(([name, value]) => ({ name, value }));

/** `count` entries, `withSetCookie` of them setting one or two cookies, in time order. */
export function generateHarEntries(count: number, withSetCookie: number): unknown[] {
  const { headers: setCookies } = generateCorpus(withSetCookie * 2, 7);
  const start = Date.UTC(2026, 0, 1);
  const every = Math.max(1, Math.floor(count / withSetCookie));
  return Array.from({ length: count }, (_, index) => {
    const sets = index % every === 0 && index / every < withSetCookie;
    const lines = sets ? setCookies.slice((index / every) * 2, (index / every) * 2 + 1 + (index % 2)) : [];
    return {
      startedDateTime: new Date(start + index * 37).toISOString(),
      time: 12.5,
      _resourceType: index % 10 === 0 ? 'document' : 'script',
      _initiator: { type: 'parser', url: 'https://app.example.com/', lineNumber: 12 },
      request: {
        method: index % 50 === 0 ? 'POST' : 'GET',
        url: `https://app.example.com/assets/${index}.js?v=${index % 7}`,
        httpVersion: 'http/2.0',
        headers: [...headers(REQUEST_HEADERS), { name: 'Cookie', value: 'connect.sid=s%3Aabc.def; theme=dark' }],
        queryString: [{ name: 'v', value: String(index % 7) }],
        cookies: [{ name: 'theme', value: 'dark' }],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status: 200,
        statusText: 'OK',
        httpVersion: 'http/2.0',
        headers: [...headers(RESPONSE_HEADERS), ...lines.map((value) => ({ name: 'Set-Cookie', value }))],
        cookies: [],
        content: { size: 7824, mimeType: 'text/javascript', compression: 5000 },
        redirectURL: '',
        headersSize: -1,
        bodySize: 2824,
      },
      cache: {},
      timings: { blocked: 1, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: 10, receive: 1.4 },
    };
  });
}
