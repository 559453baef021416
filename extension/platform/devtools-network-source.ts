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
  readonly request?: { readonly url?: string };
  readonly response?: { readonly status?: number; readonly headersSize?: number; readonly headers?: readonly { readonly name: string }[] };
}

/**
 * Chromium reports a request before the protocol events that carry its raw headers (Cookie sent,
 * Set-Cookie received) have arrived, for a sixth to a half of the redirects in probes here; the
 * HAR log has them a moment later. It fills the response's `headersSize` from the raw response
 * headers, so a size of 0 or more says they had arrived, Set-Cookie included. Over HTTP/2 the size
 * is always -1 (no raw header text) and nothing tells the two apart. The request's `headersSize`
 * follows the same response event, not the raw request headers, so it says nothing about Cookie:
 * under load a login came with its size known and no Cookie header.
 */
function rawResponseHeadersArrived(entry: HarEntryLike): boolean {
  return (entry.response?.headersSize ?? -1) >= 0;
}

/**
 * Which entries may lack a header that would change a grade: logins and logouts without Cookie,
 * or without Set-Cookie unless the raw response headers are known to have arrived (re-read at
 * once: rotation and clearing depend on them), and redirects without Set-Cookie, with the same
 * exception (held: re-read only if a later request sends a cookie value that nothing the trace
 * saw had set).
 */
function missingHeadersSuspected(entry: HarEntryLike, observation: Observation): 'none' | 'redirect' | 'login-or-logout' {
  const mayLackSetCookie = !rawResponseHeadersArrived(entry) && headerValues(observation.responseHeaders, 'set-cookie').length === 0;
  const mayLackCookie = headerValues(observation.requestHeaders, 'cookie').length === 0;
  // Only then is it worth telling a login or logout (which reads the URL).
  if ((mayLackSetCookie || mayLackCookie) && (isLoginRequest(observation) || isLogoutRequest(observation))) return 'login-or-logout';
  const status = entry.response?.status ?? 0;
  return status >= 300 && status < 400 && mayLackSetCookie ? 'redirect' : 'none';
}

/** An entry in the order DevTools reported it; `ready` once nothing more is awaited for it. */
interface Slot {
  readonly entry: HarEntryLike;
  observation: Observation;
  ready: boolean;
}

/** The URL a redirect leads to (its Location, resolved, without a fragment), or null. */
function redirectTarget(observation: Observation): string | null {
  const location = headerValues(observation.responseHeaders, 'location')[0];
  if (location === undefined) return null;
  try {
    const target = new URL(location, observation.url);
    target.hash = '';
    return target.href;
  } catch {
    return null;
  }
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

/**
 * `batchMilliseconds`: how long finished entries gather before they are handed on (the devtools
 * page's recorder takes each at once, so a panel opened a moment later misses none).
 */
export function createDevtoolsNetworkSource(network: DevtoolsNetworkApi, options: { readonly batchMilliseconds?: number } = {}): NetworkSource {
  const batchMilliseconds = options.batchMilliseconds ?? BATCH_MILLISECONDS;
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
      const emit = (observation: Observation) => {
        pending.push(observation);
        timer ??= setTimeout(() => {
          const batch = pending;
          pending = [];
          timer = null;
          callback(batch);
        }, batchMilliseconds);
      };
      // Entries in the order DevTools reported them: one held or awaiting a re-read holds back
      // those behind it, so a login read again never lands after the page it led to (the store
      // grades in arrival order, and section 5 reads that order).
      const queue: Slot[] = [];
      const flush = () => {
        let ready = 0;
        while (ready < queue.length && (queue[ready] as Slot).ready) emit((queue[ready++] as Slot).observation);
        queue.splice(0, ready);
      };
      // Slots waiting for one shared getHAR() re-read.
      let rechecks: Slot[] = [];
      let recheckTimer: ReturnType<typeof setTimeout> | null = null;
      let recheckAt = Number.POSITIVE_INFINITY;
      const recheck = async () => {
        const waiting = rechecks;
        rechecks = [];
        recheckTimer = null;
        recheckAt = Number.POSITIVE_INFINITY;
        const log = await harEntries().catch(() => []);
        for (const slot of waiting) {
          const found = log.find((candidate) => sameEntry(candidate, slot.entry));
          const observation = found ? observationOf(found) : null;
          if (observation !== null) slot.observation = observation;
          slot.ready = true;
        }
        flush();
      };
      // Logins and logouts are re-read soon: they are rare, and what follows waits for them.
      // Redirects wait for the spacing the last re-read's cost asks for.
      const scheduleRecheck = (slots: readonly Slot[], soon: boolean) => {
        rechecks.push(...slots);
        const now = Date.now();
        const at = now + (soon ? RECHECK_MILLISECONDS : Math.max(RECHECK_MILLISECONDS, nextReadAllowedAt - now));
        if (at >= recheckAt) return;
        if (recheckTimer) clearTimeout(recheckTimer);
        recheckAt = at;
        recheckTimer = setTimeout(() => void recheck(), at - now);
      };
      // Redirects reported without their raw headers: held until HOLD_MILLISECONDS pass, or until
      // the request they lead to comes and sends nothing new.
      let held: { slot: Slot; until: number; target: string | null }[] = [];
      let holdTimer: ReturnType<typeof setTimeout> | null = null;
      const releaseExpired = () => {
        holdTimer = null;
        const now = Date.now();
        for (const item of held) if (item.until <= now) item.slot.ready = true;
        held = held.filter((item) => !item.slot.ready);
        if (held.length > 0) holdTimer = setTimeout(releaseExpired, (held[0] as (typeof held)[number]).until - now);
        flush();
      };
      const listener = (entry: never) => {
        const har = entry as HarEntryLike;
        const observation = harEntryToObservation(har);
        if (observation === null) return;
        const unexplained = seen.note(observation);
        if (unexplained && held.length > 0) {
          scheduleRecheck(
            held.map((item) => item.slot),
            false,
          );
          held = [];
        } else {
          for (const item of held) if (item.target === observation.url) item.slot.ready = true;
          held = held.filter((item) => !item.slot.ready);
        }
        const suspicion = missingHeadersSuspected(har, observation);
        const slot: Slot = { entry: har, observation, ready: suspicion === 'none' };
        queue.push(slot);
        if (suspicion === 'login-or-logout') scheduleRecheck([slot], true);
        else if (suspicion === 'redirect') {
          held.push({ slot, until: Date.now() + HOLD_MILLISECONDS, target: redirectTarget(observation) });
          holdTimer ??= setTimeout(releaseExpired, HOLD_MILLISECONDS);
        }
        flush();
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
