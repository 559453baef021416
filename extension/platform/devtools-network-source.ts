/**
 * NetworkSource over a devtools.network API: HAR entries become plain observations through the
 * same reader the CLI uses for HAR files. The API is passed in (the extension passes
 * webextension-polyfill's, tests a fake), so this module touches no browser global.
 */
import type { Observation } from '../../src/observation/observation.js';
import type { ExactHeaders } from '../../src/observation/exact-headers.js';
import { harEntryToObservation } from '../../src/observation/read-har.js';
import { createCookieValuesSeen } from './cookie-values-seen.js';
import { createEntryQueue, type HarEntryLike } from './entry-queue.js';
import { createExactEntryQueue } from './exact-entry-queue.js';
import type { NetworkSource } from './network-source.js';
import { createObservationBatcher } from './observation-batcher.js';

/** Finished entries are handed on at most this often, so a burst of requests renders once. */
const BATCH_MILLISECONDS = 100;
/**
 * DevTools builds the whole log for every getHAR(), so a re-read costs in proportion to the trace:
 * after one that took d ms, the next waits at least this many times d. Re-reads then take at most
 * about a tenth of DevTools' time, however long the trace and however many redirects.
 */
const RECHECK_COST_SPACING = 10;

/** The part of devtools.network this source uses. */
export interface DevtoolsNetworkApi {
  getHAR(): Promise<unknown>;
  readonly onRequestFinished: {
    addListener(callback: (entry: never) => void): void;
    removeListener(callback: (entry: never) => void): void;
  };
  readonly onNavigated: {
    addListener(callback: (url: string) => void): void;
    removeListener(callback: (url: string) => void): void;
  };
}

export interface DevtoolsNetworkOptions {
  /**
   * How long finished entries gather before they are handed on (the devtools page's recorder
   * takes each at once, so a panel opened a moment later misses none).
   */
  readonly batchMilliseconds?: number;
  /**
   * The URL of the inspected tab's top-level document (devtools.inspectedWindow: `location.href`
   * of the top frame), or null when it cannot say. A HAR entry of type "document" can be an
   * iframe's (an embedded ad's): it never names the inspected page while this answers.
   */
  readonly topLevelUrl?: () => Promise<string | null>;
  /**
   * Exact capture's joiner for an exchange of `url`, or null when its host is not captured
   * exactly: then an entry is joined to the headers webRequest saw and handed on at once (nothing
   * it lacked needs waiting for, nor re-reading DevTools' log).
   */
  readonly exactJoiner?: (url: string) => ExactHeaders | null;
}

/** The URL of the last page the HAR log names (Chromium titles a page by its URL), else of its first entry. */
function pageUrlOfLog(log: { readonly pages?: readonly { readonly title?: unknown }[] } | null, entries: readonly HarEntryLike[]): string | null {
  const title = log?.pages?.[log.pages.length - 1]?.title;
  if (typeof title === 'string' && /^https?:\/\//i.test(title)) return title;
  return entries[0]?.request?.url ?? null;
}

export function createDevtoolsNetworkSource(network: DevtoolsNetworkApi, options: DevtoolsNetworkOptions = {}): NetworkSource {
  const batchMilliseconds = options.batchMilliseconds ?? BATCH_MILLISECONDS;
  // One getHAR() while one is in flight: at open the history and the page URL read the same log,
  // and DevTools serialises every entry for each call.
  let reading: Promise<HarEntryLike[]> | null = null;
  let lastLog: { readonly pages?: readonly { readonly title?: unknown }[] } | null = null;
  // When the next re-read may start (see RECHECK_COST_SPACING).
  let nextReadAllowedAt = 0;
  const harEntries = (): Promise<HarEntryLike[]> => {
    if (reading) return reading;
    const started = Date.now();
    reading = Promise.resolve(network.getHAR())
      .then((log) => {
        lastLog = log as typeof lastLog;
        return (log as { entries?: HarEntryLike[] } | null)?.entries ?? [];
      })
      .finally(() => {
        reading = null;
        const finished = Date.now();
        nextReadAllowedAt = finished + (finished - started) * RECHECK_COST_SPACING;
      });
    return reading;
  };
  // Every cookie value set or sent so far, the history's included.
  const seen = createCookieValuesSeen();
  const unconfirmedListeners = new Set<(observation: Observation) => void>();
  return {
    async readHistory() {
      return (await harEntries()).flatMap((entry) => {
        const observation = harEntryToObservation(entry);
        if (observation === null) return [];
        seen.note(observation);
        return [observation];
      });
    },

    async readPageUrl() {
      const top = await options.topLevelUrl?.().catch(() => null);
      if (typeof top === 'string' && /^https?:\/\//i.test(top)) return top;
      const entries = await harEntries();
      return pageUrlOfLog(lastLog, entries);
    },

    onObservations(callback) {
      const batcher = createObservationBatcher(batchMilliseconds, callback);
      const emit = (observation: Observation) => batcher.add(observation);
      const queue = createEntryQueue({
        emit,
        seen,
        rereadLog: harEntries,
        nextReadAllowedAt: () => nextReadAllowedAt,
        unconfirmed: (observation) => {
          for (const listener of unconfirmedListeners) listener(observation);
        },
      });
      const exactQueue = createExactEntryQueue<HarEntryLike>(
        (observation) => {
          seen.note(observation);
          emit(observation);
        },
        (entry) => queue.take(entry),
      );
      const listener = (entry: never) => {
        const joiner = options.exactJoiner?.((entry as HarEntryLike).request?.url ?? '') ?? null;
        if (joiner === null) return queue.take(entry as HarEntryLike);
        const observation = harEntryToObservation(entry);
        if (observation !== null) exactQueue.take(entry as HarEntryLike, observation, joiner);
      };
      network.onRequestFinished.addListener(listener);
      return () => {
        network.onRequestFinished.removeListener(listener);
        batcher.stop();
        queue.stop();
        exactQueue.stop();
      };
    },

    onUnconfirmed(callback) {
      unconfirmedListeners.add(callback);
      return () => unconfirmedListeners.delete(callback);
    },

    onNavigated(callback) {
      const listener = (url: string) => callback(url);
      network.onNavigated.addListener(listener);
      return () => network.onNavigated.removeListener(listener);
    },
  };
}
