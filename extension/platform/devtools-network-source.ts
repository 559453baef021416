/**
 * NetworkSource over a devtools.network API: HAR entries become plain observations through the
 * same reader the CLI uses for HAR files. The API is passed in (the extension passes
 * webextension-polyfill's, tests a fake), so this module touches no browser global.
 */
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

export function createDevtoolsNetworkSource(network: DevtoolsNetworkApi): NetworkSource {
  const harEntries = async (): Promise<HarEntryLike[]> => {
    const log = (await network.getHAR()) as { entries?: HarEntryLike[] } | null;
    return log?.entries ?? [];
  };
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
      const listener = (entry: never) => {
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
      network.onRequestFinished.addListener(listener);
      return () => {
        network.onRequestFinished.removeListener(listener);
        if (timer) clearTimeout(timer);
      };
    },

    onNavigated(callback) {
      const listener = (url: string) => callback(url);
      network.onNavigated.addListener(listener);
      return () => network.onNavigated.removeListener(listener);
    },
  };
}
