/**
 * The Firefox grant page (see extension/platform/delegated-cookie-store.ts): asks for the store
 * permission on the user's click, reads or clears the inspected site's cookies, answers the panel
 * and closes; or asks for exact capture's `webRequest` permission for the inspected host
 * (extension/platform/relayed-capture.ts). Everything it shows from its query string is set as
 * text, never as markup.
 */
import browser from 'webextension-polyfill';
import { capturePermission } from '../platform/capture-relay.js';
import { cookieStoreOperations, requestStoreAccess, type CookieApis } from '../platform/cookie-store-access.js';
import { STORE_CHANNEL, type StoreAnswerMessage } from '../platform/store-messages.js';
import { broadcastWall } from '../platform/wall.js';

const query = new URLSearchParams(location.search);
const asked = query.get('action');
const action = asked === 'clear' || asked === 'capture' ? asked : 'read';
const id = query.get('id') ?? '';
const target = query.get('url') ?? '';
const wall = broadcastWall<StoreAnswerMessage>(STORE_CHANNEL);
const element = (elementId: string) => document.getElementById(elementId) as HTMLElement;

let host = '';
try {
  const parsed = new URL(target);
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') host = parsed.hostname;
} catch {
  host = '';
}

function answer(message: StoreAnswerMessage): void {
  wall.send(message);
  window.close();
}

if (host === '' || id === '') {
  element('question').textContent = 'This page is opened by the Sessions panel; there is nothing to do here.';
  (element('allow') as HTMLButtonElement).disabled = true;
} else {
  element('question').textContent =
    action === 'read'
      ? `Read the cookies the browser holds for ${host}, so the Sessions panel can grade them?`
      : action === 'clear'
        ? `Delete every cookie of ${host}'s site (you will be logged out there), so the panel records them being set again?`
        : `Capture exactly: let the Sessions panel read the Cookie header and Set-Cookie lines of ${host}'s requests in the inspected tab, as the browser sends and receives them?`;
  if (action === 'capture') {
    element('permission').textContent =
      'This asks for the optional webRequest permission and access to this host only. You can revoke them at any time in about:addons, Session Cookie Inspector, Permissions.';
  }
}

element('cancel').addEventListener('click', () => answer({ kind: 'store-answer', id, action, answer: { granted: false } } as StoreAnswerMessage));
element('allow').addEventListener('click', () => {
  void (async () => {
    try {
      if (action === 'capture') {
        const granted = await browser.permissions.request(capturePermission(host) as Parameters<typeof browser.permissions.request>[0]);
        return answer({ kind: 'store-answer', id, action, answer: granted ? { granted: true, result: host } : { granted: false } });
      }
      const granted = await requestStoreAccess(browser.permissions as unknown as CookieApis['permissions'], target);
      if (!granted) return answer({ kind: 'store-answer', id, action, answer: { granted: false } } as StoreAnswerMessage);
      const operations = cookieStoreOperations({ cookies: browser.cookies as unknown as CookieApis['cookies'], browser: 'firefox' });
      if (action === 'read') answer({ kind: 'store-answer', id, action, answer: { granted: true, result: await operations.read(target) } });
      else answer({ kind: 'store-answer', id, action, answer: { granted: true, result: await operations.clearSite(target) } });
    } catch (error) {
      element('status').textContent = (error as Error).message;
      answer({ kind: 'store-error', id, message: (error as Error).message });
    }
  })();
});

// The buttons work from here on (a test waits for this before it clicks).
document.body.dataset.ready = 'true';
