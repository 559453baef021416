/**
 * Drives Debian's Firefox ESR through Marionette with the built extension installed and its
 * "Sessions" panel selected in the toolbox (see shared/browser-testing.md). The panel runs in the
 * extension process; it is read the way about:debugging's Inspect reaches extension pages
 * (DevTools' CommandsFactory.forAddon), so the test sees exactly what the panel shows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Marionette } from './marionette.js';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = resolve('dist/firefox');
export const ADDON_ID = 'session-cookie-inspector@sessions.invalid';

const DEVTOOLS = `const { require } = ChromeUtils.importESModule("resource://devtools/shared/loader/Loader.sys.mjs");
  const { gDevTools } = require("devtools/client/framework/devtools");
  const tab = Services.wm.getMostRecentWindow("navigator:browser").gBrowser.selectedTab;`;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface FirefoxSession {
  navigate(url: string): Promise<void>;
  /** [name, data-grade] of every cookie card the panel shows. */
  cards(): Promise<[string, string][]>;
  close(): Promise<void>;
}

export async function launchFirefoxWithPanel(): Promise<FirefoxSession> {
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox e2e: no browser at ${FIREFOX}. Install Debian's firefox-esr (apt-get install -y firefox-esr) or set FIREFOX_PATH.`);
  }
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`Firefox e2e: no extension build in ${FIREFOX_BUILD}: run npm run build first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'sci-firefox-'));
  const port = await freePort();
  writeFileSync(
    join(profile, 'user.js'),
    [
      'user_pref("xpinstall.signatures.required", false);',
      `user_pref("marionette.port", ${port});`,
      'user_pref("devtools.chrome.enabled", true);',
      'user_pref("browser.shell.checkDefaultBrowser", false);',
      'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
      'user_pref("app.update.disabledForTesting", true);',
      'user_pref("browser.safebrowsing.update.enabled", false);',
      'user_pref("network.captive-portal-service.enabled", false);',
    ].join('\n'),
  );
  const firefox: ChildProcess = spawn(FIREFOX, ['--marionette', '-remote-allow-system-access', '--no-remote', '--profile', profile], {
    env: { ...process.env, MOZ_HEADLESS: '1' },
    stdio: 'ignore',
  });
  const stop = async (client: Marionette | null) => {
    await client?.send('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => undefined);
    client?.close();
    firefox.kill();
    rmSync(profile, { recursive: true, force: true });
  };

  let client: Marionette | null = null;
  try {
    client = await Marionette.connect(port, 45_000);
    const marionette = client;
    await marionette.send('WebDriver:NewSession', { capabilities: {} });
    await marionette.send('Addon:Install', { path: FIREFOX_BUILD, temporary: true });
    await marionette.send('Marionette:SetContext', { value: 'chrome' });
    // The demo's https certificate is self-signed: accept it in this throwaway profile, the same
    // switch Marionette's acceptInsecureCerts uses.
    await marionette.execute(`Cc["@mozilla.org/security/certoverride;1"].getService(Ci.nsICertOverrideService)
      .setDisableAllSecurityChecksAndLetAttackersInterceptMyData(true);`);
    // devtools.network.onRequestFinished only fires once the Network panel has been opened: open
    // the toolbox on it, then select "Sessions" when the extension has registered it.
    const selected = await marionette.send<{ value: string }>('WebDriver:ExecuteAsyncScript', {
      script: `const done = arguments[arguments.length - 1];
      (async () => {
        ${DEVTOOLS}
        const toolbox = await gDevTools.showToolboxForTab(tab, { toolId: 'netmonitor' });
        for (let attempt = 0; attempt < 100; attempt++) {
          const tool = toolbox.getAdditionalTools().find((t) => t.label === 'Sessions');
          if (tool) { await toolbox.selectTool(tool.id); return done('selected'); }
          await new Promise((r) => setTimeout(r, 100));
        }
        done('the toolbox never listed a Sessions panel');
      })().catch((error) => done('failed: ' + error));`,
    });
    if (selected.value !== 'selected') throw new Error(`Firefox e2e: select the Sessions panel: ${selected.value}`);
    await marionette.send('Marionette:SetContext', { value: 'content' });

    return {
      navigate: async (url) => {
        await marionette.send('WebDriver:Navigate', { url });
      },
      cards: async () => {
        await marionette.send('Marionette:SetContext', { value: 'chrome' });
        const answer = await marionette.send<{ value: string }>('WebDriver:ExecuteAsyncScript', {
          script: `const done = arguments[arguments.length - 1];
          (async () => {
            const { require } = ChromeUtils.importESModule("resource://devtools/shared/loader/Loader.sys.mjs");
            const { CommandsFactory } = require("devtools/shared/commands/commands-factory");
            const commands = await CommandsFactory.forAddon(${JSON.stringify(ADDON_ID)});
            try {
              await commands.targetCommand.startListening();
              const panel = commands.targetCommand.getAllTargets(commands.targetCommand.ALL_TYPES)
                .find((target) => target.url && target.url.endsWith('/extension/panel/panel.html'));
              if (!panel) return done('no panel page');
              const response = await commands.scriptCommand.execute(
                "JSON.stringify([...document.querySelectorAll('[data-cookie-name]')].map((card) => [card.getAttribute('data-cookie-name'), card.getAttribute('data-grade')]))",
                { selectedTargetFront: panel },
              );
              done(typeof response.result === 'string' ? response.result : 'unreadable: ' + (response.exceptionMessage || typeof response.result));
            } finally {
              await commands.destroy();
            }
          })().catch((error) => done('failed: ' + error));`,
        });
        await marionette.send('Marionette:SetContext', { value: 'content' });
        if (!answer.value.startsWith('[')) throw new Error(`Firefox e2e: read the panel: ${answer.value}`);
        return JSON.parse(answer.value) as [string, string][];
      },
      close: () => stop(marionette),
    };
  } catch (error) {
    await stop(client);
    throw error;
  }
}

/** Polls the panel until it shows a card for `name`; returns its grade. */
export async function firefoxGradeShown(session: FirefoxSession, name: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let seen: [string, string][] = [];
  while (Date.now() < deadline) {
    seen = await session.cards();
    const card = seen.find(([cardName]) => cardName === name);
    if (card) return card[1];
    await new Promise((done) => setTimeout(done, 300));
  }
  throw new Error(`Firefox e2e: the panel shows no card for ${name} (it shows ${JSON.stringify(seen)})`);
}
