import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExactHeaders } from '../../src/observation/exact-headers.js';
import { headerValues, type Observation } from '../../src/observation/observation.js';
import { createExactEntryQueue, EXACT_WAIT_MILLISECONDS } from './exact-entry-queue.js';

const T0 = Date.UTC(2026, 11, 6, 12);

function reported(method: string, path: string, time: number): Observation {
  return { url: `https://app.test${path}`, method, requestHeaders: [], requestBodyParamNames: null, status: 200, responseHeaders: [], time };
}

afterEach(() => vi.useRealTimers());

const fail = (entry: string) => {
  throw new Error(`${entry} fell back`);
};

describe('createExactEntryQueue', () => {
  it('hands an entry on at once when its hop is complete', () => {
    const exact = new ExactHeaders();
    exact.sent('1', 'GET', 'https://app.test/', T0, 'sid=1');
    exact.received('1', []);
    const emitted: Observation[] = [];
    createExactEntryQueue((observation) => emitted.push(observation), fail).take('entry', reported('GET', '/', T0), exact);
    expect(emitted.map((observation) => headerValues(observation.requestHeaders, 'cookie'))).toEqual([['sid=1']]);
  });

  it('holds an entry that came before its hop, and those behind it, until the hop comes: a login stays before its page', async () => {
    vi.useFakeTimers({ now: T0 });
    const exact = new ExactHeaders();
    const emitted: string[] = [];
    const queue = createExactEntryQueue((observation) => emitted.push(`${observation.url} ${headerValues(observation.requestHeaders, 'cookie').join()}`), fail);
    exact.sent('2', 'GET', 'https://app.test/profile', T0 + 5, 'sid=1');
    exact.received('2', []);
    queue.take('login', reported('POST', '/login', T0), exact);
    queue.take('profile', reported('GET', '/profile', T0 + 5), exact);
    expect(emitted).toEqual([]);
    exact.sent('1', 'POST', 'https://app.test/login', T0 + 1, 'sid=1');
    exact.received('1', ['sid=1; Path=/']);
    await vi.advanceTimersByTimeAsync(25);
    expect(emitted).toEqual(['https://app.test/login sid=1', 'https://app.test/profile sid=1']);
  });

  it("hands an entry whose hop never came to DevTools' path after EXACT_WAIT_MILLISECONDS, and one whose response never came on with its request headers", async () => {
    vi.useFakeTimers({ now: T0 });
    const exact = new ExactHeaders();
    exact.sent('3', 'GET', 'https://app.test/sent-only', T0, 'sid=3');
    const emitted: Observation[] = [];
    const fellBack: string[] = [];
    const queue = createExactEntryQueue(
      (observation) => emitted.push(observation),
      (entry: string) => fellBack.push(entry),
    );
    queue.take('cached', reported('GET', '/style.css', T0), exact);
    queue.take('sent-only', reported('GET', '/sent-only', T0), exact);
    await vi.advanceTimersByTimeAsync(EXACT_WAIT_MILLISECONDS - 30);
    expect([emitted, fellBack]).toEqual([[], []]);
    await vi.advanceTimersByTimeAsync(60);
    expect(fellBack).toEqual(['cached']);
    expect(emitted.map((observation) => headerValues(observation.requestHeaders, 'cookie'))).toEqual([['sid=3']]);
    queue.stop();
  });
});
