/**
 * The panel page's entry: the real platform (devtools.network and the devtools page's recorded
 * history, the DevTools theme, the page's clipboard, downloads and storage) handed to mountPanel.
 */
import { options } from 'preact';
import browser from 'webextension-polyfill';
import { createCookieStoreAccess, type CookieApis } from '../platform/cookie-store-access.js';
import { CAPTURE_PORT } from '../platform/capture-messages.js';
import { askGrantPage, createDelegatedCookieStoreAccess, type DelegationApis } from '../platform/delegated-cookie-store.js';
import { createDevtoolsNetworkSource } from '../platform/devtools-network-source.js';
import { createExactCapture, type WebRequestApi } from '../platform/exact-capture.js';
import type { NetworkSource } from '../platform/network-source.js';
import { createRelayedCapture } from '../platform/relayed-capture.js';
import { broadcastHistoryChannel } from '../platform/history-messages.js';
import { STORE_CHANNEL } from '../platform/store-messages.js';
import { broadcastWall } from '../platform/wall.js';
import { withRecordedHistory } from '../platform/history-recorder.js';
import { createInspectedPage, inspectedTopLevelUrl, type InspectedWindowApi } from '../platform/inspected-page.js';
import { devtoolsTheme, onDevtoolsThemeChanged } from '../platform/devtools-theme.js';
import { copyText, download, loadMarks, saveMarks } from '../platform/page-services.js';
import { mountPanel } from './mount-panel.js';

// Preact renders in a task of its own, after the one that took the batch and graded it (by default
// it renders in a microtask of that same task): a burst's work comes in two shorter tasks.
options.debounceRendering = (render) => setTimeout(render, 0);

const inspectedWindow = browser.devtools.inspectedWindow as unknown as InspectedWindowApi;
// Firefox gives DevTools panels no permissions API (https://bugzilla.mozilla.org/show_bug.cgi?id=1796933):
// there the panel asks through the extension's own grant page.
const grantPage: DelegationApis = {
  open: (path) => window.open(browser.runtime.getURL(path), '_blank', 'popup,width=520,height=360'),
  wall: broadcastWall(STORE_CHANNEL),
  newId: () => crypto.randomUUID(),
};
// Chromium lets the panel itself listen to webRequest once granted; Firefox gives panels no
// webRequest, so its background script listens and relays (extension/platform/relayed-capture.ts).
const relayedCapture = __IS_FIREFOX__
  ? createRelayedCapture({
      connect: () => browser.runtime.connect({ name: CAPTURE_PORT }),
      tabId: browser.devtools.inspectedWindow.tabId,
      grant: (url) => askGrantPage<string>(grantPage, 'capture', url),
      newId: () => crypto.randomUUID(),
    })
  : null;
const exactCapture = __IS_FIREFOX__
  ? null
  : createExactCapture({
      permissions: {
        request: (permissions) => browser.permissions.request(permissions as Parameters<typeof browser.permissions.request>[0]),
        contains: (permissions) => browser.permissions.contains(permissions as Parameters<typeof browser.permissions.contains>[0]),
      },
      // browser.webRequest only exists once the optional permission is granted: look it up per call.
      webRequest: () => (browser as unknown as { webRequest?: WebRequestApi }).webRequest ?? null,
      tabId: browser.devtools.inspectedWindow.tabId,
    });
/** In Firefox, the exchanges of hosts captured exactly come from the background's webRequest. */
function withRelayedCapture(source: NetworkSource): NetworkSource {
  return relayedCapture === null ? source : relayedCapture.wrap(source);
}
const root = document.getElementById('root');
if (root) {
  mountPanel(root, {
    browser: __IS_FIREFOX__ ? 'firefox' : 'chrome',
    // The history comes from the devtools page, which has recorded since DevTools opened.
    source: withRelayedCapture(
      withRecordedHistory(
        createDevtoolsNetworkSource(browser.devtools.network, {
          topLevelUrl: () => inspectedTopLevelUrl(inspectedWindow),
          exactJoiner: (url) => exactCapture?.joinerFor(url) ?? null,
        }),
        broadcastHistoryChannel(),
        browser.devtools.inspectedWindow.tabId,
        () => crypto.randomUUID(),
      ),
    ),
    theme: devtoolsTheme(),
    onThemeChanged: onDevtoolsThemeChanged,
    copyText,
    download,
    loadMarks,
    saveMarks,
    cookieStore: __IS_FIREFOX__
      ? createDelegatedCookieStoreAccess(grantPage)
      : createCookieStoreAccess({
          permissions: { request: (permissions) => browser.permissions.request(permissions as Parameters<typeof browser.permissions.request>[0]) },
          // browser.cookies only exists once the optional permission is granted: look it up per call.
          cookies: {
            getAll: (details) => (browser.cookies as unknown as CookieApis['cookies']).getAll(details),
            remove: (details) => (browser.cookies as unknown as CookieApis['cookies']).remove(details),
          },
          browser: 'chrome',
        }),
    exactCapture: relayedCapture ?? exactCapture,
    rulesPageUrl: browser.runtime.getURL('/extension/rules/rules.html'),
    inspectedPage: createInspectedPage(inspectedWindow),
  });
}
