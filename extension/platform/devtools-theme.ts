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

/** Firefox reports theme changes; Chrome reloads extension panels when the theme changes. */
export function onDevtoolsThemeChanged(callback: (theme: Theme) => void): void {
  (browser.devtools.panels as unknown as PanelsWithTheme).onThemeChanged?.addListener((name) => callback(toTheme(name)));
}
