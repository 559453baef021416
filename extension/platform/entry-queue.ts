/**
 * The live entries of the panel's source, in the order DevTools reported them, with what Chromium
 * had not sent yet filled in: an entry that may lack a header that would change a grade is held,
 * or read again from DevTools' log, and holds back those behind it, so a login read again never
 * lands after the page it led to (the store grades in arrival order, and section 5 reads that
 * order). Plain logic over the HAR entries it is given: the source passes DevTools' log reader.
 */
import { headerValues, type Observation } from '../../src/observation/observation.js';
import { harEntryToObservation } from '../../src/observation/read-har.js';
import { isLoginRequest, isLogoutRequest } from '../../src/trace/login-logout.js';
import type { CookieValuesSeen } from './cookie-values-seen.js';

/** How long to wait before re-reading getHAR() for redirects whose Set-Cookie may come late. */
const RECHECK_MILLISECONDS = 300;
/**
 * How soon a login or logout reported without its Cookie header is read again: DevTools clears its
 * log at the next navigation, and a login is often followed at once by one (a redirect, a script).
 */
export const LOGIN_RECHECK_MILLISECONDS = 30;
/** While a login is still in the log without its Cookie header, it is read again this often. */
const LOGIN_RETRY_MILLISECONDS = 100;
/**
 * The longest an entry waits for a re-read of the log, from when it was scheduled: past it, the
 * entry is passed on as reported, however slow getHAR() is (0.4-0.8 s for 3,000 entries), so one
 * slow re-read never holds back the entries behind it by seconds.
 */
export const REREAD_WAIT_LIMIT_MILLISECONDS = 600;
/**
 * How long a redirect reported without its raw headers is held, waiting for a request that sends
 * a cookie value nothing explains (then the log is re-read for it); after that it is passed on as
 * reported: it set no cookie anyone sent.
 */
const HOLD_MILLISECONDS = 1000;

export interface HarEntryLike {
  readonly startedDateTime?: string;
  readonly request?: { readonly url?: string };
  readonly response?: { readonly status?: number; readonly headersSize?: number; readonly headers?: readonly { readonly name: string }[] };
}

/**
 * Chromium reports a request before the protocol events that carry its raw headers (Cookie sent,
 * Set-Cookie received) have arrived, for a sixth to a half of the redirects in probes here; the
 * HAR log has them a moment later. It fills the response's `headersSize` from the raw response
 * headers, so a size of 0 or more says they had arrived, Set-Cookie included. Over HTTP/2 there is
 * no raw header text, so the size presumably stays -1 and nothing tells the two apart (not probed
 * here). The request's `headersSize` follows the same response event, not the raw request
 * headers, so it says nothing about Cookie: under load a login came with its size known and no
 * Cookie header.
 */
function rawResponseHeadersArrived(entry: HarEntryLike): boolean {
  return (entry.response?.headersSize ?? -1) >= 0;
}

/**
 * Which entries may lack a header that would change a grade: logins and logouts without Cookie,
 * or without Set-Cookie unless the raw response headers are known to have arrived (re-read at
 * once: rotation and clearing depend on them), and redirects (with a Location) without
 * Set-Cookie, with the same exception (held: re-read only if a later request sends a cookie value that nothing the trace
 * saw had set).
 */
function missingHeadersSuspected(entry: HarEntryLike, observation: Observation): 'none' | 'redirect' | 'login-or-logout' {
  const mayLackSetCookie = !rawResponseHeadersArrived(entry) && headerValues(observation.responseHeaders, 'set-cookie').length === 0;
  const mayLackCookie = headerValues(observation.requestHeaders, 'cookie').length === 0;
  // Only then is it worth telling a login or logout (which reads the URL).
  if ((mayLackSetCookie || mayLackCookie) && (isLoginRequest(observation) || isLogoutRequest(observation))) return 'login-or-logout';
  // Only a redirect that leads somewhere is held: a 304 Not Modified, or any 3xx without Location,
  // has no next request to wait for (held, it held every entry behind it for HOLD_MILLISECONDS).
  const status = entry.response?.status ?? 0;
  return status >= 300 && status < 400 && mayLackSetCookie && redirectTarget(observation) !== null ? 'redirect' : 'none';
}

/** An entry in the order DevTools reported it; `ready` once nothing more is awaited for it. */
interface Slot {
  readonly entry: HarEntryLike;
  observation: Observation;
  ready: boolean;
  /** A login or logout, re-read for its Cookie header. */
  readonly loginOrLogout: boolean;
  /** When a scheduled re-read stops being waited for (epoch ms). */
  rereadDeadline: number;
}

function lacksCookie(observation: Observation): boolean {
  return headerValues(observation.requestHeaders, 'cookie').length === 0;
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

export interface EntryQueueDeps {
  /** Hands an observation on, in order. */
  emit(observation: Observation): void;
  /** The cookie values the trace has explained (the queue notes what it takes). */
  readonly seen: CookieValuesSeen;
  /** DevTools' whole log, read again. */
  rereadLog(): Promise<HarEntryLike[]>;
  /** When the last re-read's cost allows the next one (epoch ms). */
  nextReadAllowedAt(): number;
  /**
   * A login or logout passed on without its Cookie header because DevTools' log no longer held it
   * (cleared by a navigation) or a re-read took too long: the panel cannot tell which session id it
   * was sent with, and says so rather than missing it silently.
   */
  unconfirmed?(observation: Observation): void;
}

export interface EntryQueue {
  take(entry: HarEntryLike): void;
  stop(): void;
}

export function createEntryQueue(deps: EntryQueueDeps): EntryQueue {
  const { emit, seen } = deps;
  const queue: Slot[] = [];
  const flush = () => {
    let ready = 0;
    while (ready < queue.length && (queue[ready] as Slot).ready) emit((queue[ready++] as Slot).observation);
    queue.splice(0, ready);
  };

  // Slots waiting for one shared re-read of the log (`rechecks`: for the next one to start), and
  // every slot waiting for a re-read, the one in flight included (`awaiting`: for the wait limit).
  let rechecks: Slot[] = [];
  let awaiting: Slot[] = [];
  let recheckTimer: ReturnType<typeof setTimeout> | null = null;
  let recheckAt = Number.POSITIVE_INFINITY;
  let limitTimer: ReturnType<typeof setTimeout> | null = null;
  const passOn = (slot: Slot, confirmed: boolean) => {
    slot.ready = true;
    if (!confirmed && slot.loginOrLogout && lacksCookie(slot.observation)) deps.unconfirmed?.(slot.observation);
  };
  // Slots past their wait limit are passed on as reported, whatever a re-read in flight brings.
  const passOverdue = () => {
    limitTimer = null;
    const now = Date.now();
    for (const slot of awaiting) if (slot.rereadDeadline <= now) passOn(slot, false);
    awaiting = awaiting.filter((slot) => !slot.ready);
    rechecks = rechecks.filter((slot) => !slot.ready);
    if (awaiting.length > 0) limitTimer = setTimeout(passOverdue, Math.max(0, Math.min(...awaiting.map((slot) => slot.rereadDeadline)) - now));
    flush();
  };
  const recheck = async () => {
    const waiting = rechecks;
    rechecks = [];
    recheckTimer = null;
    recheckAt = Number.POSITIVE_INFINITY;
    // Every slot was passed on at its wait limit: nothing to read the log for.
    if (waiting.every((slot) => slot.ready)) return;
    const log = await deps.rereadLog().catch(() => null);
    const again: Slot[] = [];
    for (const slot of waiting) {
      // Passed on meanwhile: this re-read came after its wait limit.
      if (slot.ready) continue;
      const found = log?.find((candidate) => sameEntry(candidate, slot.entry));
      const observation = found ? harEntryToObservation(found) : null;
      if (observation !== null) {
        seen.note(observation);
        slot.observation = observation;
      }
      // A login still in the log without its Cookie header: its request's headers may come yet.
      if (slot.loginOrLogout && found !== undefined && lacksCookie(slot.observation) && Date.now() + LOGIN_RETRY_MILLISECONDS < slot.rereadDeadline) {
        again.push(slot);
        continue;
      }
      // Found (the log's word is final), or gone from the log (a navigation cleared it): unconfirmed.
      passOn(slot, found !== undefined);
    }
    awaiting = awaiting.filter((slot) => !slot.ready);
    if (again.length > 0) scheduleRecheck(again, LOGIN_RETRY_MILLISECONDS);
    flush();
  };
  // Logins and logouts are re-read at once: they are rare, what follows waits for them, and the
  // next navigation clears the log. Redirects wait for the spacing the last re-read's cost asks
  // for, unless that comes after their wait limit: then they are passed on at the limit, unread.
  const scheduleRecheck = (slots: readonly Slot[], delay: number | 'spaced') => {
    const now = Date.now();
    for (const slot of slots) {
      if (slot.rereadDeadline === 0) {
        slot.rereadDeadline = now + REREAD_WAIT_LIMIT_MILLISECONDS;
        awaiting.push(slot);
      }
      rechecks.push(slot);
    }
    limitTimer ??= setTimeout(passOverdue, Math.max(0, Math.min(...awaiting.map((slot) => slot.rereadDeadline)) - now));
    const at = now + (delay === 'spaced' ? Math.max(RECHECK_MILLISECONDS, deps.nextReadAllowedAt() - now) : delay);
    if (at >= recheckAt) return;
    if (slots.every((slot) => at >= slot.rereadDeadline)) return;
    if (recheckTimer) clearTimeout(recheckTimer);
    recheckAt = at;
    recheckTimer = setTimeout(() => void recheck(), at - now);
  };

  // Redirects reported without their raw headers: held until HOLD_MILLISECONDS pass, or until the
  // request they lead to comes and sends nothing new.
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

  return {
    take(entry) {
      const observation = harEntryToObservation(entry);
      if (observation === null) return;
      if (seen.note(observation) && held.length > 0) {
        scheduleRecheck(
          held.map((item) => item.slot),
          'spaced',
        );
        held = [];
      } else {
        for (const item of held) if (item.target === observation.url) item.slot.ready = true;
        held = held.filter((item) => !item.slot.ready);
      }
      const suspicion = missingHeadersSuspected(entry, observation);
      const slot: Slot = { entry, observation, ready: suspicion === 'none', loginOrLogout: suspicion === 'login-or-logout', rereadDeadline: 0 };
      queue.push(slot);
      if (suspicion === 'login-or-logout') scheduleRecheck([slot], LOGIN_RECHECK_MILLISECONDS);
      else if (suspicion === 'redirect') {
        held.push({ slot, until: Date.now() + HOLD_MILLISECONDS, target: redirectTarget(observation) });
        holdTimer ??= setTimeout(releaseExpired, HOLD_MILLISECONDS);
      }
      flush();
    },
    stop() {
      if (recheckTimer) clearTimeout(recheckTimer);
      if (limitTimer) clearTimeout(limitTimer);
      if (holdTimer) clearTimeout(holdTimer);
    },
  };
}
