/**
 * The panel page's entry: the real platform (devtools.network, the DevTools theme, the page's
 * clipboard, downloads and storage) handed to mountPanel.
 */
import browser from 'webextension-polyfill';
import { createDevtoolsNetworkSource } from '../platform/devtools-network-source.js';
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
  });
}
