import browser from 'webextension-polyfill';
import type { Theme } from '../../src/ui/store/sessions-store.js';

interface PanelsWithTheme {
  readonly themeName?: string;
  readonly onThemeChanged?: { addListener(callback: (name: string) => void): void };
}

const toTheme = (name: string | undefined): Theme => (name === 'dark' ? 'dark' : 'light');

/** DevTools' current theme ("default" is light). */
export function devtoolsTheme(): Theme {
  return toTheme((browser.devtools.panels as unknown as PanelsWithTheme).themeName);
}

interface ChromePanels {
  setThemeChangeHandler?: (callback: (name: string) => void) => void;
}

/**
 * Follows a live theme switch without reloading the panel (which would lose the history):
 * Firefox has `devtools.panels.onThemeChanged`; Chrome has `chrome.devtools.panels
 * .setThemeChangeHandler` (not wrapped by the polyfill, so it is looked up on `chrome`).
 */
export function onDevtoolsThemeChanged(callback: (theme: Theme) => void): void {
  (browser.devtools.panels as unknown as PanelsWithTheme).onThemeChanged?.addListener((name) => callback(toTheme(name)));
  const chromePanels = (globalThis as { chrome?: { devtools?: { panels?: ChromePanels } } }).chrome?.devtools?.panels;
  if (!__IS_FIREFOX__ && typeof chromePanels?.setThemeChangeHandler === 'function') {
    chromePanels.setThemeChangeHandler((name) => callback(toTheme(name)));
  }
}
