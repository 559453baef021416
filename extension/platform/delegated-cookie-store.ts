/**
 * CookieStoreAccess for Firefox's DevTools panels, which have no `permissions` API (bug 1796933):
 * each call opens the extension's own grant page in a small window (on the user's click), which
 * asks for the permission when the user clicks there, acts on the store, and answers over a
 * BroadcastChannel. Closing that window without answering counts as "not granted".
 */
import type { StoredCookie } from '../../src/observation/readings.js';
import type { CookieStoreAccess, StoreAnswer } from './panel-platform.js';
import { grantPagePath, isStoreAnswerMessage, type StoreAction, type StoreAnswerMessage } from './store-messages.js';
import type { Wall } from './wall.js';

export interface DelegationApis {
  /** window.open; returns null when the browser blocked it. */
  open(path: string): { readonly closed: boolean } | null;
  /** The store channel, on which the grant page answers. */
  readonly wall: Wall<StoreAnswerMessage>;
  newId(): string;
}

const CLOSED_POLL_MILLISECONDS = 500;

/**
 * Opens the grant page for `action` on `url` (inside the user's click) and resolves with its answer;
 * the page closed without one is "not granted". Exact capture asks through it too (Firefox).
 */
export function askGrantPage<T>(apis: DelegationApis, action: StoreAction, url: string): Promise<StoreAnswer<T>> {
  return new Promise((resolve, reject) => {
    const id = apis.newId();
    // The page loads after this call returns: listening right after opening misses nothing.
    const page = apis.open(grantPagePath(action, url, id));
    if (page === null) {
      reject(new Error('the browser blocked the permission window'));
      return;
    }
    const close = apis.wall.listen((data) => {
      if (!isStoreAnswerMessage(data) || data.id !== id) return;
      finish();
      if (data.kind === 'store-error') reject(new Error(data.message));
      else resolve(data.answer as StoreAnswer<T>);
    });
    const watch = setInterval(() => {
      if (!page.closed) return;
      finish();
      resolve({ granted: false });
    }, CLOSED_POLL_MILLISECONDS);
    function finish(): void {
      clearInterval(watch);
      close();
    }
  });
}

export function createDelegatedCookieStoreAccess(apis: DelegationApis): CookieStoreAccess {
  return {
    read: (url) => askGrantPage<StoredCookie[]>(apis, 'read', url),
    clearSite: (url) => askGrantPage<number>(apis, 'clear', url),
  };
}
