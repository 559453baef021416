/**
 * Serves each differential case (plain and TLS, on a non-localhost name and on localhost) to a
 * real browser and records what its cookie store holds after the request. The browsers differ
 * only in the driver: how to open a page, fetch, and read and clear their store.
 */
import { generate } from 'selfsigned';
import type { StoreEntry } from './predict-stored-cookie.js';
import { rawHttpServer, rawHttpsServer } from './raw-header-server.js';
import type { CaseOrigin, SetCookieCase } from './set-cookie-cases.js';

export interface Observed {
  readonly testCase: SetCookieCase;
  readonly url: string;
  /** When the request was made, in epoch ms. */
  readonly at: number;
  readonly stored: readonly StoreEntry[];
}

/** One browser, launched so that *.sessions.test resolves to 127.0.0.1 and self-signed TLS is accepted. */
export interface BrowserDriver {
  open(url: string): Promise<void>;
  clearCookies(): Promise<void>;
  /** Fetches `url` from the open page, with credentials. */
  fetch(url: string): Promise<void>;
  /** Every cookie in the store, in the CDP-like form of StoreEntry. */
  readCookies(): Promise<StoreEntry[]>;
  close(): Promise<void>;
}

export async function observeCases(cases: readonly SetCookieCase[], launch: () => Promise<BrowserDriver>): Promise<Observed[]> {
  const handler = (path: string) => {
    const testCase = cases[Number(/^\/case\/(\d+)/.exec(path)?.[1] ?? -1)];
    return { status: 200, headers: testCase ? ([['Set-Cookie', testCase.header]] as [string, string][]) : [] };
  };
  const pems = await generate([{ name: 'commonName', value: 'app.sessions.test' }], { keySize: 2048 });
  const http = await rawHttpServer(handler);
  const https = await rawHttpsServer(handler, pems.private, pems.cert);
  const origins: Record<CaseOrigin, string> = {
    secure: `https://app.sessions.test:${https.port}`,
    insecure: `http://app.sessions.test:${http.port}`,
    local: `http://localhost:${http.port}`,
  };
  const browser = await launch();
  try {
    const observed: Observed[] = [];
    for (const origin of ['secure', 'insecure', 'local'] as const) {
      await browser.open(`${origins[origin]}/`);
      for (const [index, testCase] of cases.entries()) {
        if (testCase.origin !== origin) continue;
        await browser.clearCookies();
        // The case's path, with its number after /case so the server knows which line to send.
        const url = `${origins[origin]}${testCase.path === '/' ? `/case/${index}` : testCase.path.replace(/^\/case/, `/case/${index}`)}`;
        const at = Date.now();
        await browser.fetch(url);
        observed.push({ testCase, url, at, stored: await browser.readCookies() });
      }
    }
    return observed;
  } finally {
    await browser.close();
    await http.close();
    await https.close();
  }
}
