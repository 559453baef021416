/**
 * Whose reading of a Set-Cookie line: RFC 6265bis as written, or a browser's where it departs
 * from the draft (rubric section 1, "Browsers differ, and the product says so"). Each departure is
 * measured by a differential test against the real browser (test/e2e/differential.e2e.test.ts).
 */
export type Browser = 'chromium' | 'firefox';
export type Reader = 'rfc' | Browser;

export const BROWSERS: readonly Browser[] = ['chromium', 'firefox'];

export const BROWSER_NAMES: Readonly<Record<Browser, string>> = { chromium: 'Chromium', firefox: 'Firefox' };

/** What one browser does with one Set-Cookie line (rubric section 1). */
export interface BrowserOutcome {
  readonly outcome: 'stored' | 'dropped';
  /** For a drop: a parse rejection, a `rejected-*` rule id, or `expired`; otherwise null. */
  readonly reason: string | null;
  /**
   * One sentence for a drop, or for a line this browser stores differently from the draft's
   * reading; null when it does what the draft says.
   */
  readonly explanation: string | null;
  /** True when the browser drops the line for a reason no rule of section 4 names on the draft's reading. */
  readonly departs: boolean;
}

export type BrowserOutcomes = Readonly<Record<Browser, BrowserOutcome>>;
