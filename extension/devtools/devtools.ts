/** Registers the "Sessions" panel. Root paths: relative ones break in Chrome. */
import browser from 'webextension-polyfill';

void browser.devtools.panels.create('Sessions', '/icons/icon-32.png', '/extension/panel/panel.html');
