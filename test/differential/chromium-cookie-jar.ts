/** What real Chromium stores for each case (CDP Network.getAllCookies). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM, CHROMIUM_BASE_ARGS } from '../e2e/support/chromium-devtools.js';
import { observeCases, type Observed } from './observe-cases.js';
import type { SetCookieCase } from './set-cookie-cases.js';

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

export function observeInChromium(cases: readonly SetCookieCase[]): Promise<Observed[]> {
  return observeCases(cases, async () => {
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
    const page = await browser.newPage();
    const cdp = await page.createCDPSession();
    return {
      open: async (url) => void (await page.goto(url)),
      clearCookies: async () => void (await cdp.send('Network.clearBrowserCookies')),
      fetch: async (url) => void (await page.evaluate((target: string) => fetch(target, { credentials: 'include' }).then((response) => response.status), url)),
      readCookies: async () => {
        const { cookies } = (await cdp.send('Network.getAllCookies')) as { cookies: CdpCookie[] };
        return cookies.map((cookie) => ({
          name: cookie.name,
          value: cookie.value,
          domain: cookie.domain,
          path: cookie.path,
          secure: cookie.secure,
          httpOnly: cookie.httpOnly,
          sameSite: cookie.sameSite ?? null,
          expires: cookie.session ? null : Math.floor(cookie.expires),
        }));
      },
      close: async () => {
        await browser.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  });
}
