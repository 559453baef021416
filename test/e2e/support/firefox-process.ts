/**
 * Starts Debian's firefox-esr headless with a throwaway profile and Marionette on a free port
 * (see ../shared/browser-testing.md). Shared by the panel tests and the Firefox differential.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/free-port.js';
import { Marionette } from './marionette.js';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxProcess {
  readonly marionette: Marionette;
  stop(): Promise<void>;
}

const BASE_PREFS: Readonly<Record<string, string | number | boolean>> = {
  'xpinstall.signatures.required': false,
  'devtools.chrome.enabled': true,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'app.update.disabledForTesting': true,
  'browser.safebrowsing.update.enabled': false,
  'network.captive-portal-service.enabled': false,
};

/** Launches Firefox with `prefs` on top of the quiet defaults, and opens a WebDriver session. */
export async function startFirefox(prefs: Readonly<Record<string, string | number | boolean>> = {}): Promise<FirefoxProcess> {
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox e2e: no browser at ${FIREFOX}. Install Debian's firefox-esr (apt-get install -y firefox-esr) or set FIREFOX_PATH.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'sci-firefox-'));
  const port = await freePort();
  const all = { ...BASE_PREFS, 'marionette.port': port, ...prefs };
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(all)
      .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
      .join('\n'),
  );
  const firefox: ChildProcess = spawn(FIREFOX, ['--marionette', '-remote-allow-system-access', '--no-remote', '--profile', profile], {
    env: { ...process.env, MOZ_HEADLESS: '1' },
    stdio: 'ignore',
  });
  let client: Marionette | null = null;
  const stop = async () => {
    await client?.send('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => undefined);
    client?.close();
    firefox.kill();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    client = await Marionette.connect(port, 45_000);
    await client.send('WebDriver:NewSession', { capabilities: {} });
    return { marionette: client, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
