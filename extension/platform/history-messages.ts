/**
 * The messages between the panel and the devtools page, which records the inspected tab's traffic
 * from the moment DevTools opens (extension/platform/history-recorder.ts). A panel opened late asks
 * it for the history instead of making DevTools build the whole log with getHAR(). Every DevTools
 * window has its own devtools page, all on one channel: each message names its inspected tab.
 */
import type { Observation } from '../../src/observation/observation.js';

export const HISTORY_CHANNEL = 'session-cookie-inspector:history';

export interface HistoryRequest {
  readonly kind: 'history-request';
  readonly tabId: number;
  readonly id: string;
}

export interface HistoryAnswer {
  readonly kind: 'history';
  readonly tabId: number;
  readonly id: string;
  readonly observations: readonly Observation[];
  readonly pageUrl: string | null;
}

/** One side of the channel: the composition roots pass a BroadcastChannel, tests a fake. */
export interface HistoryChannel {
  post(message: HistoryRequest | HistoryAnswer): void;
  /** Listens; returns the function that stops listening. */
  listen(onMessage: (data: unknown) => void): () => void;
}

export function isHistoryRequest(value: unknown): value is HistoryRequest {
  const message = value as Partial<HistoryRequest> | null;
  return typeof message === 'object' && message !== null && message.kind === 'history-request' && typeof message.tabId === 'number' && typeof message.id === 'string';
}

export function isHistoryAnswer(value: unknown): value is HistoryAnswer {
  const message = value as Partial<HistoryAnswer> | null;
  return typeof message === 'object' && message !== null && message.kind === 'history' && typeof message.id === 'string' && Array.isArray(message.observations);
}

/** One BroadcastChannel as a HistoryChannel (it never hears its own messages), open for the page's life. */
export function broadcastHistoryChannel(): HistoryChannel {
  const channel = new BroadcastChannel(HISTORY_CHANNEL);
  return {
    post: (message) => channel.postMessage(message),
    listen: (onMessage) => {
      const listener = (event: MessageEvent) => onMessage(event.data);
      channel.addEventListener('message', listener);
      return () => channel.removeEventListener('message', listener);
    },
  };
}
