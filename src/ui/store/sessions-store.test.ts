import { afterEach, describe, expect, it, vi } from 'vitest';
import { STRONG_ID, observationWith } from '../../../test/support/rule-harness.js';
import { applyEvent, createSessionsStore } from './sessions-store.js';

const setting = (name: string) => observationWith([`${name}=${STRONG_ID}; Path=/; Secure; HttpOnly`]);
const names = (store: ReturnType<typeof createSessionsStore>) => store.trace.value.cookies.map((cookie) => cookie.cookie.name);

afterEach(() => {
  vi.useRealTimers();
});

describe('the sessions store', () => {
  it('grades new exchanges at once while grading is cheap', () => {
    const store = createSessionsStore();
    applyEvent(store, { type: 'observed', observations: [setting('sid')] });
    expect(names(store)).toEqual(['sid']);
  });

  it('paces re-grading when the last one was slow, and catches up', async () => {
    vi.useFakeTimers();
    const store = createSessionsStore();
    applyEvent(store, { type: 'observed', observations: [setting('sid')] });
    store.grading.lastMilliseconds = 100;
    applyEvent(store, { type: 'observed', observations: [setting('other.sid')] });
    applyEvent(store, { type: 'observed', observations: [setting('third.sid')] });
    expect(store.observations.value).toHaveLength(3);
    expect(names(store)).toEqual(['sid']);
    await vi.advanceTimersByTimeAsync(400);
    expect(names(store)).toEqual(['sid', 'other.sid', 'third.sid']);
  });

  it('clears at once, even while a re-grade is pending', () => {
    vi.useFakeTimers();
    const store = createSessionsStore();
    applyEvent(store, { type: 'observed', observations: [setting('sid')] });
    store.grading.lastMilliseconds = 100;
    applyEvent(store, { type: 'observed', observations: [setting('other.sid')] });
    applyEvent(store, { type: 'cleared' });
    expect(names(store)).toEqual([]);
    expect(store.grading.timer).toBeNull();
  });

  it('keeps exchanges in time order whatever order they arrive in', () => {
    const store = createSessionsStore();
    const early = { ...setting('a'), time: 1 };
    const late = { ...setting('b'), time: 2 };
    applyEvent(store, { type: 'observed', observations: [late, early] });
    expect(store.observations.value.map((o) => o.time)).toEqual([1, 2]);
  });
});
