/** Serves each case to real Chromium and reads back what it stored (CDP Network.getAllCookies). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { generate } from 'selfsigned';
import { CHROMIUM, CHROMIUM_BASE_ARGS } from '../e2e/support/chromium-devtools.js';
import { rawHttpServer, rawHttpsServer } from './raw-header-server.js';
import type { CaseOrigin, SetCookieCase } from './set-cookie-cases.js';
import type { StoredCookie } from './predict-stored-cookie.js';

export interface Observed {
  readonly testCase: SetCookieCase;
  readonly url: string;
  /** When the request was made, in epoch ms. */
  readonly at: number;
  readonly stored: StoredCookie[];
}

interface CdpCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  session: boolean;
  sameSite?: 'Strict' | 'Lax' | 'None';
}

export async function observeInChromium(cases: readonly SetCookieCase[]): Promise<Observed[]> {
  const handler = (path: string) => {
    const index = Number(/^\/case\/(\d+)/.exec(path)?.[1] ?? -1);
    const testCase = cases[index];
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
  const userDataDir = mkdtempSync(join(tmpdir(), 'sci-differential-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir,
    args: [
      ...CHROMIUM_BASE_ARGS,
      // A name that is not localhost but stays on loopback, for Secure-over-http and Domain cases.
      '--host-resolver-rules=MAP *.sessions.test 127.0.0.1, MAP sessions.test 127.0.0.1',
    ],
  });
  try {
    const page = await browser.newPage();
    const cdp = await page.createCDPSession();
    const observed: Observed[] = [];
    for (const origin of ['secure', 'insecure', 'local'] as const) {
      await page.goto(`${origins[origin]}/`);
      for (const [index, testCase] of cases.entries()) {
        if (testCase.origin !== origin) continue;
        await cdp.send('Network.clearBrowserCookies');
        const url = `${origins[origin]}${testCase.path === '/' ? '' : testCase.path.replace(/^\/case/, `/case/${index}`)}`;
        const requestUrl = testCase.path === '/' ? `${origins[origin]}/case/${index}` : url;
        const at = Date.now();
        await page.evaluate((target: string) => fetch(target, { credentials: 'include' }).then((response) => response.status), requestUrl);
        const { cookies } = (await cdp.send('Network.getAllCookies')) as { cookies: CdpCookie[] };
        observed.push({
          testCase,
          url: requestUrl,
          at,
          stored: cookies.map((cookie) => ({
            name: cookie.name,
            value: cookie.value,
            domain: cookie.domain,
            path: cookie.path,
            secure: cookie.secure,
            httpOnly: cookie.httpOnly,
            sameSite: cookie.sameSite ?? null,
            expires: cookie.session ? null : Math.floor(cookie.expires),
          })),
        });
      }
    }
    return observed;
  } finally {
    await browser.close();
    rmSync(userDataDir, { recursive: true, force: true });
    await http.close();
    await https.close();
  }
}
