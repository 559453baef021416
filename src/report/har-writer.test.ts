import { describe, expect, it } from 'vitest';
import { buildValueIndex } from '../core/value-index.js';
import type { Observation } from '../observation/observation.js';
import { readHar } from '../observation/read-har.js';
import { ACTIVE_CHECK_FIELD, buildHar, urlByParameterNames } from './har-writer.js';

describe('urlByParameterNames', () => {
  const values = buildValueIndex(['Zq81vXb3LmN0pR7t']);
  const hide = (text: string) => values.replaceEach(text, (covered) => 'x'.repeat(covered.length));

  it('keeps the names of query parameters, not their values', () => {
    expect(urlByParameterNames('https://a.test/p?api_key=k3y-of-the-api&page=2&empty=&flag#top', hide)).toBe(
      'https://a.test/p?api_key=_&page=_&empty=&flag#top',
    );
  });

  it("keeps a cookie value's stand-in, so id-in-url grades the saved HAR as the trace", () => {
    expect(urlByParameterNames('https://a.test/?sid=Zq81vXb3LmN0pR7t&q=hello', hide)).toBe(`https://a.test/?sid=${'x'.repeat(16)}&q=_`);
  });

  it('leaves a URL without a query to hide alone', () => {
    expect(urlByParameterNames('https://a.test/;jsessionid=Zq81vXb3LmN0pR7t', hide)).toBe(`https://a.test/;jsessionid=${'x'.repeat(16)}`);
  });
});

describe('buildHar: the exchanges --active made', () => {
  const exchange = (path: string): Observation => ({
    url: `https://a.test${path}`,
    method: 'GET',
    requestHeaders: [{ name: 'Cookie', value: 'sid=Zq81vXb3LmN0pR7t' }],
    requestBodyParamNames: null,
    status: 200,
    responseHeaders: [],
    time: 0,
  });

  it('marks each with the check it was made for, and a reader leaves them out of the trace (without counting them as unreadable)', () => {
    const flow = exchange('/profile');
    const replay = exchange('/profile');
    const har = buildHar([flow, replay], (text) => text, new Map([[replay, 'session-alive-after-logout']])) as { log: { entries: Record<string, unknown>[] } };
    expect(har.log.entries.map((entry) => entry[ACTIVE_CHECK_FIELD])).toEqual([undefined, 'session-alive-after-logout']);
    expect(har.log.entries[1]?.comment).toContain('--active');
    const read = readHar(har);
    expect(read.ok && [read.observations.length, read.skippedEntries]).toEqual([1, 0]);
  });
});
