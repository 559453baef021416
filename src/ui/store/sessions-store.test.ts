import { afterEach, describe, expect, it, vi } from 'vitest';
import { STRONG_ID, observationWith } from '../../../test/support/rule-harness.js';
import { gradeObservations } from '../../grade/grade-observations.js';
import { IncrementalGrader } from '../../grade/incremental-grader.js';
import { applyEvent, createSessionsStore } from './sessions-store.js';

const setting = (name: string) => observationWith([`${name}=${STRONG_ID}; Path=/; Secure; HttpOnly`]);
const names = (store: ReturnType<typeof createSessionsStore>) => store.trace.value.cookies.map((cookie) => cookie.cookie.name);

afterEach(() => {
  vi.useRealTimers();
});

describe('the sessions store', () => {
  it('acts as a safety net only when grading stays dear: later batches wait and are graded together', async () => {
    vi.useFakeTimers();
    const store = createSessionsStore();
    applyEvent(store, { type: 'observed', observations: [setting('sid')] });
    expect(names(store)).toEqual(['sid']);
    store.grading.recentMilliseconds = [100, 100, 100];
    applyEvent(store, { type: 'observed', observations: [setting('other.sid')] });
    applyEvent(store, { type: 'observed', observations: [setting('third.sid')] });
    expect(names(store)).toEqual(['sid']);
    await vi.advanceTimersByTimeAsync(400);
    expect(names(store)).toEqual(['sid', 'other.sid', 'third.sid']);
    expect(store.trace.value).toEqual(gradeObservations(store.observations.value));
  });

  it('never holds a batch back after one dear grading (a collection pause is not a cost)', () => {
    vi.useFakeTimers();
    const store = createSessionsStore();
    applyEvent(store, { type: 'observed', observations: [setting('sid')] });
    store.grading.recentMilliseconds = [2, 3, 120];
    applyEvent(store, { type: 'observed', observations: [setting('other.sid')] });
    expect(names(store)).toEqual(['sid', 'other.sid']);
    expect(store.grading.timer).toBeNull();
  });

  it('clears at once, even while a grading is pending', () => {
    vi.useFakeTimers();
    const store = createSessionsStore();
    applyEvent(store, { type: 'observed', observations: [setting('sid')] });
    store.grading.recentMilliseconds = [100, 100, 100];
    applyEvent(store, { type: 'observed', observations: [setting('other.sid')] });
    applyEvent(store, { type: 'cleared' });
    expect(names(store)).toEqual([]);
    expect(store.grading.timer).toBeNull();
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
    // How many exchanges each append grades, from here on.
    const calls: number[] = [];
    const original = IncrementalGrader.prototype.append;
    IncrementalGrader.prototype.append = function (observations) {
      calls.push(observations.length);
      return original.call(this, observations);
    };
    try {
      applyEvent(store, { type: 'observed', observations: batch(1000) });
      // 1,050 over a cap of 1,000: 150 go, 900 stay, graded again 100 at a time.
      expect(store.dropped.value).toBe(150);
      expect(store.grading.rebuild).not.toBeNull();
      applyEvent(store, { type: 'observed', observations: batch(1050) });
      await vi.advanceTimersByTimeAsync(50);
      expect(store.grading.rebuild).toBeNull();
      expect(Math.max(...calls)).toBeLessThanOrEqual(100);
      expect(store.trace.value).toEqual(gradeObservations(store.observations.value));
    } finally {
      IncrementalGrader.prototype.append = original;
    }
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
      largest.push(store.grading.grader.inventory.observations.length);
    }
    expect(store.dropped.value).toBeGreaterThan(2500);
    expect(Math.max(...largest)).toBeLessThanOrEqual(2 * 200 + 50);
    await vi.runAllTimersAsync();
    expect(store.grading.rebuild).toBeNull();
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
    applyEvent(store, { type: 'observed', observations: [{ ...setting('a'), time: 1 }, { ...setting('b'), time: 3 }] });
    const graderBefore = store.grading.grader;
    applyEvent(store, { type: 'observed', observations: [{ ...setting('c'), time: 2 }] });
    expect(store.observations.value.map((o) => o.time)).toEqual([1, 3, 2]);
    // Appended to the same grader: nothing was graded again.
    expect(store.grading.grader).toBe(graderBefore);
    expect(names(store)).toEqual(['a', 'b', 'c']);
  });
});
