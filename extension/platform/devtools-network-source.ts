/**
 * NetworkSource over a devtools.network API: HAR entries become plain observations through the
 * same reader the CLI uses for HAR files. The API is passed in (the extension passes
 * webextension-polyfill's, tests a fake), so this module touches no browser global.
 */
import { headerValues, type Observation } from '../../src/observation/observation.js';
import { harEntryToObservation } from '../../src/observation/read-har.js';
import { isLoginRequest, isLogoutRequest } from '../../src/trace/login-logout.js';
import type { NetworkSource } from './network-source.js';

/** Finished entries are handed on at most this often, so a burst of requests renders once. */
const BATCH_MILLISECONDS = 100;
/** How long to wait before re-reading getHAR() for entries whose cookie headers may come late. */
const RECHECK_MILLISECONDS = 300;

interface HarEntryLike {
  readonly startedDateTime?: string;
  readonly request?: { readonly url?: string };
  readonly response?: { readonly status?: number; readonly headers?: readonly { readonly name: string }[] };
}

/**
 * Chrome reports a request before the protocol events that carry its raw cookie headers (Cookie
 * sent, Set-Cookie received) have arrived, about half the time for redirects; the HAR log has
 * them a moment later. Re-read the entries whose missing headers would change a grade: redirects
 * without Set-Cookie, and logins and logouts without either header.
 */
function mayLackCookieHeaders(entry: HarEntryLike, observation: Observation): boolean {
  const setsCookies = headerValues(observation.responseHeaders, 'set-cookie').length > 0;
  const status = entry.response?.status ?? 0;
  if (status >= 300 && status < 400 && !setsCookies) return true;
  if (!isLoginRequest(observation) && !isLogoutRequest(observation)) return false;
  return !setsCookies || headerValues(observation.requestHeaders, 'cookie').length === 0;
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
  // One getHAR() while one is in flight: at open the history and the page URL read the same log,
  // and DevTools serialises every entry for each call.
  let reading: Promise<HarEntryLike[]> | null = null;
  const harEntries = (): Promise<HarEntryLike[]> =>
    (reading ??= Promise.resolve(network.getHAR())
      .then((log) => (log as { entries?: HarEntryLike[] } | null)?.entries ?? [])
      .finally(() => {
        reading = null;
      }));
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
      // Entries waiting for one shared getHAR() re-read.
      let rechecks: HarEntryLike[] = [];
      let recheckTimer: ReturnType<typeof setTimeout> | null = null;
      const recheck = async () => {
        const waiting = rechecks;
        rechecks = [];
        recheckTimer = null;
        const log = await harEntries().catch(() => []);
        for (const entry of waiting) push(harEntryToObservation(log.find((candidate) => sameEntry(candidate, entry)) ?? entry));
      };
      const listener = (entry: never) => {
        const har = entry as HarEntryLike;
        const observation = harEntryToObservation(har);
        if (observation === null || !mayLackCookieHeaders(har, observation)) {
          push(observation);
          return;
        }
        rechecks.push(har);
        recheckTimer ??= setTimeout(() => void recheck(), RECHECK_MILLISECONDS);
      };
      network.onRequestFinished.addListener(listener);
      return () => {
        network.onRequestFinished.removeListener(listener);
        if (timer) clearTimeout(timer);
        if (recheckTimer) clearTimeout(recheckTimer);
      };
    },

    onNavigated(callback) {
      const listener = (url: string) => callback(url);
      network.onNavigated.addListener(listener);
      return () => network.onNavigated.removeListener(listener);
    },
  };
}
