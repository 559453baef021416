/**
 * NetworkSource over devtools.network (webextension-polyfill): HAR entries become plain
 * observations through the same reader the CLI uses for HAR files.
 */
import browser from 'webextension-polyfill';
import type { Observation } from '../../src/observation/observation.js';
import { harEntryToObservation } from '../../src/observation/read-har.js';
import type { NetworkSource } from './network-source.js';

/** Finished entries are handed on at most this often, so a burst of requests renders once. */
const BATCH_MILLISECONDS = 100;
/** How long to wait before re-reading getHAR() for a redirect whose Set-Cookie came late. */
const REDIRECT_RECHECK_MILLISECONDS = 300;

interface HarEntryLike {
  readonly startedDateTime?: string;
  readonly request?: { readonly url?: string };
  readonly response?: { readonly status?: number; readonly headers?: readonly { readonly name: string }[] };
}

function isRedirectWithoutSetCookie(entry: HarEntryLike): boolean {
  const status = entry.response?.status ?? 0;
  return status >= 300 && status < 400 && !(entry.response?.headers ?? []).some((h) => h.name.toLowerCase() === 'set-cookie');
}

function sameEntry(a: HarEntryLike, b: HarEntryLike): boolean {
  return a.request?.url === b.request?.url && a.startedDateTime === b.startedDateTime;
}

async function harEntries(): Promise<HarEntryLike[]> {
  const log = (await browser.devtools.network.getHAR()) as unknown as { entries?: HarEntryLike[] };
  return log.entries ?? [];
}

export function createDevtoolsNetworkSource(): NetworkSource {
  return {
    async readHistory() {
      return (await harEntries()).flatMap((entry) => {
        const observation = harEntryToObservation(entry);
        return observation ? [observation] : [];
      });
    },

    async readPageUrl() {
      const entries = (await harEntries()) as (HarEntryLike & { _resourceType?: string })[];
      const documents = entries.filter((entry) => entry._resourceType === 'document');
      return (documents[documents.length - 1] ?? entries[0])?.request?.url ?? null;
    },

    onObservations(callback) {
      let pending: Observation[] = [];
      let timer: ReturnType<typeof setTimeout> | null = null;
      const push = (observation: Observation | null) => {
        if (observation === null) return;
        pending.push(observation);
        timer ??= setTimeout(() => {
          const batch = pending;
          pending = [];
          timer = null;
          callback(batch);
        }, BATCH_MILLISECONDS);
      };
      const listener = (entry: unknown) => {
        const har = entry as HarEntryLike;
        if (!isRedirectWithoutSetCookie(har)) {
          push(harEntryToObservation(har));
          return;
        }
        // Chrome often reports a redirect before its Set-Cookie headers arrive (they come in a
        // separate protocol event); the HAR log has them a moment later.
        setTimeout(async () => {
          const complete = (await harEntries().catch(() => [])).find((candidate) => sameEntry(candidate, har));
          push(harEntryToObservation(complete ?? har));
        }, REDIRECT_RECHECK_MILLISECONDS);
      };
      browser.devtools.network.onRequestFinished.addListener(listener);
      return () => {
        browser.devtools.network.onRequestFinished.removeListener(listener);
        if (timer) clearTimeout(timer);
      };
    },

    onNavigated(callback) {
      const listener = (url: string) => callback(url);
      browser.devtools.network.onNavigated.addListener(listener);
      return () => browser.devtools.network.onNavigated.removeListener(listener);
    },
  };
}
