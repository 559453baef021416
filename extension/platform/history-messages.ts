/**
 * The messages between the panel and the devtools page, which records the inspected tab's traffic
 * from the moment DevTools opens (extension/platform/history-recorder.ts). A panel opened late asks
 * it for the history instead of making DevTools build the whole log with getHAR(). Every DevTools
 * window has its own devtools page, all on one channel: each message names its inspected tab.
 */
import type { Observation } from '../../src/observation/observation.js';
import { broadcastWall, type Wall } from './wall.js';

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

/** The devtools page's and the panel's side of the history channel. */
export type HistoryChannel = Wall<HistoryRequest | HistoryAnswer>;

export function isHistoryRequest(value: unknown): value is HistoryRequest {
  const message = value as Partial<HistoryRequest> | null;
  return (
    typeof message === 'object' && message !== null && message.kind === 'history-request' && typeof message.tabId === 'number' && typeof message.id === 'string'
  );
}

export function isHistoryAnswer(value: unknown): value is HistoryAnswer {
  const message = value as Partial<HistoryAnswer> | null;
  return typeof message === 'object' && message !== null && message.kind === 'history' && typeof message.id === 'string' && Array.isArray(message.observations);
}

/** The history channel of a page. */
export function broadcastHistoryChannel(): HistoryChannel {
  return broadcastWall(HISTORY_CHANNEL);
}
