/**
 * Gathers finished exchanges for a moment and hands them on as one batch, so a burst of requests
 * is graded and rendered once. Shared by DevTools' source and Firefox's relayed exact capture.
 */
import type { Observation } from '../../src/observation/observation.js';

export interface ObservationBatcher {
  add(observation: Observation): void;
  /** Drops what is gathered and not yet handed on. */
  stop(): void;
}

export function createObservationBatcher(milliseconds: number, deliver: (batch: Observation[]) => void): ObservationBatcher {
  let pending: Observation[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    add(observation) {
      pending.push(observation);
      timer ??= setTimeout(() => {
        const batch = pending;
        pending = [];
        timer = null;
        deliver(batch);
      }, milliseconds);
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = [];
    },
  };
}
