/**
 * Wires a platform to the store and renders the panel: data flows one way, from the platform's
 * NetworkSource through the store to the components. The extension's entry calls it with the real
 * platform; component tests call it with a fake one.
 */
import { effect } from '@preact/signals';
import { render } from 'preact';
import { SessionsPanel } from '../../src/ui/components/SessionsPanel.js';
import { applyEvent, createSessionsStore, type SessionsStore } from '../../src/ui/store/sessions-store.js';
import type { PanelPlatform } from '../platform/panel-platform.js';

export interface MountedPanel {
  readonly store: SessionsStore;
  /** Resolves once the history recorded before the panel opened has been read. */
  readonly ready: Promise<void>;
  unmount(): void;
}

export function mountPanel(root: HTMLElement, platform: PanelPlatform, options: { maxObservations?: number } = {}): MountedPanel {
  const store = createSessionsStore(options);
  const { source } = platform;
  applyEvent(store, { type: 'theme-changed', theme: platform.theme });
  platform.onThemeChanged((theme) => applyEvent(store, { type: 'theme-changed', theme }));
  const stopObserving = source.onObservations((observations) => applyEvent(store, { type: 'observed', observations }));
  const stopNavigating = source.onNavigated((url) => applyEvent(store, { type: 'navigated', url }));
  // The user's marks are remembered per site: load them whenever the inspected site changes.
  const stopMarks = effect(() => {
    const site = store.site.value;
    if (site !== null) applyEvent(store, { type: 'marks-loaded', marks: platform.loadMarks(site) });
  });
  const ready = Promise.all([
    source.readPageUrl().then((url) => {
      if (url !== null && store.pageUrl.value === null) applyEvent(store, { type: 'navigated', url });
    }),
    source.readHistory().then((observations) => applyEvent(store, { type: 'observed', observations })),
  ]).then(() => undefined);

  render(
    <SessionsPanel
      store={store}
      browser={platform.browser}
      actions={{ copyText: platform.copyText, download: platform.download, saveMarks: platform.saveMarks }}
    />,
    root,
  );
  return {
    store,
    ready,
    unmount: () => {
      stopObserving();
      stopNavigating();
      stopMarks();
      render(null, root);
    },
  };
}
