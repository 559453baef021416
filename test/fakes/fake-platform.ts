/** A PanelPlatform with no browser behind it: tests push observations and read what the panel did. */
import type { NetworkSource } from '../../extension/platform/network-source.js';
import type { PanelPlatform } from '../../extension/platform/panel-platform.js';
import type { UserMark } from '../../src/detect/detect-session-cookie.js';
import type { Observation } from '../../src/observation/observation.js';
import type { StoredCookie } from '../../src/observation/readings.js';
import type { Theme } from '../../src/ui/store/sessions-store.js';

export interface FakePlatform {
  readonly platform: PanelPlatform;
  /** Delivers finished exchanges, as onRequestFinished would. */
  emit(...observations: Observation[]): void;
  navigate(url: string): void;
  /** Reports a login or logout taken without its Cookie header, as the DevTools source does. */
  unconfirmed(observation: Observation): void;
  changeTheme(theme: Theme): void;
  readonly copied: string[];
  readonly downloads: { fileName: string; mimeType: string; text: string }[];
  readonly savedMarks: Map<string, ReadonlyMap<string, UserMark>>;
  /** The fake browser store: what `read` returns, what `clearSite` empties. */
  readonly store: StoredCookie[];
  /** Origins the panel asked access for, in order. */
  readonly accessRequests: string[];
  /** What `document.cookie` of the inspected page says (null: cannot be read). */
  documentCookie: string | null;
  reloads: number;
}

export function createFakePlatform(
  options: {
    history?: Observation[];
    pageUrl?: string | null;
    browser?: 'chrome' | 'firefox';
    theme?: Theme;
    storedMarks?: Record<string, Record<string, UserMark>>;
    /** False: the user refuses the permission. */
    grantAccess?: boolean;
    store?: StoredCookie[];
    documentCookie?: string | null;
  } = {},
): FakePlatform {
  const observationListeners = new Set<(observations: Observation[]) => void>();
  const navigationListeners = new Set<(url: string) => void>();
  const unconfirmedListeners = new Set<(observation: Observation) => void>();
  const themeListeners: ((theme: Theme) => void)[] = [];
  const copied: string[] = [];
  const downloads: FakePlatform['downloads'] = [];
  const savedMarks = new Map<string, ReadonlyMap<string, UserMark>>();
  const store = [...(options.store ?? [])];
  const accessRequests: string[] = [];
  const source: NetworkSource = {
    readHistory: async () => options.history ?? [],
    readPageUrl: async () => options.pageUrl ?? null,
    onObservations(callback) {
      observationListeners.add(callback);
      return () => observationListeners.delete(callback);
    },
    onNavigated(callback) {
      navigationListeners.add(callback);
      return () => navigationListeners.delete(callback);
    },
    onUnconfirmed(callback) {
      unconfirmedListeners.add(callback);
      return () => unconfirmedListeners.delete(callback);
    },
  };
  const fake: FakePlatform = {
    platform: {
      browser: options.browser ?? 'chrome',
      source,
      theme: options.theme ?? 'light',
      onThemeChanged: (callback) => themeListeners.push(callback),
      copyText: async (text) => {
        copied.push(text);
        return true;
      },
      download: (fileName, mimeType, text) => downloads.push({ fileName, mimeType, text }),
      loadMarks: (site) => new Map(Object.entries(options.storedMarks?.[site] ?? {})),
      saveMarks: (site, marks) => savedMarks.set(site, marks),
      exactCapture: null,
      cookieStore: {
        read: async (url) => {
          accessRequests.push(new URL(url).hostname);
          return options.grantAccess === false ? { granted: false } : { granted: true, result: [...store] };
        },
        clearSite: async (url) => {
          accessRequests.push(new URL(url).hostname);
          return options.grantAccess === false ? { granted: false } : { granted: true, result: store.splice(0, store.length).length };
        },
      },
      rulesPageUrl: 'chrome-extension://fake/extension/rules/rules.html',
      inspectedPage: {
        readCookieString: async () => fake.documentCookie,
        reload: () => {
          fake.reloads++;
        },
      },
    },
    emit: (...observations) => observationListeners.forEach((listener) => listener(observations)),
    navigate: (url) => navigationListeners.forEach((listener) => listener(url)),
    unconfirmed: (observation) => unconfirmedListeners.forEach((listener) => listener(observation)),
    changeTheme: (theme) => themeListeners.forEach((listener) => listener(theme)),
    copied,
    downloads,
    savedMarks,
    store,
    accessRequests,
    documentCookie: options.documentCookie ?? null,
    reloads: 0,
  };
  return fake;
}
