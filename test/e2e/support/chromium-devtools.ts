/**
 * Drives Debian's Chromium with the built extension and its DevTools panel (see
 * shared/browser-testing.md). Every step that leans on DevTools internals fails with a message
 * naming the step, because a Chromium update may move them.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags every test browser needs on these machines (see shared/browser-testing.md). */
export const CHROMIUM_BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these, Chromium fights the closed network at every start.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The demo's and the differential test's https certificates are self-signed.
  '--ignore-certificate-errors',
] as const;
export const CHROME_BUILD = resolve('dist/chrome');

export interface DevtoolsSession {
  /** Keeps DevTools' network log (and so getHAR()) across navigations, as "Preserve log" does. */
  preserveNetworkLog(): Promise<void>;
  /** The HAR that devtools.network.getHAR() gives the panel: a real export of this session. */
  exportHar(): Promise<unknown>;
  /** Empties the browser's cookie jar, as a fresh browser profile would be. */
  clearBrowserCookies(): Promise<void>;
  /**
   * Grants the extension host access to `host`, as a user does on chrome://extensions ("Site
   * access"), through that page's own chrome.developerPrivate API. Chromium's permission prompt
   * is browser UI that automation cannot click; with host access granted beforehand, and the
   * `cookies` permission carrying no warning, permissions.request() then resolves at once.
   */
  grantHostAccess(host: string): Promise<void>;
  readonly browser: Browser;
  readonly page: Page;
  readonly devtools: Page;
  readonly extensionId: string;
  /** The Sessions panel's frame inside DevTools. */
  panel(): Promise<Frame>;
  /** Shows the Sessions panel (already done at launch unless `showPanel: false`) and returns its frame. */
  showPanel(): Promise<Frame>;
  close(): Promise<void>;
}

async function poll<T>(step: string, timeoutMs: number, attempt: () => Promise<T | null | undefined>): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      const value = await attempt();
      if (value !== null && value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`Chromium e2e: "${step}" did not succeed within ${timeoutMs} ms${lastError ? `: ${String(lastError)}` : ''}`);
}

export interface LaunchOptions {
  /**
   * Browse before DevTools opens (a session that existed before the panel did): the browser
   * starts without DevTools, this runs, then DevTools opens on the tab.
   */
  readonly beforeDevtools?: (page: Page) => Promise<void>;
  /**
   * False: DevTools opens and records, but the Sessions panel is not shown until `showPanel()`
   * (a user who opens it late, after browsing with DevTools open).
   */
  readonly showPanel?: boolean;
  /**
   * A browser profile to start with and keep (a user's profile across browser restarts); by
   * default a new one, removed on close.
   */
  readonly userDataDir?: string;
  /** More command-line flags, e.g. `--host-resolver-rules=MAP app.test 127.0.0.1` for a proxy's name. */
  readonly extraArgs?: readonly string[];
}

export async function launchChromiumWithPanel(options: LaunchOptions = {}): Promise<DevtoolsSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium e2e: no browser at ${CHROMIUM}. Install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) {
    throw new Error(`Chromium e2e: no extension build in ${CHROME_BUILD}: run npm run build first.`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'sci-chromium-'));
  const removeProfile = () => {
    if (options.userDataDir === undefined) rmSync(userDataDir, { recursive: true, force: true });
  };
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...CHROMIUM_BASE_ARGS,
      ...(options.beforeDevtools ? [] : ['--auto-open-devtools-for-tabs']),
      `--load-extension=${CHROME_BUILD}`,
      `--disable-extensions-except=${CHROME_BUILD}`,
      '--window-size=1500,1100',
      ...(options.extraArgs ?? []),
    ],
  });
  try {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    let devtools: Page;
    if (options.beforeDevtools) {
      await options.beforeDevtools(page);
      devtools = await page.openDevTools().catch((error: unknown) => {
        throw new Error(`Chromium e2e: DevTools did not open on the tab (page.openDevTools): ${String(error)}`);
      });
    } else {
      const devtoolsTarget = await browser
        .waitForTarget((target) => target.url().startsWith('devtools://devtools/bundled/devtools_app.html'), { timeout: 15_000 })
        .catch(() => {
          throw new Error('Chromium e2e: DevTools did not open (--auto-open-devtools-for-tabs).');
        });
      devtools = await devtoolsTarget.asPage();
    }
    // The extension has no background page: its first target is its DevTools page, once DevTools is open.
    const extensionTarget = await browser
      .waitForTarget((target) => /^chrome-extension:\/\/[a-p]{32}\//.test(target.url()), { timeout: 15_000 })
      .catch(() => {
        throw new Error('Chromium e2e: the extension did not load (no chrome-extension:// target).');
      });
    const extensionId = new URL(extensionTarget.url()).host;
    // DevTools shows its UI a moment before it is attached to the tab: wait for the network model.
    // These run inside DevTools and import its own modules; they are passed as source text so
    // the test runner's transform does not rewrite their import() calls.
    await poll('DevTools attached to the tab', 20_000, () =>
      devtools.evaluate(`(async () => {
        const SDK = await import('./core/sdk/sdk.js');
        const target = SDK.TargetManager.TargetManager.instance().primaryPageTarget();
        return target && target.model(SDK.NetworkManager.NetworkManager) ? true : null;
      })()`),
    );
    const panelId = `chrome-extension://${extensionId}Sessions`;
    const panelUrl = `chrome-extension://${extensionId}/extension/panel/panel.html`;
    const findPanelFrame = () => devtools.frames().find((frame) => frame.url().startsWith(panelUrl));
    // The extension registers its panel a moment after DevTools starts, and showing a panel
    // DevTools does not know yet does nothing: wait until it is known, show it, and show it again
    // until its frame exists.
    await poll('DevTools knows the Sessions panel', 20_000, () =>
      devtools.evaluate(`(async () => {
        const UI = await import('./ui/legacy/legacy.js');
        return UI.InspectorView.InspectorView.instance().hasPanel(${JSON.stringify(panelId)}) ? true : null;
      })()`),
    );
    const showPanel = async () => {
      await poll('show the Sessions panel and find its frame', 30_000, async () => {
        const frame = findPanelFrame();
        if (frame) return frame;
        await devtools.evaluate(`(async () => {
          const UI = await import('./ui/legacy/legacy.js');
          await UI.InspectorView.InspectorView.instance().showPanel(${JSON.stringify(panelId)});
        })()`);
        await new Promise((done) => setTimeout(done, 400));
        return findPanelFrame();
      });
      const frame = await panel();
      await frame.waitForSelector('.panel', { timeout: 15_000 });
      return frame;
    };
    const panel = () => poll('find the panel frame', 15_000, async () => findPanelFrame());
    if (options.showPanel !== false) await showPanel();
    return {
      clearBrowserCookies: async () => {
        const cdp = await page.createCDPSession();
        await cdp.send('Network.clearBrowserCookies');
        await cdp.detach();
      },
      grantHostAccess: async (host) => {
        const extensions = await browser.newPage();
        try {
          await extensions.goto(`chrome://extensions/?id=${extensionId}`);
          const answer = await poll('grant host access on chrome://extensions', 10_000, () =>
            extensions.evaluate(
              `chrome.developerPrivate.addHostPermission(${JSON.stringify(extensionId)}, ${JSON.stringify(`*://${host}/*`)}).then(() => 'granted', (error) => 'refused: ' + error.message)`,
            ),
          );
          if (answer !== 'granted') throw new Error(`Chromium e2e: chrome://extensions did not grant host access to ${host} (${String(answer)})`);
        } finally {
          await extensions.close();
        }
        await page.bringToFront();
      },
      preserveNetworkLog: async () => {
        await devtools.evaluate(`(async () => {
          const Common = await import('./core/common/common.js');
          Common.Settings.Settings.instance().moduleSetting('network-log.preserve-log').set(true);
        })()`);
      },
      exportHar: async () => {
        const frame = await panel();
        return frame.evaluate(`new Promise((resolve) => chrome.devtools.network.getHAR((log) => resolve({ log })))`);
      },
      browser,
      page,
      devtools,
      extensionId,
      panel,
      showPanel,
      close: async () => {
        await browser.close();
        removeProfile();
      },
    };
  } catch (error) {
    await browser.close();
    removeProfile();
    throw error;
  }
}

/** Waits until the panel shows a card for `name` and returns its data-grade. */
export async function gradeShown(panel: Frame, name: string, timeoutMs = 15_000): Promise<string> {
  const selector = `.card[data-cookie-name="${name}"]`;
  await panel.waitForSelector(selector, { timeout: timeoutMs }).catch(() => {
    throw new Error(`Chromium e2e: the panel shows no card for ${name}`);
  });
  return panel.$eval(selector, (card) => card.getAttribute('data-grade') ?? '');
}

/** Waits until the card for `name` shows `grade` (a card can change as late headers arrive). */
export async function waitForGrade(panel: Frame, name: string, grade: string, timeoutMs = 15_000): Promise<string> {
  await panel
    .waitForFunction(
      (selector, wanted) => document.querySelector(selector)?.getAttribute('data-grade') === wanted,
      { timeout: timeoutMs },
      `.card[data-cookie-name="${name}"]`,
      grade,
    )
    .catch(async () => {
      const shown = await panel.$eval(`.card[data-cookie-name="${name}"]`, (card) => card.getAttribute('data-grade')).catch(() => 'no card');
      throw new Error(`Chromium e2e: the card for ${name} shows ${shown}, not ${grade}`);
    });
  return panel.$eval(`.card[data-cookie-name="${name}"]`, (card) => card.getAttribute('data-grade') ?? '');
}
