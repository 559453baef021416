/**
 * Exact capture in Firefox, the panel's side: the background script relays webRequest's view of the
 * inspected tab (capture-relay.ts), and the exchanges of the hosts the user granted are built from
 * it alone, never from DevTools' network events, which in Firefox ESR 153 can lose an exchange
 * outright: a login answered with a redirect and followed at once by a navigation was never
 * reported to devtools.network in 10 of 10 probes, while webRequest saw it, with its Cookie header,
 * in 10 of 10. DevTools' exchanges of other hosts pass through unchanged.
 *
 * The permission is asked on the user's click through the extension's grant page (Firefox gives
 * DevTools panels no permissions API), for the inspected host only.
 */
import type { HttpHeader, Observation } from '../../src/observation/observation.js';
import { isCaptureEvent, type CaptureRequest } from './capture-messages.js';
import type { NetworkSource } from './network-source.js';
import { createObservationBatcher } from './observation-batcher.js';
import type { ExactCaptureAccess, StoreAnswer } from './panel-platform.js';

/** Exchanges gather this long before they are handed on, as DevTools' are. */
const BATCH_MILLISECONDS = 100;
/** How long `resume` waits for the background script to say whether the host was granted before. */
const GRANTED_ANSWER_MILLISECONDS = 2000;
/**
 * How often a capturing panel tells the background script it is there: Firefox suspends an idle
 * event page after `extensions.background.idle.timeout` (30 s) even with a port open, and its
 * listeners end with it (measured with ESR 153: capture stopped after the timeout). Any message
 * resets that timer.
 */
export const KEEPALIVE_MILLISECONDS = 5000;
/** How soon the panel connects again when the background script went away anyway. */
const RECONNECT_MILLISECONDS = 100;

/** A runtime port to the background script (capture-messages.ts). */
export interface CapturePort {
  postMessage(message: CaptureRequest): void;
  readonly onMessage: { addListener(callback: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(callback: () => void): void };
}

export interface RelayedCaptureApis {
  /** Opens a runtime port to the background script (which wakes it when suspended). */
  connect(): CapturePort;
  readonly tabId: number;
  /** Asks for the permission for `url`'s host inside the user's click (the grant page): the host. */
  grant(url: string): Promise<StoreAnswer<string>>;
  newId(): string;
  readonly batchMilliseconds?: number;
}

export interface RelayedCapture extends ExactCaptureAccess {
  /** `source`, with the exchanges of captured hosts taken from webRequest instead. */
  wrap(source: NetworkSource): NetworkSource;
  /** Stops the keepalive and drops a batch not yet handed on (the page going away stops the rest). */
  stop(): void;
}

interface SentHop {
  readonly method: string;
  readonly url: string;
  readonly time: number;
  readonly headers: readonly HttpHeader[];
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

export function createRelayedCapture(apis: RelayedCaptureApis): RelayedCapture {
  const batchMilliseconds = apis.batchMilliseconds ?? BATCH_MILLISECONDS;
  const hosts = new Set<string>();
  // While the port is down (the background was suspended), DevTools' exchanges stand in again.
  let connected = false;
  const captured = (url: string) => {
    const host = hostOf(url);
    return connected && host !== null && hosts.has(host);
  };
  // Requests sent and not yet answered, by webRequest's id (a redirect's next hop reuses it).
  const sent = new Map<string, SentHop>();
  const listeners = new Set<(observations: Observation[]) => void>();
  const batcher = createObservationBatcher(batchMilliseconds, (batch) => {
    for (const listener of listeners) listener(batch);
  });
  const emit = (observation: Observation) => batcher.add(observation);
  const grantedAnswers = new Map<string, (granted: boolean) => void>();
  // Called once, at the first event the background relays: from then on capture is known to work.
  let liveCallbacks: (() => void)[] | null = [];
  const live = () => {
    const callbacks = liveCallbacks ?? [];
    liveCallbacks = null;
    for (const callback of callbacks) callback();
  };
  const onMessage = (message: unknown) => {
    if (!isCaptureEvent(message)) return;
    if (message.kind === 'capture-sent' || message.kind === 'capture-received') live();
    switch (message.kind) {
      case 'capture-sent':
        sent.set(message.requestId, { method: message.method, url: message.url, time: message.time, headers: message.headers });
        return;
      case 'capture-received': {
        const hop = sent.get(message.requestId);
        if (hop === undefined || hop.url !== message.url) return;
        sent.delete(message.requestId);
        emit({
          url: hop.url,
          method: hop.method,
          requestHeaders: hop.headers,
          // webRequest gives no request body here: a login is told by its URL (login-logout.ts).
          requestBodyParamNames: null,
          status: message.status,
          responseHeaders: message.headers,
          time: hop.time,
        });
        return;
      }
      case 'capture-granted':
        grantedAnswers.get(message.id)?.(message.granted);
        return;
      case 'capture-refused':
        // The background lost the permission (revoked): the panel goes back to DevTools' log.
        hosts.clear();
        return;
    }
  };
  let port: CapturePort;
  const listen = () => port.postMessage({ kind: 'capture-listen', tabId: apis.tabId, hosts: [...hosts] });
  const connect = () => {
    port = apis.connect();
    connected = true;
    port.onMessage.addListener(onMessage);
    port.onDisconnect.addListener(() => {
      connected = false;
      sent.clear();
      setTimeout(connect, RECONNECT_MILLISECONDS);
    });
    if (hosts.size > 0) listen();
  };
  connect();
  // Started with the first captured host, for the panel's life.
  let keepalive: ReturnType<typeof setInterval> | null = null;
  const capture = (host: string) => {
    hosts.add(host);
    listen();
    keepalive ??= setInterval(() => {
      if (connected) port.postMessage({ kind: 'capture-keepalive' });
    }, KEEPALIVE_MILLISECONDS);
  };
  const grantedBefore = (host: string) =>
    new Promise<boolean>((resolve) => {
      const id = apis.newId();
      const timeout = setTimeout(() => finish(false), GRANTED_ANSWER_MILLISECONDS);
      function finish(granted: boolean): void {
        clearTimeout(timeout);
        grantedAnswers.delete(id);
        resolve(granted);
      }
      grantedAnswers.set(id, finish);
      port.postMessage({ kind: 'capture-granted?', id, host });
    });

  return {
    async start(url) {
      const answer = await apis.grant(url);
      if (!answer.granted) return answer;
      capture(answer.result);
      return answer;
    },
    async resume(url) {
      const host = hostOf(url);
      if (host === null) return null;
      if (hosts.has(host)) return host;
      if (!(await grantedBefore(host))) return null;
      capture(host);
      return host;
    },
    onLive(callback) {
      if (liveCallbacks === null) callback();
      else liveCallbacks.push(callback);
    },
    stop() {
      if (keepalive !== null) clearInterval(keepalive);
      keepalive = null;
      batcher.stop();
    },
    wrap(source) {
      return {
        readHistory: source.readHistory.bind(source),
        readPageUrl: source.readPageUrl.bind(source),
        onNavigated: source.onNavigated.bind(source),
        onObservations(callback) {
          // DevTools' exchanges of captured hosts are left out: webRequest's stand for them.
          const stop = source.onObservations((batch) => {
            const kept = batch.filter((observation) => !captured(observation.url));
            if (kept.length > 0) callback(kept);
          });
          listeners.add(callback);
          return () => {
            stop();
            listeners.delete(callback);
          };
        },
        ...(source.onUnconfirmed
          ? {
              onUnconfirmed: (callback: (observation: Observation) => void) =>
                (source.onUnconfirmed as NonNullable<NetworkSource['onUnconfirmed']>)((observation) => {
                  if (!captured(observation.url)) callback(observation);
                }),
            }
          : {}),
      };
    },
  };
}
