import { describe, expect, it, vi } from 'vitest';
import type { Observation } from '../../src/observation/observation.js';
import type { HistoryAnswer, HistoryChannel, HistoryRequest } from './history-messages.js';
import { recordHistory, withRecordedHistory } from './history-recorder.js';
import type { NetworkSource } from './network-source.js';

function exchange(url: string, time = 0): Observation {
  return {
    url,
    method: 'GET',
    requestHeaders: [
      { name: 'Cookie', value: 'sid=1' },
      { name: 'User-Agent', value: 'dropped by the slimming' },
    ],
    requestBodyParamNames: null,
    status: 200,
    responseHeaders: [],
    time,
  };
}

/** A BroadcastChannel's behaviour: every endpoint hears the others, never itself. */
function bus() {
  const listeners = new Map<number, Set<(data: unknown) => void>>();
  let next = 0;
  const posted: (HistoryRequest | HistoryAnswer)[] = [];
  const endpoint = (): HistoryChannel => {
    const self = next++;
    listeners.set(self, new Set());
    return {
      send: (message) => {
        posted.push(message);
        for (const [owner, set] of listeners) if (owner !== self) for (const listener of set) queueMicrotask(() => listener(structuredClone(message)));
      },
      listen: (onMessage) => {
        listeners.get(self)?.add(onMessage);
        return () => listeners.get(self)?.delete(onMessage);
      },
    };
  };
  return { endpoint, posted };
}

/** A NetworkSource whose history, page URL and live batches the test controls. */
function fakeSource(history: Observation[], pageUrl: string | null) {
  let observe: ((batch: Observation[]) => void) | null = null;
  let navigate: ((url: string) => void) | null = null;
  const source: NetworkSource = {
    readHistory: vi.fn(async () => history),
    readPageUrl: vi.fn(async () => pageUrl),
    onObservations: (callback) => {
      observe = callback;
      return () => (observe = null);
    },
    onNavigated: (callback) => {
      navigate = callback;
      return () => (navigate = null);
    },
  };
  return { source, finish: (batch: Observation[]) => observe?.(batch), navigate: (url: string) => navigate?.(url), observing: () => observe !== null };
}

let ids = 0;
const newId = () => `request-${ids++}`;

describe('the recorded history', () => {
  it("hands a late panel everything the devtools page recorded, slimmed, with the page's URL, without getHAR()", async () => {
    const network = bus();
    const recorder = fakeSource([exchange('http://a/before')], 'http://a/');
    recordHistory(recorder.source, network.endpoint(), 7);
    recorder.finish([exchange('http://a/one', 1), exchange('http://a/two', 2)]);
    recorder.navigate('http://a/next');
    const panel = fakeSource([], null);
    const source = withRecordedHistory(panel.source, network.endpoint(), 7, newId);
    const [history, pageUrl] = await Promise.all([source.readHistory(), source.readPageUrl()]);
    expect(history.map((o) => o.url)).toEqual(['http://a/before', 'http://a/one', 'http://a/two']);
    expect(history[0]?.requestHeaders.map((h) => h.name)).toEqual(['Cookie']);
    expect(pageUrl).toBe('http://a/next');
    expect(network.posted.filter((message) => message.kind === 'history-request')).toHaveLength(1);
    expect(panel.source.readHistory).not.toHaveBeenCalled();
  });

  it('answers only the panel of its own tab; a panel without an answer reads getHAR() itself', async () => {
    vi.useFakeTimers();
    const network = bus();
    recordHistory(fakeSource([exchange('http://other/')], 'http://other/').source, network.endpoint(), 1);
    const panel = fakeSource([exchange('http://mine/')], 'http://mine/');
    const source = withRecordedHistory(panel.source, network.endpoint(), 2, newId, 500);
    const reading = Promise.all([source.readHistory(), source.readPageUrl()]);
    await vi.advanceTimersByTimeAsync(600);
    const [history, pageUrl] = await reading;
    expect([history.map((o) => o.url), pageUrl]).toEqual([['http://mine/'], 'http://mine/']);
    vi.useRealTimers();
  });

  it('keeps the newest exchanges past its limit, dropping the oldest tenth at once', async () => {
    const network = bus();
    const recorder = fakeSource([], null);
    recordHistory(recorder.source, network.endpoint(), 3, 20);
    recorder.finish(Array.from({ length: 21 }, (_, index) => exchange(`http://a/${index}`)));
    const history = await withRecordedHistory(fakeSource([], null).source, network.endpoint(), 3, newId).readHistory();
    // 21 over a limit of 20: the one too many and a tenth of 20 go.
    expect(history.map((o) => o.url)).toEqual(Array.from({ length: 18 }, (_, index) => `http://a/${index + 3}`));
  });

  it('stops recording once it has answered: the panel, shown for good, has the tab from then on', async () => {
    vi.useFakeTimers();
    const network = bus();
    const recorder = fakeSource([], null);
    recordHistory(recorder.source, network.endpoint(), 4);
    expect(recorder.observing()).toBe(true);
    recorder.finish([exchange('http://a/one')]);
    const first = withRecordedHistory(fakeSource([], null).source, network.endpoint(), 4, newId).readHistory();
    await vi.advanceTimersByTimeAsync(10);
    expect((await first).map((o) => o.url)).toEqual(['http://a/one']);
    // No longer observed, and a second panel (the page reloaded) reads getHAR() itself.
    expect(recorder.observing()).toBe(false);
    const again = fakeSource([exchange('http://a/from-har')], null);
    const second = withRecordedHistory(again.source, network.endpoint(), 4, newId, 500).readHistory();
    await vi.advanceTimersByTimeAsync(600);
    expect((await second).map((o) => o.url)).toEqual(['http://a/from-har']);
    vi.useRealTimers();
  });

  it('holds live batches until the history is read, then leaves out what the history already has', async () => {
    vi.useFakeTimers();
    const network = bus();
    const recorder = fakeSource([], null);
    recordHistory(recorder.source, network.endpoint(), 5);
    recorder.finish([exchange('http://a/one', 1), exchange('http://a/both', 2)]);
    const panel = fakeSource([], null);
    const source = withRecordedHistory(panel.source, network.endpoint(), 5, newId);
    const batches: string[][] = [];
    source.onObservations((batch) => batches.push(batch.map((o) => o.url)));
    // DevTools hands the panel its own copy of an exchange the recorder has, and a new one.
    panel.finish([exchange('http://a/both', 2), exchange('http://a/new', 3)]);
    expect(batches).toEqual([]);
    const history = await source.readHistory();
    expect(history.map((o) => o.url)).toEqual(['http://a/one', 'http://a/both']);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([['http://a/new']]);
    panel.finish([exchange('http://a/later', 4)]);
    expect(batches).toEqual([['http://a/new'], ['http://a/later']]);
    vi.useRealTimers();
  });

  it("passes on the wrapped source's unconfirmed logins, so the panel can say so", () => {
    const { source } = fakeSource([], null);
    const reported: string[] = [];
    let report: ((observation: Observation) => void) | null = null;
    const wrapped = withRecordedHistory({ ...source, onUnconfirmed: (callback) => ((report = callback), () => (report = null)) }, bus().endpoint(), 7, newId);
    const stop = wrapped.onUnconfirmed?.((observation) => reported.push(observation.url));
    (report as ((observation: Observation) => void) | null)?.(exchange('http://a/login'));
    expect(reported).toEqual(['http://a/login']);
    stop?.();
    expect(report).toBeNull();
  });
});
