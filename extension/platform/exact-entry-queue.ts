/**
 * The entries of hosts captured exactly, in the order DevTools reported them, each joined to the
 * headers webRequest saw for it (ExactHeaders). The browser reports webRequest's events and
 * DevTools' entries on separate channels, so an entry can come before its hop: the head entry
 * waits for it (at most EXACT_WAIT_MILLISECONDS) and holds back those behind it, so a login never
 * lands after the page it led to. An entry whose hop never came goes to `fallback`: in Chromium 156
 * the panel got no webRequest event at all for about one page load in ten of the e2e test's, so
 * such an entry takes the path of DevTools' log (held, re-read) rather than going on as reported.
 */
import type { ExactHeaders } from '../../src/observation/exact-headers.js';
import type { Observation } from '../../src/observation/observation.js';

/** How long an entry waits for its hop before it goes to the fallback (a response from the memory cache has none). */
export const EXACT_WAIT_MILLISECONDS = 500;
/** How often a waiting entry looks for its hop again. */
const RETRY_MILLISECONDS = 20;

export interface ExactEntryQueue<Entry> {
  /** `observation` is what DevTools reported in `entry`. */
  take(entry: Entry, observation: Observation, joiner: ExactHeaders): void;
  stop(): void;
}

export function createExactEntryQueue<Entry>(emit: (observation: Observation) => void, fallback: (entry: Entry) => void): ExactEntryQueue<Entry> {
  const waiting: { readonly entry: Entry; readonly observation: Observation; readonly joiner: ExactHeaders; readonly since: number }[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    while (waiting.length > 0) {
      const head = waiting[0] as (typeof waiting)[number];
      const joined = head.joiner.joinWhenComplete(head.observation);
      if (joined === null && Date.now() - head.since < EXACT_WAIT_MILLISECONDS) break;
      waiting.shift();
      // Waited long enough: with the hop's request headers if it was sent, else by DevTools' path.
      const partly = joined ?? head.joiner.join(head.observation);
      if (partly === head.observation) fallback(head.entry);
      else emit(partly);
    }
    if (waiting.length > 0) timer = setTimeout(flush, RETRY_MILLISECONDS);
  };
  return {
    take(entry, observation, joiner) {
      waiting.push({ entry, observation, joiner, since: Date.now() });
      if (timer === null) flush();
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
