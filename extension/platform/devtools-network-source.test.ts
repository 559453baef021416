import { describe, expect, it, vi } from 'vitest';
import type { Observation } from '../../src/observation/observation.js';
import { createDevtoolsNetworkSource, type DevtoolsNetworkApi } from './devtools-network-source.js';

function entry(url: string, status: number, setCookies: string[], started = '2026-01-01T00:00:00.000Z') {
  return {
    startedDateTime: started,
    request: { method: 'GET', url, headers: [] },
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
