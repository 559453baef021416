/**
 * The panel's composition root: the only place where the store meets the browser. Data flows one
 * way: devtools.network -> NetworkSource -> observations -> store -> components.
 */
import { effect } from '@preact/signals';
import { render } from 'preact';
import { SessionsPanel } from '../../src/ui/components/SessionsPanel.js';
import { applyEvent, createSessionsStore } from '../../src/ui/store/sessions-store.js';
import { createDevtoolsNetworkSource } from '../platform/devtools-network-source.js';
import { devtoolsTheme } from '../platform/devtools-theme.js';
import { copyText, download, loadMarks, saveMarks } from '../platform/page-services.js';

const store = createSessionsStore();
const source = createDevtoolsNetworkSource();

applyEvent(store, { type: 'theme-changed', theme: devtoolsTheme() });
source.onObservations((observations) => applyEvent(store, { type: 'observed', observations }));
source.onNavigated((url) => applyEvent(store, { type: 'navigated', url }));
void source.readPageUrl().then((url) => {
  if (url !== null && store.pageUrl.value === null) applyEvent(store, { type: 'navigated', url });
});
void source.readHistory().then((observations) => applyEvent(store, { type: 'observed', observations }));

// The user's marks are remembered per site: load them whenever the inspected site changes.
effect(() => {
  const site = store.site.value;
  if (site !== null) applyEvent(store, { type: 'marks-loaded', marks: loadMarks(site) });
});

const root = document.getElementById('root');
if (root) {
  render(
    <SessionsPanel store={store} actions={{ copyText, download, saveMarks }} browser={__IS_FIREFOX__ ? 'firefox' : 'chrome'} />,
    root,
  );
}
