/**
 * What real Firefox ESR stores for each case, read from its own cookie store (`Services.cookies`
 * in Marionette's chrome context; see ../shared/browser-testing.md).
 */
import { startFirefox } from '../e2e/support/firefox-process.js';
import type { Marionette } from '../e2e/support/marionette.js';
import { observeCases, type Observed } from './observe-cases.js';
import type { SetCookieCase } from './set-cookie-cases.js';

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

const READ_STORE = `return Services.cookies.cookies.map((c) => ({ name: c.name, value: c.value, host: c.host, path: c.path,
  isSecure: c.isSecure, isHttpOnly: c.isHttpOnly, isSession: c.isSession, expiry: c.expiry, sameSite: c.sameSite }));`;

async function inChrome<T>(marionette: Marionette, script: string): Promise<T> {
  await marionette.send('Marionette:SetContext', { value: 'chrome' });
  try {
    return await marionette.execute<T>(script);
  } finally {
    await marionette.send('Marionette:SetContext', { value: 'content' });
  }
}

const fromBytes = (text: string) => Buffer.from(text, 'latin1').toString('utf8');

export function observeInFirefox(cases: readonly SetCookieCase[]): Promise<Observed[]> {
  return observeCases(cases, async () => {
    // A name that is not localhost but stays on loopback, for Secure-over-http and Domain cases.
    const firefox = await startFirefox({ 'network.dns.localDomains': 'app.sessions.test,sessions.test' });
    const { marionette } = firefox;
    await inChrome(
      marionette,
      `Cc["@mozilla.org/security/certoverride;1"].getService(Ci.nsICertOverrideService)
        .setDisableAllSecurityChecksAndLetAttackersInterceptMyData(true);`,
    );
    return {
      open: async (url) => void (await marionette.send('WebDriver:Navigate', { url })),
      clearCookies: () => inChrome(marionette, 'Services.cookies.removeAll();'),
      fetch: async (url) =>
        void (await marionette.send('WebDriver:ExecuteAsyncScript', {
          script: `const done = arguments[arguments.length - 1];
            fetch(arguments[0], { credentials: 'include' }).then((r) => done(r.status), (e) => done(String(e)));`,
          args: [url],
        })),
      readCookies: async () =>
        (await inChrome<FirefoxCookie[]>(marionette, READ_STORE)).map((cookie) => ({
          // nsICookie's name is a byte string (ACString), which reaches script one byte per
          // character: the UTF-8 the server sent is read back as UTF-8 (its value is UTF-8 already).
          name: fromBytes(cookie.name),
          value: cookie.value,
          domain: cookie.host,
          path: cookie.path,
          secure: cookie.isSecure,
          httpOnly: cookie.isHttpOnly,
          sameSite: SAME_SITE[cookie.sameSite] ?? null,
          expires: cookie.isSession ? null : Math.floor(cookie.expiry / 1000),
        })),
      close: () => firefox.stop(),
    };
  });
}
