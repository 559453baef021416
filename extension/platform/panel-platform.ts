import type { UserMark } from '../../src/detect/detect-session-cookie.js';
import type { StoredCookie } from '../../src/observation/readings.js';
import type { Theme } from '../../src/ui/store/sessions-store.js';
import type { NetworkSource } from './network-source.js';

/** What a store action found: nothing when the user did not grant the permission. */
export type StoreAnswer<T> = { readonly granted: false } | { readonly granted: true; readonly result: T };

/**
 * The browser's cookie store for the inspected site, behind the optional `cookies` permission and
 * host access to that host only. Each call first asks for them, inside the user's click (the
 * browser prompts the first time, and answers at once after that), then acts. It throws with a
 * sentence when the browser cannot ask or act.
 */
export interface CookieStoreAccess {
  /** Every cookie the store would send to `url`, partitioned ones included. */
  read(url: string): Promise<StoreAnswer<StoredCookie[]>>;
  /** Deletes the cookies of `url`'s site (its host and parent domains); the count removed. */
  clearSite(url: string): Promise<StoreAnswer<number>>;
}

/**
 * Exact capture (webRequest): every request's Cookie header and every response's Set-Cookie lines
 * as sent, behind the optional `webRequest` permission and host access to the inspected host.
 */
export interface ExactCaptureAccess {
  /** Asks, inside the user's click, for the permission for `url`'s host, then captures it: the host. */
  start(url: string): Promise<StoreAnswer<string>>;
  /** Captures `url`'s host without asking when it was granted before (an earlier session): the host, or null. */
  resume(url: string): Promise<string | null>;
  /** Calls back once the browser delivers its first webRequest event (Chromium: only after the extension started with the permission). */
  onLive(callback: () => void): void;
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
  /** Null where the browser gives DevTools panels no webRequest (Firefox). */
  readonly exactCapture: ExactCaptureAccess | null;
  /** The address of the bundled rules page (extension/rules/rules.html), for `#<finding id>` links. */
  readonly rulesPageUrl: string;
  readonly inspectedPage: InspectedPage;
}
