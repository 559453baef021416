import type { UserMark } from '../../src/detect/detect-session-cookie.js';
import type { StoredCookie } from '../../src/observation/readings.js';
import type { Theme } from '../../src/ui/store/sessions-store.js';
import type { NetworkSource } from './network-source.js';

/**
 * The browser's cookie store for the inspected site, behind the optional `cookies` permission and
 * a host permission for that origin only. Each call asks for them first; the browser asks the user
 * the first time (so it must run inside the user's click), and answers at once after that.
 */
export interface CookieStoreAccess {
  /** Asks for the permissions for `url`'s origin; false when the user (or the browser) refused. */
  requestAccess(url: string): Promise<boolean>;
  /** Every cookie the store would send to `url`, partitioned ones included. */
  read(url: string): Promise<StoredCookie[]>;
  /** Deletes the cookies of `url`'s site (its host and parent domains); returns how many. */
  clearSite(url: string): Promise<number>;
}

/** The inspected page itself, through devtools.inspectedWindow (no permission needed). */
export interface InspectedPage {
  /**
   * `document.cookie` of the inspected page: a fixed expression of ours, never text from the page.
   * Null when it cannot be read (a page without a document, a privileged page).
   */
  readCookieString(): Promise<string | null>;
  reload(): void;
}

/** Everything the panel takes from its surroundings. The extension passes real ones, tests fakes. */
export interface PanelPlatform {
  readonly browser: 'chrome' | 'firefox';
  readonly source: NetworkSource;
  readonly theme: Theme;
  /** Calls back when DevTools switches theme, where the browser reports it. */
  onThemeChanged(callback: (theme: Theme) => void): void;
  copyText(text: string): Promise<boolean>;
  download(fileName: string, mimeType: string, text: string): void;
  loadMarks(site: string): ReadonlyMap<string, UserMark>;
  saveMarks(site: string, marks: ReadonlyMap<string, UserMark>): void;
  readonly cookieStore: CookieStoreAccess;
  readonly inspectedPage: InspectedPage;
}
