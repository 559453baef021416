/**
 * The entries of hosts captured exactly, in the order DevTools reported them, each joined to the
 * headers webRequest saw for it (ExactHeaders). The browser reports webRequest's events and
 * DevTools' entries on separate channels, so an entry can come before its hop: the head entry
 * waits for it (at most EXACT_WAIT_MILLISECONDS) and holds back those behind it, so a login never
 * lands after the page it led to. Nothing here re-reads DevTools' log.
 */
import type { ExactHeaders } from '../../src/observation/exact-headers.js';
import type { Observation } from '../../src/observation/observation.js';

/** How long an entry waits for its hop before it goes on as DevTools reported it (a response from the memory cache has none). */
export const EXACT_WAIT_MILLISECONDS = 500;
/** How often a waiting entry looks for its hop again. */
const RETRY_MILLISECONDS = 20;

export interface ExactEntryQueue {
  take(observation: Observation, joiner: ExactHeaders): void;
  stop(): void;
}

export function createExactEntryQueue(emit: (observation: Observation) => void): ExactEntryQueue {
  const waiting: { readonly observation: Observation; readonly joiner: ExactHeaders; readonly since: number }[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    while (waiting.length > 0) {
      const head = waiting[0] as (typeof waiting)[number];
      const joined = head.joiner.joinWhenComplete(head.observation);
      if (joined === null && Date.now() - head.since < EXACT_WAIT_MILLISECONDS) break;
      waiting.shift();
      // Waited long enough: with the hop's request headers if it was sent, else as reported.
      emit(joined ?? head.joiner.join(head.observation));
    }
    if (waiting.length > 0) timer = setTimeout(flush, RETRY_MILLISECONDS);
  };
  return {
    take(observation, joiner) {
      waiting.push({ observation, joiner, since: Date.now() });
      if (timer === null) flush();
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
