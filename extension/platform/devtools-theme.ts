import browser from 'webextension-polyfill';
import type { Theme } from '../../src/ui/store/sessions-store.js';

/** DevTools' current theme ("default" is light). */
export function devtoolsTheme(): Theme {
  return (browser.devtools.panels as unknown as { themeName?: string }).themeName === 'dark' ? 'dark' : 'light';
}
