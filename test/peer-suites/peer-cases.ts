/**
 * Runs the public suites' cases (test/fixtures/peer-suites/) through the product: Set-Cookie lines
 * into the CLI's cookie jar, then what a request or `document.cookie` would show.
 */
import { readFileSync } from 'node:fs';
import { CookieJar, serializePair, type CookieSource } from '../../src/cli/cookie-jar.js';
import type { Reader } from '../../src/core/reader.js';
import { responseContext } from '../../src/core/response-context.js';

export function loadSuite<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/peer-suites/${file}`, import.meta.url), 'utf8')) as T;
}

/** The suites' clock: after every date they use except the "far future" ones. */
export const SUITE_TIME = Date.UTC(2026, 11, 1, 12);

export interface JarRun {
  readonly lines: readonly string[];
  readonly setUrl: string;
  readonly readUrl: string;
  readonly setBy?: CookieSource;
  readonly readBy?: CookieSource;
  readonly reader?: Reader;
}

/** The cookies a request to (or script on) readUrl sees after setUrl set `lines`, each line in its own response. */
export function runJar(run: JarRun): { name: string; value: string }[] {
  const jar = new CookieJar(run.reader ?? 'rfc');
  for (const line of run.lines) {
    const response = responseContext({
      url: run.setUrl,
      method: 'GET',
      status: 200,
      requestHeaders: [],
      requestBodyParamNames: null,
      responseHeaders: [],
      time: SUITE_TIME,
    });
    jar.store([line], response, run.setBy ?? 'http');
  }
  return jar.cookiesFor(run.readUrl, SUITE_TIME, run.readBy ?? 'http').map(({ name, value }) => ({ name, value }));
}

/** `document.cookie`'s string, or the Cookie header's: pairs joined by "; ". */
export function cookieString(cookies: readonly { name: string; value: string }[]): string {
  return cookies.map(serializePair).join('; ');
}
