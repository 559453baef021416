/**
 * Serves each case to real Firefox ESR and reads back what it stored, from its own cookie store
 * (`Services.cookies` in Marionette's chrome context; see ../shared/browser-testing.md).
 */
import { generate } from 'selfsigned';
import { startFirefox } from '../e2e/support/firefox-process.js';
import type { Marionette } from '../e2e/support/marionette.js';
import type { Observed } from './chromium-cookie-jar.js';
import { rawHttpServer, rawHttpsServer } from './raw-header-server.js';
import type { CaseOrigin, SetCookieCase } from './set-cookie-cases.js';

interface FirefoxCookie {
  name: string;
  value: string;
  host: string;
  path: string;
  isSecure: boolean;
  isHttpOnly: boolean;
  isSession: boolean;
  /** Milliseconds since the epoch. */
  expiry: number;
  /** 0 None, 1 Lax, 2 Strict, 256 unset. */
  sameSite: number;
}

const SAME_SITE: Record<number, 'None' | 'Lax' | 'Strict'> = { 0: 'None', 1: 'Lax', 2: 'Strict' };

const READ_STORE = `const all = Services.cookies.cookies.map((c) => ({ name: c.name, value: c.value, host: c.host, path: c.path,
  isSecure: c.isSecure, isHttpOnly: c.isHttpOnly, isSession: c.isSession, expiry: c.expiry, sameSite: c.sameSite }));
Services.cookies.removeAll();
return all;`;

async function inChrome<T>(marionette: Marionette, script: string): Promise<T> {
  await marionette.send('Marionette:SetContext', { value: 'chrome' });
  try {
    return await marionette.execute<T>(script);
  } finally {
    await marionette.send('Marionette:SetContext', { value: 'content' });
  }
}

export async function observeInFirefox(cases: readonly SetCookieCase[]): Promise<Observed[]> {
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
  // A name that is not localhost but stays on loopback, for Secure-over-http and Domain cases.
  const firefox = await startFirefox({ 'network.dns.localDomains': 'app.sessions.test,sessions.test' });
  const { marionette } = firefox;
  try {
    await inChrome(
      marionette,
      `Cc["@mozilla.org/security/certoverride;1"].getService(Ci.nsICertOverrideService)
        .setDisableAllSecurityChecksAndLetAttackersInterceptMyData(true);`,
    );
    const observed: Observed[] = [];
    for (const origin of ['secure', 'insecure', 'local'] as const) {
      await marionette.send('WebDriver:Navigate', { url: `${origins[origin]}/` });
      for (const [index, testCase] of cases.entries()) {
        if (testCase.origin !== origin) continue;
        await inChrome(marionette, 'Services.cookies.removeAll();');
        const requestUrl =
          testCase.path === '/' ? `${origins[origin]}/case/${index}` : `${origins[origin]}${testCase.path.replace(/^\/case/, `/case/${index}`)}`;
        const at = Date.now();
        await marionette.send('WebDriver:ExecuteAsyncScript', {
          script: `const done = arguments[arguments.length - 1];
            fetch(arguments[0], { credentials: 'include' }).then((r) => done(r.status), (e) => done(String(e)));`,
          args: [requestUrl],
        });
        const cookies = await inChrome<FirefoxCookie[]>(marionette, READ_STORE);
        observed.push({
          testCase,
          url: requestUrl,
          at,
          stored: cookies.map((cookie) => ({
            name: cookie.name,
            value: cookie.value,
            domain: cookie.host,
            path: cookie.path,
            secure: cookie.isSecure,
            httpOnly: cookie.isHttpOnly,
            sameSite: SAME_SITE[cookie.sameSite] ?? null,
            expires: cookie.isSession ? null : Math.floor(cookie.expiry / 1000),
          })),
        });
      }
    }
    return observed;
  } finally {
    await firefox.stop();
    await http.close();
    await https.close();
  }
}
