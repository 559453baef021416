/**
 * The one message between the Firefox panel and the grant page (extension/grant): Firefox gives
 * DevTools panels no `permissions` API (https://bugzilla.mozilla.org/show_bug.cgi?id=1796933), so
 * the panel opens our own page, which asks on the user's click, acts, and answers here.
 */
import type { StoredCookie } from '../../src/observation/readings.js';
import type { StoreAnswer } from './panel-platform.js';

export const STORE_CHANNEL = 'session-cookie-inspector:store';

/** Read or clear the store (the `cookies` permission), or start exact capture (`webRequest`, Firefox). */
export type StoreAction = 'read' | 'clear' | 'capture';

export type StoreAnswerMessage =
  | { readonly kind: 'store-answer'; readonly id: string; readonly action: 'read'; readonly answer: StoreAnswer<StoredCookie[]> }
  | { readonly kind: 'store-answer'; readonly id: string; readonly action: 'clear'; readonly answer: StoreAnswer<number> }
  /** The host now captured exactly. */
  | { readonly kind: 'store-answer'; readonly id: string; readonly action: 'capture'; readonly answer: StoreAnswer<string> }
  | { readonly kind: 'store-error'; readonly id: string; readonly message: string };

export function isStoreAnswerMessage(value: unknown): value is StoreAnswerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { kind?: unknown; id?: unknown };
  return (message.kind === 'store-answer' || message.kind === 'store-error') && typeof message.id === 'string';
}

/** The grant page's address for one request. */
export function grantPagePath(action: StoreAction, url: string, id: string): string {
  return `/extension/grant/grant.html?${new URLSearchParams({ action, url, id })}`;
}
