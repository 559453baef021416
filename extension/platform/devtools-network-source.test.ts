import { describe, expect, it, vi } from 'vitest';
import { ExactHeaders } from '../../src/observation/exact-headers.js';
import { headerValues, type Observation } from '../../src/observation/observation.js';
import { createDevtoolsNetworkSource, type DevtoolsNetworkApi } from './devtools-network-source.js';

function entry(url: string, status: number, setCookies: string[], started = '2026-01-01T00:00:00.000Z', method = 'GET', cookie?: string) {
  return {
    startedDateTime: started,
    // -1: the raw headers' size is unknown, as when Chromium reports an entry before they arrive.
    request: { method, url, headers: cookie ? [{ name: 'Cookie', value: cookie }] : [], headersSize: -1 },
    response: { status, headers: setCookies.map((value) => ({ name: 'set-cookie', value })), headersSize: -1 },
  };
}

/** A redirect's entry with the Location it leads on to (a page no test requests). */
function leadingOn(har: ReturnType<typeof entry>) {
  return { ...har, response: { ...har.response, headers: [...har.response.headers, { name: 'Location', value: 'http://elsewhere.test/' }] } };
}

/** The entry as Chromium reports it once the raw response headers have arrived (their size is known). */
function withRawHeaders(har: ReturnType<typeof entry>) {
  return { ...har, request: { ...har.request, headersSize: 400 }, response: { ...har.response, headersSize: 300 } };
}

function fakeNetwork(har: unknown[]) {
  let finished: ((entry: never) => void) | null = null;
  const api: DevtoolsNetworkApi = {
    getHAR: async () => ({ entries: har }),
    onRequestFinished: { addListener: (callback) => (finished = callback), removeListener: () => (finished = null) },
    onNavigated: { addListener: () => undefined, removeListener: () => undefined },
  };
  return { api, finish: (value: unknown) => finished?.(value as never) };
}

describe('createDevtoolsNetworkSource', () => {
  it('reads the history recorded before the panel opened', async () => {
    const source = createDevtoolsNetworkSource(fakeNetwork([entry('http://a/', 200, ['sid=1'])]).api);
    expect((await source.readHistory()).map((o) => o.url)).toEqual(['http://a/']);
  });

  it('asks DevTools for the HAR once when the history and the page URL are read together (at open)', async () => {
    const network = fakeNetwork([{ ...entry('http://a/', 200, []), _resourceType: 'document' }]);
    let calls = 0;
    const getHAR = network.api.getHAR;
    const source = createDevtoolsNetworkSource({ ...network.api, getHAR: () => (calls++, getHAR()) });
    const [history, pageUrl] = await Promise.all([source.readHistory(), source.readPageUrl()]);
    expect([history.length, pageUrl, calls]).toEqual([1, 'http://a/', 1]);
    // A later read asks again: the log has grown.
    await source.readHistory();
    expect(calls).toBe(2);
  });

  it("takes the inspected page from the top-level window, never from an iframe's document entry", async () => {
    // An embedded ad's document comes last in the log, as Chromium records iframe documents too.
    const har = [
      { ...entry('https://news.test/', 200, []), _resourceType: 'document' },
      { ...entry('https://ads.test/frame', 200, ['uid=1']), _resourceType: 'document' },
    ];
    const withTop = createDevtoolsNetworkSource(fakeNetwork(har).api, { topLevelUrl: async () => 'https://news.test/article' });
    expect(await withTop.readPageUrl()).toBe('https://news.test/article');
    // Without an answer from the window: the log's page title (Chromium titles a page by its URL), else its first entry.
    const network = fakeNetwork(har);
    const titled = createDevtoolsNetworkSource(
      { ...network.api, getHAR: async () => ({ pages: [{ id: 'page_1', title: 'https://news.test/' }], entries: har }) },
      { topLevelUrl: async () => null },
    );
    expect(await titled.readPageUrl()).toBe('https://news.test/');
    expect(await createDevtoolsNetworkSource(fakeNetwork(har).api).readPageUrl()).toBe('https://news.test/');
  });

  it('batches finished requests', async () => {
    vi.useFakeTimers();
    const network = fakeNetwork([]);
    const batches: Observation[][] = [];
    createDevtoolsNetworkSource(network.api).onObservations((batch) => batches.push(batch));
    network.finish(entry('http://a/1', 200, []));
    network.finish(entry('http://a/2', 200, []));
    await vi.advanceTimersByTimeAsync(150);
    expect(batches.map((batch) => batch.length)).toEqual([2]);
    vi.useRealTimers();
  });

  it('re-reads getHAR() for a redirect whose Set-Cookie had not arrived once a request sends a value nothing set', async () => {
    vi.useFakeTimers();
    const complete = entry('http://a/login', 302, ['sid=new; Path=/']);
    const network = fakeNetwork([complete]);
    const getHar = vi.spyOn(network.api, 'getHAR');
    const batches: Observation[][] = [];
    createDevtoolsNetworkSource(network.api).onObservations((batch) => batches.push(batch));
    network.finish(leadingOn(entry('http://a/login', 302, [])));
    network.finish(entry('http://a/home', 200, [], '2026-01-01T00:00:00.100Z', 'GET', 'sid=new'));
    await vi.advanceTimersByTimeAsync(1000);
    // In the order DevTools reported them: the redirect, read again, before the page it led to.
    expect(batches.flat().map((o) => [o.url, o.responseHeaders.map((h) => h.value)])).toEqual([
      ['http://a/login', ['sid=new; Path=/']],
      ['http://a/home', []],
    ]);
    expect(getHar).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });

  it('passes on a held redirect as reported, without a re-read, when no later request sends a new value', async () => {
    vi.useFakeTimers();
    const network = fakeNetwork([]);
    const getHar = vi.spyOn(network.api, 'getHAR');
    const source = createDevtoolsNetworkSource(network.api);
    const batches: Observation[][] = [];
    source.onObservations((batch) => batches.push(batch));
    network.finish(entry('http://a/first', 200, ['sid=1; Path=/']));
    network.finish(leadingOn(entry('http://a/go', 301, [])));
    network.finish(entry('http://a/next', 200, [], '2026-01-01T00:00:00.100Z', 'GET', 'sid=1'));
    await vi.advanceTimersByTimeAsync(500);
    // The held redirect holds back what came after it.
    expect(batches.flat().map((o) => o.url)).toEqual(['http://a/first']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches.flat().map((o) => [o.url, o.status])).toEqual([
      ['http://a/first', 200],
      ['http://a/go', 301],
      ['http://a/next', 200],
    ]);
    expect(getHar).not.toHaveBeenCalled();
    vi.useRealTimers();
  });

  it('re-reads a logout whose Cookie header had not arrived, with the held redirects, once for all', async () => {
    vi.useFakeTimers();
    const complete = [entry('http://a/logout', 303, [], '2026-01-01T00:00:01.000Z', 'POST', 'sid=abc'), entry('http://a/go', 302, ['x=1'])];
    const network = fakeNetwork(complete);
    const getHar = vi.spyOn(network.api, 'getHAR');
    const batches: Observation[][] = [];
    createDevtoolsNetworkSource(network.api).onObservations((batch) => batches.push(batch));
    network.finish(entry('http://a/logout', 303, [], '2026-01-01T00:00:01.000Z', 'POST'));
    network.finish(leadingOn(entry('http://a/go', 302, [])));
    network.finish(entry('http://a/page', 200, [], '2026-01-01T00:00:02.000Z', 'GET', 'x=1'));
    await vi.advanceTimersByTimeAsync(1000);
    const observations = batches.flat();
    expect(observations.map((o) => o.url)).toEqual(['http://a/logout', 'http://a/go', 'http://a/page']);
    expect(observations[0]?.requestHeaders).toEqual([{ name: 'Cookie', value: 'sid=abc' }]);
    expect(observations[1]?.responseHeaders.map((h) => h.value)).toEqual(['x=1']);
    expect(getHar).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });

  it('keeps the redirect as reported when getHAR() has nothing better', async () => {
    vi.useFakeTimers();
    const network = fakeNetwork([]);
    const batches: Observation[][] = [];
    createDevtoolsNetworkSource(network.api).onObservations((batch) => batches.push(batch));
    network.finish(leadingOn(entry('http://a/go', 301, [])));
    network.finish(entry('http://a/page', 200, [], '2026-01-01T00:00:00.100Z', 'GET', 'sid=unseen'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(batches.flat().map((o) => o.status)).toEqual([301, 200]);
    vi.useRealTimers();
  });

  it('holds neither a 304 Not Modified nor a 3xx without Location: they lead to no next request (HTTP/2 has no raw headers)', async () => {
    vi.useFakeTimers();
    const network = fakeNetwork([]);
    const batches: Observation[][] = [];
    createDevtoolsNetworkSource(network.api).onObservations((batch) => batches.push(batch));
    network.finish(entry('http://a/app.js', 304, []));
    network.finish({ ...entry('http://a/odd', 302, []), response: { status: 302, headers: [], headersSize: -1 } });
    network.finish(entry('http://a/page', 200, []));
    await vi.advanceTimersByTimeAsync(150);
    expect(batches.flat().map((o) => o.url)).toEqual(['http://a/app.js', 'http://a/odd', 'http://a/page']);
    vi.useRealTimers();
  });

  it('passes on at once, without a re-read, a redirect whose raw headers had arrived (it set no cookie)', async () => {
    vi.useFakeTimers();
    const network = fakeNetwork([]);
    const getHar = vi.spyOn(network.api, 'getHAR');
    const batches: Observation[][] = [];
    createDevtoolsNetworkSource(network.api).onObservations((batch) => batches.push(batch));
    network.finish(withRawHeaders(entry('http://a/go', 302, [])));
    network.finish(withRawHeaders(entry('http://a/logout', 303, [], '2026-01-01T00:00:01.000Z', 'POST', 'sid=abc')));
    await vi.advanceTimersByTimeAsync(150);
    expect(batches.map((batch) => batch.map((o) => o.url))).toEqual([['http://a/go', 'http://a/logout']]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(getHar).not.toHaveBeenCalled();
    vi.useRealTimers();
  });

  it("re-reads a login without Cookie even when its response's raw headers had arrived (the request's come apart)", async () => {
    vi.useFakeTimers();
    const complete = entry('http://a/login', 302, [], '2026-01-01T00:00:01.000Z', 'POST', 'sid=abc');
    const network = fakeNetwork([complete]);
    const batches: Observation[][] = [];
    createDevtoolsNetworkSource(network.api).onObservations((batch) => batches.push(batch));
    network.finish(withRawHeaders(entry('http://a/login', 302, [], '2026-01-01T00:00:01.000Z', 'POST')));
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches.flat().map((o) => o.requestHeaders)).toEqual([[{ name: 'Cookie', value: 'sid=abc' }]]);
    vi.useRealTimers();
  });

  it('spaces re-reads by their cost, and passes on at the wait limit what a later re-read would hold back: after a getHAR() of 1 s, nothing waits 10 s', async () => {
    vi.useFakeTimers();
    // Time starts at 0: the times below are measured from the start.
    vi.setSystemTime(0);
    const network = fakeNetwork([]);
    const reads: number[] = [];
    const source = createDevtoolsNetworkSource({
      ...network.api,
      getHAR: () => {
        reads.push(Date.now());
        return new Promise((resolve) => setTimeout(() => resolve({ entries: [] }), 1000));
      },
    });
    const batches: { at: number; urls: string[] }[] = [];
    source.onObservations((batch) => batches.push({ at: Date.now(), urls: batch.map((o) => o.url) }));
    network.finish(leadingOn(entry('http://a/one', 302, [])));
    network.finish(entry('http://a/after-one', 200, [], '2026-01-01T00:00:00.100Z', 'GET', 'a=1'));
    // The first re-read starts at 300 ms and takes 1 s: the entries are passed on at the 600 ms limit.
    await vi.advanceTimersByTimeAsync(750);
    expect(reads).toEqual([300]);
    expect(batches).toEqual([{ at: 700, urls: ['http://a/one', 'http://a/after-one'] }]);
    await vi.advanceTimersByTimeAsync(750);
    network.finish(leadingOn(entry('http://a/two', 302, [])));
    network.finish(entry('http://a/after-two', 200, [], '2026-01-01T00:00:01.600Z', 'GET', 'b=2'));
    // The cost allows the next re-read only at 11,300 ms, past the limit: none, and no 10 s wait.
    await vi.advanceTimersByTimeAsync(12_000);
    expect(reads).toEqual([300]);
    expect(batches.map((batch) => batch.urls)).toEqual([
      ['http://a/one', 'http://a/after-one'],
      ['http://a/two', 'http://a/after-two'],
    ]);
    expect((batches[1]?.at ?? 0) - 1500).toBeLessThanOrEqual(700);
    vi.useRealTimers();
  });

  it('keeps the order DevTools reported: a login being read again holds back the page it led to', async () => {
    vi.useFakeTimers();
    const complete = entry('http://a/login', 303, ['sid=new; Path=/'], '2026-01-01T00:00:01.000Z', 'POST', 'sid=old');
    const network = fakeNetwork([complete]);
    const batches: Observation[][] = [];
    createDevtoolsNetworkSource(network.api).onObservations((batch) => batches.push(batch));
    network.finish(entry('http://a/login', 303, [], '2026-01-01T00:00:01.000Z', 'POST'));
    network.finish(withRawHeaders(entry('http://a/profile', 200, [], '2026-01-01T00:00:01.100Z', 'GET', 'sid=new')));
    await vi.advanceTimersByTimeAsync(20);
    expect(batches.flat()).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(batches.flat().map((o) => [o.url, headerValues(o.requestHeaders, 'cookie'), o.responseHeaders.length])).toEqual([
      ['http://a/login', ['sid=old'], 1],
      ['http://a/profile', ['sid=new'], 0],
    ]);
    vi.useRealTimers();
  });

  it('reads a login again within 30 ms, before a navigation can clear the log, and again while its Cookie header is still missing', async () => {
    vi.useFakeTimers();
    // Time starts at 0: the times below are measured from the start.
    vi.setSystemTime(0);
    const login = entry('http://a/login', 303, [], '2026-01-01T00:00:01.000Z', 'POST');
    const logs = [[login], [login], [entry('http://a/login', 303, [], '2026-01-01T00:00:01.000Z', 'POST', 'sid=old')]];
    const reads: number[] = [];
    const network = fakeNetwork([]);
    const source = createDevtoolsNetworkSource({
      ...network.api,
      getHAR: async () => {
        reads.push(Date.now());
        return { entries: logs.shift() ?? [] };
      },
    });
    const unconfirmed: string[] = [];
    source.onUnconfirmed?.((observation) => unconfirmed.push(observation.url));
    const batches: Observation[][] = [];
    source.onObservations((batch) => batches.push(batch));
    network.finish(login);
    await vi.advanceTimersByTimeAsync(500);
    expect(reads).toEqual([30, 130, 230]);
    expect(batches.flat().map((o) => headerValues(o.requestHeaders, 'cookie'))).toEqual([['sid=old']]);
    expect(unconfirmed).toEqual([]);
    vi.useRealTimers();
  });

  it('says so when a login without its Cookie header is gone from the log when read again (a navigation cleared it)', async () => {
    vi.useFakeTimers();
    const network = fakeNetwork([entry('http://a/next-page', 200, [])]);
    const source = createDevtoolsNetworkSource(network.api);
    const unconfirmed: string[] = [];
    source.onUnconfirmed?.((observation) => unconfirmed.push(`${observation.method} ${observation.url}`));
    const batches: Observation[][] = [];
    source.onObservations((batch) => batches.push(batch));
    network.finish(entry('http://a/login', 303, [], '2026-01-01T00:00:01.000Z', 'POST'));
    await vi.advanceTimersByTimeAsync(200);
    expect(batches.flat().map((o) => o.url)).toEqual(['http://a/login']);
    expect(unconfirmed).toEqual(['POST http://a/login']);
    vi.useRealTimers();
  });

  it('passes a login on at the 600 ms wait limit when getHAR() is slower, and says its Cookie header is unconfirmed', async () => {
    vi.useFakeTimers();
    // Time starts at 0: the times below are measured from the start.
    vi.setSystemTime(0);
    const network = fakeNetwork([]);
    const source = createDevtoolsNetworkSource({
      ...network.api,
      // A log of thousands of entries: the re-read takes 2 s.
      getHAR: () =>
        new Promise((resolve) =>
          setTimeout(() => resolve({ entries: [entry('http://a/login', 303, [], '2026-01-01T00:00:01.000Z', 'POST', 'sid=old')] }), 2000),
        ),
    });
    const unconfirmed: string[] = [];
    source.onUnconfirmed?.((observation) => unconfirmed.push(observation.url));
    const batches: { at: number; urls: string[] }[] = [];
    source.onObservations((batch) => batches.push({ at: Date.now(), urls: batch.map((o) => o.url) }));
    network.finish(entry('http://a/login', 303, [], '2026-01-01T00:00:01.000Z', 'POST'));
    network.finish(withRawHeaders(entry('http://a/profile', 200, [], '2026-01-01T00:00:01.100Z', 'GET', 'sid=old')));
    await vi.advanceTimersByTimeAsync(3000);
    expect(batches).toEqual([{ at: 700, urls: ['http://a/login', 'http://a/profile'] }]);
    expect(unconfirmed).toEqual(['http://a/login']);
    vi.useRealTimers();
  });

  it('with exact capture for the host, joins a login to the headers it sent and received and hands it on at once, never re-reading the log', async () => {
    vi.useFakeTimers();
    const network = fakeNetwork([]);
    const getHar = vi.fn(network.api.getHAR);
    const exact = new ExactHeaders();
    const started = Date.parse('2026-01-01T00:00:01.000Z');
    exact.sent('1', 'POST', 'http://a/login', started + 2, 'sid=old');
    exact.received('1', ['sid=new; Path=/']);
    const batches: Observation[][] = [];
    createDevtoolsNetworkSource({ ...network.api, getHAR: getHar }, { exactJoiner: (url) => (url.startsWith('http://a/') ? exact : null) }).onObservations(
      (batch) => batches.push(batch),
    );
    // DevTools reported the login without its Cookie header or Set-Cookie line (HTTP/2, a fast navigation).
    network.finish(entry('http://a/login', 303, [], '2026-01-01T00:00:01.000Z', 'POST'));
    await vi.advanceTimersByTimeAsync(150);
    expect(batches.flat().map((o) => [o.url, headerValues(o.requestHeaders, 'cookie'), headerValues(o.responseHeaders, 'set-cookie')])).toEqual([
      ['http://a/login', ['sid=old'], ['sid=new; Path=/']],
    ]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(getHar).not.toHaveBeenCalled();
    vi.useRealTimers();
  });

  it('lets a held redirect go as soon as the request it leads to arrives sending nothing new', async () => {
    vi.useFakeTimers();
    const network = fakeNetwork([]);
    const getHar = vi.spyOn(network.api, 'getHAR');
    const batches: Observation[][] = [];
    createDevtoolsNetworkSource(network.api).onObservations((batch) => batches.push(batch));
    network.finish(entry('http://a/first', 200, ['sid=1; Path=/']));
    const redirect = entry('http://a/old', 302, []);
    network.finish({ ...redirect, response: { ...redirect.response, headers: [{ name: 'Location', value: '/new#top' }] } });
    network.finish(entry('http://a/new', 200, [], '2026-01-01T00:00:00.100Z', 'GET', 'sid=1'));
    await vi.advanceTimersByTimeAsync(150);
    expect(batches.flat().map((o) => o.url)).toEqual(['http://a/first', 'http://a/old', 'http://a/new']);
    expect(getHar).not.toHaveBeenCalled();
    vi.useRealTimers();
  });
});
