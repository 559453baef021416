/**
 * NetworkSource over a devtools.network API: HAR entries become plain observations through the
 * same reader the CLI uses for HAR files. The API is passed in (the extension passes
 * webextension-polyfill's, tests a fake), so this module touches no browser global.
 */
import { headerValues, type Observation } from '../../src/observation/observation.js';
import { harEntryToObservation } from '../../src/observation/read-har.js';
import { isLoginRequest, isLogoutRequest } from '../../src/trace/login-logout.js';
import { createCookieValuesSeen } from './cookie-values-seen.js';
import type { NetworkSource } from './network-source.js';

/** Finished entries are handed on at most this often, so a burst of requests renders once. */
const BATCH_MILLISECONDS = 100;
/** How long to wait before re-reading getHAR() for entries whose cookie headers may come late. */
const RECHECK_MILLISECONDS = 300;
/**
 * How long a redirect reported without its raw headers is held, waiting for a request that sends
 * a cookie value nothing explains (then the log is re-read for it); after that it is passed on as
 * reported: it set no cookie anyone sent.
 */
const HOLD_MILLISECONDS = 1000;
/**
 * DevTools builds the whole log for every getHAR(), so a re-read costs in proportion to the trace:
 * after one that took d ms, the next waits at least this many times d. Re-reads then take at most
 * about a tenth of DevTools' time, however long the trace and however many redirects.
 */
const RECHECK_COST_SPACING = 10;

interface HarEntryLike {
  readonly startedDateTime?: string;
  readonly request?: { readonly url?: string; readonly headersSize?: number };
  readonly response?: { readonly status?: number; readonly headersSize?: number; readonly headers?: readonly { readonly name: string }[] };
}

/**
 * Chromium reports a request before the protocol events that carry its raw headers (Cookie sent,
 * Set-Cookie received) have arrived, for a sixth to a half of the redirects in probes here; the
 * HAR log has them a moment later. It fills `headersSize` from those raw headers, so a size of 0 or more says
 * they had arrived: that side of the entry is complete. Over HTTP/2 the size is always -1 (no raw
 * header text) and nothing tells the two apart.
 */
function rawHeadersArrived(side: { readonly headersSize?: number } | undefined): boolean {
  return (side?.headersSize ?? -1) >= 0;
}

/**
 * Which entries may lack a header that would change a grade, unless their raw headers are known
 * to have arrived: logins and logouts without either header (re-read at once: rotation and
 * clearing depend on them), and redirects without Set-Cookie (held: re-read only if a later
 * request sends a cookie value that nothing the trace saw had set).
 */
function missingHeadersSuspected(entry: HarEntryLike, observation: Observation): 'none' | 'redirect' | 'login-or-logout' {
  const mayLackSetCookie = !rawHeadersArrived(entry.response) && headerValues(observation.responseHeaders, 'set-cookie').length === 0;
  if (isLoginRequest(observation) || isLogoutRequest(observation)) {
    const mayLackCookie = !rawHeadersArrived(entry.request) && headerValues(observation.requestHeaders, 'cookie').length === 0;
    if (mayLackSetCookie || mayLackCookie) return 'login-or-logout';
  }
  const status = entry.response?.status ?? 0;
  return status >= 300 && status < 400 && mayLackSetCookie ? 'redirect' : 'none';
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
  // When the next re-read may start (see RECHECK_COST_SPACING).
  let nextReadAllowedAt = 0;
  const harEntries = (): Promise<HarEntryLike[]> => {
    if (reading) return reading;
    const started = Date.now();
    reading = Promise.resolve(network.getHAR())
      .then((log) => (log as { entries?: HarEntryLike[] } | null)?.entries ?? [])
      .finally(() => {
        reading = null;
        const finished = Date.now();
        nextReadAllowedAt = finished + (finished - started) * RECHECK_COST_SPACING;
      });
    return reading;
  };
  // Every cookie value set or sent so far, the history's included.
  const seen = createCookieValuesSeen();
  const observationOf = (entry: HarEntryLike): Observation | null => {
    const observation = harEntryToObservation(entry);
    if (observation !== null) seen.note(observation);
    return observation;
  };
  return {
    async readHistory() {
      return (await harEntries()).flatMap((entry) => {
        const observation = observationOf(entry);
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
        for (const entry of waiting) push(observationOf(log.find((candidate) => sameEntry(candidate, entry)) ?? entry));
      };
      const scheduleRecheck = (entries: readonly HarEntryLike[]) => {
        rechecks.push(...entries);
        recheckTimer ??= setTimeout(() => void recheck(), Math.max(RECHECK_MILLISECONDS, nextReadAllowedAt - Date.now()));
      };
      // Redirects reported without their raw headers, held for HOLD_MILLISECONDS.
      let held: { entry: HarEntryLike; observation: Observation; until: number }[] = [];
      let holdTimer: ReturnType<typeof setTimeout> | null = null;
      const release = () => {
        holdTimer = null;
        const now = Date.now();
        for (const { observation } of held.filter((item) => item.until <= now)) push(observation);
        held = held.filter((item) => item.until > now);
        if (held.length > 0) holdTimer = setTimeout(release, (held[0]?.until ?? now) - now);
      };
      const listener = (entry: never) => {
        const har = entry as HarEntryLike;
        const observation = harEntryToObservation(har);
        if (observation === null) return;
        const unexplained = seen.note(observation);
        if (unexplained && held.length > 0) {
          scheduleRecheck(held.map((item) => item.entry));
          held = [];
        }
        const suspicion = missingHeadersSuspected(har, observation);
        if (suspicion === 'none') push(observation);
        else if (suspicion === 'login-or-logout') scheduleRecheck([har]);
        else {
          held.push({ entry: har, observation, until: Date.now() + HOLD_MILLISECONDS });
          holdTimer ??= setTimeout(release, HOLD_MILLISECONDS);
        }
      };
      network.onRequestFinished.addListener(listener);
      return () => {
        network.onRequestFinished.removeListener(listener);
        if (timer) clearTimeout(timer);
        if (recheckTimer) clearTimeout(recheckTimer);
        if (holdTimer) clearTimeout(holdTimer);
      };
    },

    onNavigated(callback) {
      const listener = (url: string) => callback(url);
      network.onNavigated.addListener(listener);
      return () => network.onNavigated.removeListener(listener);
    },
  };
}
