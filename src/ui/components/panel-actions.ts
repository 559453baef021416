/**
 * What the panel's components can ask of the browser through the composition root (mountPanel):
 * plain functions, so the components stay browser-free and take them as props.
 */
import type { UserMark } from '../../detect/detect-session-cookie.js';

/** What a store action did, in words for the card. */
export interface StoreActionResult {
  readonly ok: boolean;
  readonly message: string;
}

export interface PanelActions {
  copyText(text: string): Promise<boolean>;
  download(fileName: string, mimeType: string, text: string): void;
  /** Marks a cookie session or not (null: as detected), and remembers the marks for the site. */
  mark(name: string, mark: UserMark | null): void;
  /** Reads the browser's store for the inspected page (asks for the optional permission first). */
  readStore(): Promise<StoreActionResult>;
  /** Deletes the inspected site's cookies and reloads the page, so its Set-Cookie is recorded. */
  clearAndReload(): Promise<StoreActionResult>;
  /** Starts exact capture (webRequest) for the inspected host (asks for the optional permission first); absent where the browser cannot. */
  startExactCapture?(): Promise<StoreActionResult>;
}
