/**
 * Drives Debian's Firefox ESR through Marionette with the built extension installed and its
 * "Sessions" panel selected in the toolbox (see shared/browser-testing.md). The panel runs in the
 * extension process; it is read the way about:debugging's Inspect reaches extension pages
 * (DevTools' CommandsFactory.forAddon), so the test sees exactly what the panel shows.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startFirefox } from './firefox-process.js';
import type { Marionette } from './marionette.js';

export const FIREFOX_BUILD = resolve('dist/firefox');
export const ADDON_ID = '{c6803cfb-14c3-453b-a1fa-e226c0bfdfbf}';

const DEVTOOLS = `const { require } = ChromeUtils.importESModule("resource://devtools/shared/loader/Loader.sys.mjs");
  const { gDevTools } = require("devtools/client/framework/devtools");
  const tab = Services.wm.getMostRecentWindow("navigator:browser").gBrowser.selectedTab;`;

export interface FirefoxSession {
  navigate(url: string): Promise<void>;
  /** [name, data-grade] of every cookie card the panel shows. */
  cards(): Promise<[string, string][]>;
  /** Evaluates `expression` (which must give a string) in the panel page and returns it. */
  panelEval(expression: string): Promise<string>;
  /**
   * Clicks the element `selector` of the panel with a real (trusted) mouse click, which
   * permissions.request() needs as its user gesture.
   */
  clickInPanel(selector: string): Promise<void>;
  /**
   * Clicks "Allow" on the extension's grant page, which the Firefox panel opens in a new window
   * for the store permission (Firefox panels have no permissions API), then returns to the tab.
   */
  allowOnGrantPage(): Promise<void>;
  /** Switches DevTools' theme, as its settings do (the `devtools.theme` pref). */
  setDevtoolsTheme(theme: 'dark' | 'light'): Promise<void>;
  /**
   * Runs `body` (an async function body; `args` are its arguments) in the inspected page and returns
   * what it returns; a body that navigates away must return first.
   */
  runInPage<T>(body: string, args?: unknown[]): Promise<T>;
  /**
   * Runs `script` synchronously in Marionette's sandbox over the page and returns at once: for a
   * form submit or a navigation scheduled from there (it must not wait on the page it leaves).
   */
  actInPage(script: string): Promise<void>;
  /** Empties Firefox's cookie store, as a fresh profile would be. */
  clearCookies(): Promise<void>;
  /** The names in Firefox's own cookie store (Services.cookies), every partition. */
  storedCookieNames(): Promise<string[]>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /** Browse before the toolbox opens (a session that existed before the panel did). */
  readonly beforeToolbox?: (navigate: (url: string) => Promise<void>) => Promise<void>;
  /** More prefs for the profile, e.g. `network.dns.localDomains` for a proxy's name. */
  readonly prefs?: Readonly<Record<string, string | number | boolean>>;
}

export async function launchFirefoxWithPanel(options: FirefoxLaunchOptions = {}): Promise<FirefoxSession> {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`Firefox e2e: no extension build in ${FIREFOX_BUILD}: run npm run build first.`);
  }
  const { marionette, stop } = await startFirefox({
    // Optional permissions are granted without a doorhanger (permissions.request still needs a click).
    'extensions.webextOptionalPermissionPrompts': false,
    // A toolbox tall enough that the panel's sticky header leaves room for a card's buttons (at
    // the default 250 px, the panel is 221 px tall and its header covers the middle of it).
    'devtools.toolbox.footer.height': 600,
    ...options.prefs,
  });
  try {
    await marionette.send('Addon:Install', { path: FIREFOX_BUILD, temporary: true });
    if (options.beforeToolbox) await options.beforeToolbox(async (url) => void (await marionette.send('WebDriver:Navigate', { url })));
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
      cards: async () => JSON.parse(await panelEval(marionette, CARDS)) as [string, string][],
      panelEval: (expression) => panelEval(marionette, expression),
      clickInPanel: async (selector) => {
        const box = JSON.parse(
          await panelEval(
            marionette,
            `JSON.stringify((() => { const e = document.querySelector(${JSON.stringify(selector)}); e.scrollIntoView({ block: 'center' }); const r = e.getBoundingClientRect(); const x = r.x + r.width / 2, y = r.y + r.height / 2; const top = document.elementFromPoint(x, y); return { x, y, covered: top !== null && !e.contains(top) ? top.outerHTML.slice(0, 60) : null }; })())`,
          ),
        ) as { x: number; y: number; covered: string | null };
        // A click there would land on what covers it (a sticky header): fail saying so.
        if (box.covered !== null) throw new Error(`Firefox e2e: ${selector} is covered by ${box.covered} in the panel`);
        await marionette.send('Marionette:SetContext', { value: 'chrome' });
        // Where the button sits in the browser window: the panel's <browser> inside the toolbox's
        // tool frame, measured in screen pixels and made relative to the browser window.
        const point = await marionette.execute<{ x: number; y: number } | string>(
          `${DEVTOOLS}
          const toolbox = gDevTools.getToolboxForTab(tab);
          const frame = toolbox.doc.getElementById('toolbox-panel-iframe-' + toolbox.currentToolId);
          const browser = frame && frame.contentDocument.querySelector('browser');
          if (!browser) return 'no panel browser';
          const rect = browser.getBoundingClientRect();
          const top = Services.wm.getMostRecentWindow('navigator:browser');
          return {
            x: Math.round(frame.contentWindow.mozInnerScreenX + rect.left + arguments[0] - top.mozInnerScreenX),
            y: Math.round(frame.contentWindow.mozInnerScreenY + rect.top + arguments[1] - top.mozInnerScreenY),
          };`,
          [box.x, box.y],
        );
        if (typeof point === 'string') {
          await marionette.send('Marionette:SetContext', { value: 'content' });
          throw new Error(`Firefox e2e: click ${selector} in the panel: ${point}`);
        }
        // A WebDriver pointer action is a trusted click: it counts as the user gesture.
        await marionette.send('WebDriver:PerformActions', {
          actions: [
            {
              type: 'pointer',
              id: 'mouse',
              parameters: { pointerType: 'mouse' },
              actions: [
                { type: 'pointerMove', x: point.x, y: point.y, origin: 'viewport' },
                { type: 'pointerDown', button: 0 },
                { type: 'pointerUp', button: 0 },
              ],
            },
          ],
        });
        await marionette.send('WebDriver:ReleaseActions');
        await marionette.send('Marionette:SetContext', { value: 'content' });
      },
      allowOnGrantPage: async () => {
        const { value: original } = await marionette.send<{ value: string }>('WebDriver:GetWindowHandle');
        const deadline = Date.now() + 10_000;
        let grant: string | undefined;
        while (grant === undefined && Date.now() < deadline) {
          // Marionette answers this one with the bare list.
          const answer = await marionette.send<string[] | { value: string[] }>('WebDriver:GetWindowHandles');
          const handles = Array.isArray(answer) ? answer : answer.value;
          grant = handles.find((handle) => handle !== original);
          if (grant === undefined) await new Promise((done) => setTimeout(done, 200));
        }
        if (grant === undefined) throw new Error('Firefox e2e: the panel opened no grant page');
        await marionette.send('WebDriver:SwitchToWindow', { handle: grant });
        // Click only once the page's script has wired its buttons.
        let button: Record<string, string> | undefined;
        while (button === undefined && Date.now() < deadline + 10_000) {
          button = await marionette
            .send<{ value: Record<string, string> }>('WebDriver:FindElement', { using: 'css selector', value: 'body[data-ready="true"] #allow' })
            .then((answer) => answer.value)
            .catch(() => undefined);
          if (button === undefined) await new Promise((done) => setTimeout(done, 200));
        }
        if (button === undefined) throw new Error('Firefox e2e: the grant page never became ready');
        await marionette.send('WebDriver:ElementClick', { id: Object.values(button)[0] });
        await marionette.send('WebDriver:SwitchToWindow', { handle: original });
      },
      setDevtoolsTheme: async (theme) => {
        await marionette.send('Marionette:SetContext', { value: 'chrome' });
        await marionette.execute('Services.prefs.setCharPref("devtools.theme", arguments[0]);', [theme]);
        await marionette.send('Marionette:SetContext', { value: 'content' });
      },
      runInPage: async <T>(body: string, args: unknown[] = []) => {
        // The body runs as the page's own script (an injected <script>): requests sent from
        // Marionette's sandbox never reach devtools.network.onRequestFinished (measured with 153 ESR).
        const answer = await marionette.send<{ value: { ok: boolean; value: T; error: string } }>('WebDriver:ExecuteAsyncScript', {
          script: `const done = arguments[arguments.length - 1];
          const key = 'e2e' + Math.random().toString(36).slice(2);
          const root = document.documentElement;
          const script = document.createElement('script');
          script.textContent = '(async (...args) => { ' + arguments[0] + ' })(...' + JSON.stringify(arguments[1]) + ')'
            + '.then((value) => ({ ok: true, value }), (error) => ({ ok: false, error: String(error) }))'
            + '.then((answer) => document.documentElement.setAttribute(' + JSON.stringify('data-' + key) + ', JSON.stringify(answer ?? null)));';
          root.append(script);
          script.remove();
          const poll = () => {
            const answer = root.getAttribute('data-' + key);
            if (answer === null) return setTimeout(poll, 20);
            root.removeAttribute('data-' + key);
            done(JSON.parse(answer));
          };
          poll();`,
          args: [body, args],
        });
        if (!answer.value.ok) throw new Error(`Firefox e2e: in the page: ${answer.value.error}`);
        return answer.value.value;
      },
      actInPage: async (script) => {
        await marionette.execute(script);
      },
      clearCookies: async () => {
        await marionette.send('Marionette:SetContext', { value: 'chrome' });
        await marionette.execute('Services.cookies.removeAll();');
        await marionette.send('Marionette:SetContext', { value: 'content' });
      },
      storedCookieNames: async () => {
        await marionette.send('Marionette:SetContext', { value: 'chrome' });
        const names = await marionette.execute<string[]>('return Services.cookies.cookies.map((cookie) => cookie.name);');
        await marionette.send('Marionette:SetContext', { value: 'content' });
        return names;
      },
      close: stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

const CARDS =
  "JSON.stringify([...document.querySelectorAll('.card[data-cookie-name]')].map((card) => [card.getAttribute('data-cookie-name'), card.getAttribute('data-grade')]))";

/**
 * Evaluates an expression in the panel page, reached the way about:debugging's Inspect reaches
 * extension pages (DevTools' CommandsFactory.forAddon).
 */
async function panelEval(marionette: Marionette, expression: string): Promise<string> {
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
        if (!panel) return done('!no panel page');
        const response = await commands.scriptCommand.execute(${JSON.stringify(expression)}, { selectedTargetFront: panel });
        done(typeof response.result === 'string' ? response.result : '!unreadable: ' + (response.exceptionMessage || typeof response.result));
      } finally {
        await commands.destroy();
      }
    })().catch((error) => done('!failed: ' + error));`,
  });
  await marionette.send('Marionette:SetContext', { value: 'content' });
  if (answer.value.startsWith('!')) throw new Error(`Firefox e2e: read the panel: ${answer.value.slice(1)}`);
  return answer.value;
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

/** Polls the panel until its card for `name` shows `grade` (cards change as late evidence arrives). */
export async function firefoxWaitForGrade(session: FirefoxSession, name: string, grade: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let seen: [string, string][] = [];
  while (Date.now() < deadline) {
    seen = await session.cards();
    const card = seen.find(([cardName, cardGrade]) => cardName === name && cardGrade === grade);
    if (card) return card[1];
    await new Promise((done) => setTimeout(done, 300));
  }
  throw new Error(`Firefox e2e: the panel shows no ${grade} card for ${name} (it shows ${JSON.stringify(seen)})`);
}
