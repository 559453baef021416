import { describe, expect, it, vi } from 'vitest';
import type { Observation } from '../../src/observation/observation.js';
import { createObservationBatcher } from './observation-batcher.js';

function exchange(url: string): Observation {
  return { url, method: 'GET', requestHeaders: [], requestBodyParamNames: null, status: 200, responseHeaders: [], time: 0 };
}

describe('createObservationBatcher', () => {
  it('hands a burst on as one batch once the time has passed, then starts a new one', async () => {
    vi.useFakeTimers();
    const batches: string[][] = [];
    const batcher = createObservationBatcher(100, (batch) => batches.push(batch.map((o) => o.url)));
    batcher.add(exchange('a'));
    await vi.advanceTimersByTimeAsync(60);
    batcher.add(exchange('b'));
    expect(batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(40);
    batcher.add(exchange('c'));
    await vi.advanceTimersByTimeAsync(100);
    expect(batches).toEqual([['a', 'b'], ['c']]);
    vi.useRealTimers();
  });

  it('drops what it gathered when stopped', async () => {
    vi.useFakeTimers();
    const batches: Observation[][] = [];
    const batcher = createObservationBatcher(100, (batch) => batches.push(batch));
    batcher.add(exchange('a'));
    batcher.stop();
    await vi.advanceTimersByTimeAsync(500);
    expect(batches).toEqual([]);
    vi.useRealTimers();
  });
});
