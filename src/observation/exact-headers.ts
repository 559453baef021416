/**
 * Exact capture: the Cookie header each request sent and the Set-Cookie lines each response
 * received, as the browser's webRequest API reports them (onSendHeaders / onHeadersReceived, with
 * `extraHeaders` in Chromium), joined to the exchanges DevTools reports. DevTools' own entries
 * can lack them (over HTTP/2, or when a page navigates before its raw headers arrived); webRequest
 * reports every hop of every request, in order, whatever the protocol.
 *
 * A hop is one request of a redirect chain (Chromium keeps one requestId for the whole chain).
 * An exchange is joined to the unclaimed hop with its method and URL sent soonest after it started
 * (within JOIN_WINDOW_MILLISECONDS); an exchange with no such hop is left as DevTools reported it.
 */
import type { HttpHeader, Observation } from './observation.js';

/**
 * How long after DevTools' start time a request may send its headers (webRequest's time): a busy
 * page queues requests for seconds before a connection is free. Both are wall-clock times, and a
 * hop is allowed to seem a little earlier than its start.
 */
export const JOIN_WINDOW_MILLISECONDS = 120_000;
const CLOCK_SLACK_MILLISECONDS = 1000;
/** Hops kept for joining: the oldest go first (an exchange DevTools never reported, a request of another frame). */
export const MAX_KEPT_HOPS = 5000;

/** One request as webRequest reported it. */
export interface CapturedHop {
  readonly requestId: string;
  readonly method: string;
  readonly url: string;
  /** When it was sent, in milliseconds since the epoch. */
  readonly time: number;
  /** The Cookie header it sent, or null when it sent none. */
  readonly cookieHeader: string | null;
  /** The Set-Cookie lines of its response, once received; null until then. */
  setCookieLines: readonly string[] | null;
}

function hopKey(method: string, url: string): string {
  return `${method.toUpperCase()} ${url}`;
}

/** The headers of `headers` not named `name` (case-insensitive), with `values` under that name appended. */
function withHeaders(headers: readonly HttpHeader[], name: string, values: readonly string[]): HttpHeader[] {
  const lower = name.toLowerCase();
  return [...headers.filter((header) => header.name.toLowerCase() !== lower), ...values.map((value) => ({ name, value }))];
}

export class ExactHeaders {
  /** Unclaimed hops by method and URL, oldest first. */
  readonly #hops = new Map<string, CapturedHop[]>();
  /** Every unclaimed hop in arrival order, for dropping the oldest. */
  readonly #order = new Set<CapturedHop>();
  /** The hop of each request id that awaits its response headers. */
  readonly #awaiting = new Map<string, CapturedHop>();

  /** webRequest's onSendHeaders: `cookieHeader` is the Cookie header sent, or null. */
  sent(requestId: string, method: string, url: string, time: number, cookieHeader: string | null): void {
    const hop: CapturedHop = { requestId, method, url, time, cookieHeader, setCookieLines: null };
    const key = hopKey(method, url);
    const hops = this.#hops.get(key);
    if (hops) hops.push(hop);
    else this.#hops.set(key, [hop]);
    this.#order.add(hop);
    this.#awaiting.set(requestId, hop);
    if (this.#order.size > MAX_KEPT_HOPS) this.#forget(this.#order.values().next().value as CapturedHop);
  }

  /** webRequest's onHeadersReceived: the Set-Cookie lines of the response to the request's latest hop. */
  received(requestId: string, setCookieLines: readonly string[]): void {
    const hop = this.#awaiting.get(requestId);
    if (hop === undefined) return;
    hop.setCookieLines = setCookieLines;
    this.#awaiting.delete(requestId);
  }

  /** How many hops wait to be joined. */
  get size(): number {
    return this.#order.size;
  }

  /**
   * The exchange with the Cookie header and Set-Cookie lines of its hop, as sent and received;
   * unchanged when no hop matches (another host, a request before capture began, a cached
   * response that never reached the network).
   */
  join(observation: Observation): Observation {
    const hop = this.#hopOf(observation);
    return hop === undefined ? observation : this.#joined(observation, hop);
  }

  /**
   * The exchange joined to its hop once the hop's response headers have come, else null: the
   * browser reports webRequest's events and DevTools' entries on separate channels, so an entry
   * can arrive before its hop does (seen in Chromium 156 for 1 login in 5).
   */
  joinWhenComplete(observation: Observation): Observation | null {
    const hop = this.#hopOf(observation);
    return hop === undefined || hop.setCookieLines === null ? null : this.#joined(observation, hop);
  }

  #hopOf(observation: Observation): CapturedHop | undefined {
    const hops = this.#hops.get(hopKey(observation.method, observation.url));
    if (hops === undefined) return undefined;
    let hop: CapturedHop | undefined;
    for (const candidate of hops) {
      const after = candidate.time - observation.time;
      if (after < -CLOCK_SLACK_MILLISECONDS || after > JOIN_WINDOW_MILLISECONDS) continue;
      if (hop === undefined || Math.abs(after) < Math.abs(hop.time - observation.time)) hop = candidate;
    }
    return hop;
  }

  #joined(observation: Observation, hop: CapturedHop): Observation {
    this.#forget(hop);
    return {
      ...observation,
      requestHeaders: withHeaders(observation.requestHeaders, 'Cookie', hop.cookieHeader === null ? [] : [hop.cookieHeader]),
      responseHeaders: hop.setCookieLines === null ? observation.responseHeaders : withHeaders(observation.responseHeaders, 'Set-Cookie', hop.setCookieLines),
    };
  }

  /** Takes `hop` out of every index: joined, or the oldest past MAX_KEPT_HOPS. */
  #forget(hop: CapturedHop): void {
    this.#order.delete(hop);
    const key = hopKey(hop.method, hop.url);
    const hops = this.#hops.get(key);
    const at = hops?.indexOf(hop) ?? -1;
    if (hops !== undefined && at >= 0) hops.splice(at, 1);
    if (hops?.length === 0) this.#hops.delete(key);
    if (this.#awaiting.get(hop.requestId) === hop) this.#awaiting.delete(hop.requestId);
  }
}
