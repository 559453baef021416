/**
 * The panel page's entry: the real platform (devtools.network, the DevTools theme, the page's
 * clipboard, downloads and storage) handed to mountPanel.
 */
import browser from 'webextension-polyfill';
import { createCookieStoreAccess, type CookieApis } from '../platform/cookie-store-access.js';
import { createDevtoolsNetworkSource } from '../platform/devtools-network-source.js';
import { createInspectedPage } from '../platform/inspected-page.js';
import { devtoolsTheme, onDevtoolsThemeChanged } from '../platform/devtools-theme.js';
import { copyText, download, loadMarks, saveMarks } from '../platform/page-services.js';
import { mountPanel } from './mount-panel.js';

const root = document.getElementById('root');
if (root) {
  mountPanel(root, {
    browser: __IS_FIREFOX__ ? 'firefox' : 'chrome',
    source: createDevtoolsNetworkSource(browser.devtools.network),
    theme: devtoolsTheme(),
    onThemeChanged: onDevtoolsThemeChanged,
    copyText,
    download,
    loadMarks,
    saveMarks,
    cookieStore: createCookieStoreAccess({
      permissions: { request: (permissions) => browser.permissions.request(permissions as Parameters<typeof browser.permissions.request>[0]) },
      // browser.cookies only exists once the optional permission is granted: look it up per call.
      cookies: {
        getAll: (details) => (browser.cookies as unknown as CookieApis['cookies']).getAll(details),
        remove: (details) => (browser.cookies as unknown as CookieApis['cookies']).remove(details),
      },
      browser: __IS_FIREFOX__ ? 'firefox' : 'chrome',
    }),
    inspectedPage: createInspectedPage(browser.devtools.inspectedWindow as unknown as Parameters<typeof createInspectedPage>[0]),
  });
}
