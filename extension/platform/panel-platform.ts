import type { UserMark } from '../../src/detect/detect-session-cookie.js';
import type { Theme } from '../../src/ui/store/sessions-store.js';
import type { NetworkSource } from './network-source.js';

/** Everything the panel takes from its surroundings. The extension passes real ones, tests fakes. */
export interface PanelPlatform {
  readonly browser: 'chrome' | 'firefox';
  readonly source: NetworkSource;
  readonly theme: Theme;
  /** Calls back when DevTools switches theme, where the browser reports it. */
  onThemeChanged(callback: (theme: Theme) => void): void;
  copyText(text: string): Promise<boolean>;
  download(fileName: string, mimeType: string, text: string): void;
  loadMarks(site: string): Record<string, UserMark>;
  saveMarks(site: string, marks: Readonly<Record<string, UserMark>>): void;
}
