import { describe, expect, it, vi } from 'vitest';
import type { Observation } from '../../src/observation/observation.js';
import { createDevtoolsNetworkSource, type DevtoolsNetworkApi } from './devtools-network-source.js';

function entry(url: string, status: number, setCookies: string[], started = '2026-01-01T00:00:00.000Z', method = 'GET', cookie?: string) {
  return {
    startedDateTime: started,
    request: { method, url, headers: cookie ? [{ name: 'Cookie', value: cookie }] : [] },
    response: { status, headers: setCookies.map((value) => ({ name: 'set-cookie', value })) },
  };
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

  it("re-reads getHAR() for a redirect whose Set-Cookie had not arrived, and grades the complete entry", async () => {
    vi.useFakeTimers();
    const complete = entry('http://a/login', 302, ['sid=new; Path=/']);
    const network = fakeNetwork([complete]);
    const batches: Observation[][] = [];
    createDevtoolsNetworkSource(network.api).onObservations((batch) => batches.push(batch));
    network.finish(entry('http://a/login', 302, []));
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches.flat().map((o) => o.responseHeaders.map((h) => h.value))).toEqual([['sid=new; Path=/']]);
    vi.useRealTimers();
  });

  it('re-reads a logout whose Cookie header had not arrived, once for several entries', async () => {
    vi.useFakeTimers();
    const complete = [entry('http://a/logout', 303, [], '2026-01-01T00:00:01.000Z', 'POST', 'sid=abc'), entry('http://a/go', 302, ['x=1'])];
    const network = fakeNetwork(complete);
    const getHar = vi.spyOn(network.api, 'getHAR');
    const batches: Observation[][] = [];
    createDevtoolsNetworkSource(network.api).onObservations((batch) => batches.push(batch));
    network.finish(entry('http://a/logout', 303, [], '2026-01-01T00:00:01.000Z', 'POST'));
    network.finish(entry('http://a/go', 302, []));
    network.finish(entry('http://a/page', 200, []));
    await vi.advanceTimersByTimeAsync(1000);
    const observations = batches.flat();
    expect(observations.map((o) => o.url)).toEqual(['http://a/page', 'http://a/logout', 'http://a/go']);
    expect(observations[1]?.requestHeaders).toEqual([{ name: 'Cookie', value: 'sid=abc' }]);
    expect(observations[2]?.responseHeaders.map((h) => h.value)).toEqual(['x=1']);
    expect(getHar).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });

  it('keeps the redirect as reported when getHAR() has nothing better', async () => {
    vi.useFakeTimers();
    const network = fakeNetwork([]);
    const batches: Observation[][] = [];
    createDevtoolsNetworkSource(network.api).onObservations((batch) => batches.push(batch));
    network.finish(entry('http://a/go', 301, []));
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches.flat().map((o) => o.status)).toEqual([301]);
    vi.useRealTimers();
  });
});
