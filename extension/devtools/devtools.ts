/**
 * The devtools page: registers the "Sessions" panel (root paths: relative ones break in Chrome),
 * and records the inspected tab's traffic from the moment DevTools opens, so a panel shown later
 * has the history at once (extension/platform/history-recorder.ts).
 */
import browser from 'webextension-polyfill';
import { createDevtoolsNetworkSource } from '../platform/devtools-network-source.js';
import { broadcastHistoryChannel } from '../platform/history-messages.js';
import { recordHistory } from '../platform/history-recorder.js';
import { inspectedTopLevelUrl, type InspectedWindowApi } from '../platform/inspected-page.js';

const inspectedWindow = browser.devtools.inspectedWindow as unknown as InspectedWindowApi;
recordHistory(
  createDevtoolsNetworkSource(browser.devtools.network, { batchMilliseconds: 0, topLevelUrl: () => inspectedTopLevelUrl(inspectedWindow) }),
  broadcastHistoryChannel(),
  browser.devtools.inspectedWindow.tabId,
);
void browser.devtools.panels.create('Sessions', '/icons/icon-32.png', '/extension/panel/panel.html');
