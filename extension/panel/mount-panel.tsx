/**
 * Wires a platform to the store and renders the panel: data flows one way, from the platform's
 * NetworkSource through the store to the components. The extension's entry calls it with the real
 * platform; component tests call it with a fake one.
 */
import { effect } from '@preact/signals';
import { render } from 'preact';
import type { UserMark } from '../../src/detect/detect-session-cookie.js';
import { parseCookieString } from '../../src/observation/readings.js';
import { bundledSecrets } from '../../src/secrets/bundled-secrets.js';
import { createKnownSecretChecker } from '../../src/secrets/known-secret-check.js';
import { valuesToCheck } from '../../src/secrets/values-to-check.js';
import type { StoreActionResult } from '../../src/ui/components/panel-actions.js';
import { SessionsPanel } from '../../src/ui/components/SessionsPanel.js';
import { createPanelCaches } from '../../src/ui/store/panel-caches.js';
import { applyEvent, createSessionsStore, type SessionsStore } from '../../src/ui/store/sessions-store.js';
import type { PanelPlatform, StoreAnswer } from '../platform/panel-platform.js';

/** How long after a navigation the panel reads `document.cookie`. */
export const SCRIPT_READING_DELAY_MILLISECONDS = 500;

export interface MountedPanel {
  readonly store: SessionsStore;
  /** Resolves once the history recorded before the panel opened has been read. */
  readonly ready: Promise<void>;
  unmount(): void;
}

export function mountPanel(root: HTMLElement, platform: PanelPlatform, options: { maxObservations?: number } = {}): MountedPanel {
  // What the panel remembers between batches: one object, owned here, dropped with the panel.
  const caches = createPanelCaches();
  const store = createSessionsStore({ ...options, caches });
  const { source } = platform;
  applyEvent(store, { type: 'theme-changed', theme: platform.theme });
  platform.onThemeChanged((theme) => applyEvent(store, { type: 'theme-changed', theme }));
  const stopObserving = source.onObservations((observations) => applyEvent(store, { type: 'observed', observations }));
  const stopNavigating = source.onNavigated((url) => applyEvent(store, { type: 'navigated', url }));
  const stopUnconfirmed =
    source.onUnconfirmed?.(({ method, url, time }) => applyEvent(store, { type: 'unconfirmed', exchange: { method, url, time } })) ?? (() => undefined);
  // The user's marks are remembered per site: loaded whenever the inspected site changes, saved
  // whenever the user marks a cookie (here only).
  const stopMarks = effect(() => {
    const site = store.site.value;
    if (site !== null) applyEvent(store, { type: 'marks-loaded', marks: platform.loadMarks(site) });
  });
  const mark = (name: string, value: UserMark | null) => {
    applyEvent(store, { type: 'marked', name, mark: value });
    const site = store.site.peek();
    if (site !== null) platform.saveMarks(site, store.marks.peek());
  };
  // Known secrets (rubric 8): @noble/hashes, in slices that yield to the event loop, each value once;
  // a card shows secret-known as soon as its value's check finishes.
  const checker = createKnownSecretChecker(bundledSecrets);
  const stopSecretChecks = effect(() => {
    const values = valuesToCheck(store.inventory.value);
    void checker.check(values).then((matches) => applyEvent(store, { type: 'secrets-checked', matches }));
  });
  // Without any permission: what page script can read, after each navigation (rubric 2.3).
  const readScript = async () => {
    const url = store.pageUrl.value;
    const text = await platform.inspectedPage.readCookieString();
    if (url === null || text === null) return;
    applyEvent(store, { type: 'read', reading: { kind: 'script', url, time: Date.now(), cookies: parseCookieString(text) } });
  };
  let scriptTimer: ReturnType<typeof setTimeout> | null = null;
  const stopScriptReadings = source.onNavigated(() => {
    if (scriptTimer !== null) clearTimeout(scriptTimer);
    // Give the new document a moment to exist before asking it.
    scriptTimer = setTimeout(() => void readScript(), SCRIPT_READING_DELAY_MILLISECONDS);
  });
  const inspectedUrl = () => store.pageUrl.value;
  const UNKNOWN_PAGE: StoreActionResult = { ok: false, message: 'The inspected page is not known yet: reload it once.' };
  /** Runs a store action; a refusal, or a browser that cannot ask or act, becomes a sentence. */
  const withStore = async <T,>(action: (url: string) => Promise<StoreAnswer<T>>, nothing: string, done: (result: T, url: string) => string) => {
    const url = inspectedUrl();
    if (url === null) return UNKNOWN_PAGE;
    try {
      // Asked inside the user's click: the browser shows its prompt the first time only.
      const answer = await action(url);
      return answer.granted ? { ok: true, message: done(answer.result, url) } : { ok: false, message: `Permission not granted: nothing was ${nothing}.` };
    } catch (error) {
      return { ok: false, message: `The browser's cookie store could not be used (${(error as Error).message}): nothing was ${nothing}.` };
    }
  };
  const plural = (count: number) => `${count} ${count === 1 ? 'cookie' : 'cookies'}`;
  const readStore = (): Promise<StoreActionResult> =>
    withStore(platform.cookieStore.read, 'read', (cookies, url) => {
      applyEvent(store, { type: 'read', reading: { kind: 'store', url, time: Date.now(), cookies } });
      return `Read ${plural(cookies.length)} from the browser's store.`;
    });
  const exactCapture = platform.exactCapture;
  const startExactCapture =
    exactCapture === null
      ? undefined
      : async (): Promise<StoreActionResult> => {
          const url = inspectedUrl();
          if (url === null) return UNKNOWN_PAGE;
          try {
            const answer = await exactCapture.start(url);
            if (!answer.granted) return { ok: false, message: "Permission not granted: the panel keeps reading DevTools' network log." };
            applyEvent(store, { type: 'exact-capture-started', host: answer.result });
            return { ok: true, message: `Granted for ${answer.result}.` };
          } catch (error) {
            return { ok: false, message: `Exact capture could not start (${(error as Error).message}).` };
          }
        };
  exactCapture?.onLive(() => applyEvent(store, { type: 'exact-capture-live' }));
  // A host granted before (in an earlier session) is captured exactly as soon as the panel sees it.
  const stopExactResume =
    exactCapture === null
      ? () => undefined
      : effect(() => {
          const url = store.pageUrl.value;
          if (url !== null) void exactCapture.resume(url).then((host) => host !== null && applyEvent(store, { type: 'exact-capture-started', host }));
        });
  const clearAndReload = (): Promise<StoreActionResult> =>
    withStore(platform.cookieStore.clearSite, 'cleared', (removed) => {
      platform.inspectedPage.reload();
      return `Cleared ${plural(removed)} of this site; reloading the page.`;
    });

  const ready = Promise.all([
    source.readPageUrl().then((url) => {
      if (url !== null && store.pageUrl.value === null) applyEvent(store, { type: 'navigated', url });
    }),
    source.readHistory().then((observations) => applyEvent(store, { type: 'observed', observations })),
  ])
    .then(readScript)
    .then(() => undefined);

  render(
    <SessionsPanel
      store={store}
      caches={caches}
      browser={platform.browser}
      actions={{ copyText: platform.copyText, download: platform.download, mark, readStore, clearAndReload, startExactCapture }}
      rulesPageUrl={platform.rulesPageUrl}
    />,
    root,
  );
  return {
    store,
    ready,
    unmount: () => {
      stopObserving();
      stopNavigating();
      stopUnconfirmed();
      stopScriptReadings();
      stopSecretChecks();
      if (scriptTimer !== null) clearTimeout(scriptTimer);
      stopMarks();
      stopExactResume();
      render(null, root);
    },
  };
}
