import { afterEach, describe, expect, it, vi } from 'vitest';
import { STRONG_ID, observationWith } from '../../../test/support/rule-harness.js';
import { gradeObservations } from '../../grade/grade-observations.js';
import type { Clock } from './grading-schedule.js';
import { applyEvent, createSessionsStore } from './sessions-store.js';

const setting = (name: string) => observationWith([`${name}=${STRONG_ID}; Path=/; Secure; HttpOnly`]);
const names = (store: ReturnType<typeof createSessionsStore>) => store.trace.value.cookies.map((cookie) => cookie.cookie.name);

afterEach(() => {
  vi.useRealTimers();
});

/**
 * A clock on vitest's fake timers whose time a grading reads twice (before and after): each
 * grading then costs `cost()` milliseconds, whatever the machine does.
 */
function clockWhereGradingCosts(cost: () => number): Clock {
  let time = 0;
  let reads = 0;
  return {
    now: () => (reads++ % 2 === 0 ? time : (time += cost())),
    setTimeout: (run, milliseconds) => setTimeout(run, milliseconds),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

describe('the sessions store', () => {
  it('acts as a safety net only when grading stays costly: later batches wait and are graded together', async () => {
    vi.useFakeTimers();
    const store = createSessionsStore({ clock: clockWhereGradingCosts(() => 100) });
    // Three costly gradings: a lasting cost.
    for (const name of ['a', 'b', 'c']) applyEvent(store, { type: 'observed', observations: [setting(name)] });
    expect(names(store)).toEqual(['a', 'b', 'c']);
    applyEvent(store, { type: 'observed', observations: [setting('other.sid')] });
    applyEvent(store, { type: 'observed', observations: [setting('third.sid')] });
    expect(names(store)).toEqual(['a', 'b', 'c']);
    await vi.advanceTimersByTimeAsync(400);
    expect(names(store)).toEqual(['a', 'b', 'c', 'other.sid', 'third.sid']);
    expect(store.trace.value).toEqual(gradeObservations(store.observations.value));
  });

  it('never holds a batch back after one costly grading (a collection pause is not a cost)', () => {
    vi.useFakeTimers();
    const costs = [2, 3, 120];
    const store = createSessionsStore({ clock: clockWhereGradingCosts(() => costs.shift() ?? 2) });
    for (const name of ['a', 'b', 'c']) applyEvent(store, { type: 'observed', observations: [setting(name)] });
    applyEvent(store, { type: 'observed', observations: [setting('other.sid')] });
    expect(names(store)).toEqual(['a', 'b', 'c', 'other.sid']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clears at once, even while a grading is pending', () => {
    vi.useFakeTimers();
    const store = createSessionsStore({ clock: clockWhereGradingCosts(() => 100) });
    for (const name of ['a', 'b', 'c']) applyEvent(store, { type: 'observed', observations: [setting(name)] });
    applyEvent(store, { type: 'observed', observations: [setting('other.sid')] });
    expect(vi.getTimerCount()).toBe(1);
    applyEvent(store, { type: 'cleared' });
    expect(names(store)).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('grades new exchanges at once while grading is cheap', () => {
    const store = createSessionsStore();
    applyEvent(store, { type: 'observed', observations: [setting('sid')] });
    expect(names(store)).toEqual(['sid']);
  });

  it('grades each appended batch incrementally, as grading the whole trace would', () => {
    const store = createSessionsStore();
    const batches = [[setting('sid')], [setting('other.sid'), setting('sid')], [setting('third.sid')]];
    for (const batch of batches) applyEvent(store, { type: 'observed', observations: batch });
    expect(store.trace.value).toEqual(gradeObservations(store.observations.value));
    expect(names(store)).toEqual(['sid', 'other.sid', 'third.sid']);
  });

  it('drops the oldest tenth at once past the cap, and grades what is kept (in the tasks after)', async () => {
    vi.useFakeTimers();
    const store = createSessionsStore({ maxObservations: 10 });
    for (let i = 0; i < 11; i++) applyEvent(store, { type: 'observed', observations: [{ ...setting(`c${i}`), time: i }] });
    expect(store.observations.value).toHaveLength(9);
    expect(store.dropped.value).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.trace.value).toEqual(gradeObservations(store.observations.value));
  });

  it('past the cap, grades the kept exchanges again a slice per task, and the result is the whole trace graded', async () => {
    vi.useFakeTimers();
    const store = createSessionsStore({ maxObservations: 1000 });
    const batch = (from: number) => Array.from({ length: 50 }, (_, i) => ({ ...setting(`c${(from + i) % 30}.sid`), time: from + i }));
    for (let from = 0; from < 1000; from += 50) applyEvent(store, { type: 'observed', observations: batch(from) });
    applyEvent(store, { type: 'observed', observations: batch(1000) });
    // 1,050 over a cap of 1,000: 150 go, 900 stay, graded again 100 at a time, one task each.
    expect(store.dropped.value).toBe(150);
    expect(store.gradedCount.value).toBe(1050);
    let tasks = 0;
    while (store.gradedCount.value !== 900) {
      await vi.advanceTimersToNextTimerAsync();
      tasks++;
    }
    expect(tasks).toBe(9);
    expect(store.trace.value).toEqual(gradeObservations(store.observations.value));
  });

  it('finishes its rebuilds when the trace drops faster than one rebuild takes, and holds at most twice the cap', async () => {
    vi.useFakeTimers();
    const store = createSessionsStore({ maxObservations: 200 });
    const largest: number[] = [];
    for (let from = 0; from < 3000; from += 50) {
      const batch = Array.from({ length: 50 }, (_, i) => ({ ...setting(`c${(from + i) % 7}.sid`), time: from + i }));
      applyEvent(store, { type: 'observed', observations: batch });
      // One task between batches: one slice of a rebuild, while every batch passes the cap.
      await vi.advanceTimersToNextTimerAsync();
      largest.push(store.inventory.value.observations.length);
    }
    expect(store.dropped.value).toBeGreaterThan(2500);
    expect(Math.max(...largest)).toBeLessThanOrEqual(2 * 200 + 50);
    await vi.runAllTimersAsync();
    expect(vi.getTimerCount()).toBe(0);
    expect(store.trace.value).toEqual(gradeObservations(store.observations.value));
  });

  it('grades again when the user marks a cookie', () => {
    const store = createSessionsStore();
    applyEvent(store, { type: 'observed', observations: [setting('prefs')] });
    expect(store.trace.value.cookies[0]?.session.isSession).toBe(false);
    applyEvent(store, { type: 'marked', name: 'prefs', mark: 'session' });
    expect(store.trace.value.cookies[0]?.session.isSession).toBe(true);
  });

  it('clears at once', () => {
    const store = createSessionsStore();
    applyEvent(store, { type: 'observed', observations: [setting('sid')] });
    applyEvent(store, { type: 'cleared' });
    expect(names(store)).toEqual([]);
  });

  it('keeps exchanges in time order whatever order they arrive in', () => {
    const store = createSessionsStore();
    const early = { ...setting('a'), time: 1 };
    const late = { ...setting('b'), time: 2 };
    applyEvent(store, { type: 'observed', observations: [late, early] });
    expect(store.observations.value.map((o) => o.time)).toEqual([1, 2]);
  });

  it('puts an exchange that finishes after a later-started one was graded after it, and grades only it', () => {
    const store = createSessionsStore();
    applyEvent(store, {
      type: 'observed',
      observations: [
        { ...setting('a'), time: 1 },
        { ...setting('b'), time: 3 },
      ],
    });
    const [a, b] = store.trace.value.cookies;
    applyEvent(store, { type: 'observed', observations: [{ ...setting('c'), time: 2 }] });
    expect(store.observations.value.map((o) => o.time)).toEqual([1, 3, 2]);
    // Appended: nothing was graded again, so the untouched cookies keep their grades (the same objects).
    expect(store.trace.value.cookies.slice(0, 2)).toEqual([a, b]);
    expect(store.trace.value.cookies[0]).toBe(a);
    expect(names(store)).toEqual(['a', 'b', 'c']);
  });
});
