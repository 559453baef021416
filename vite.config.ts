/**
 * One source, two builds: `vite build --mode chrome` writes dist/chrome, `--mode firefox` writes
 * dist/firefox. The browsers differ only in the manifest overlay below and `__IS_FIREFOX__`.
 */
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifestSource from './manifest.json' with { type: 'json' };
import packageJson from './package.json' with { type: 'json' };

// One version for the package, the CLI's reports and both store listings: package.json's.
const baseManifest = { ...manifestSource, version: packageJson.version };

type Browser = 'chrome' | 'firefox';

function manifestFor(browser: Browser): ManifestV3Export {
  // 119: cookies.getAll({ partitionKey: {} }) returns partitioned cookies too.
  if (browser === 'chrome') return { ...baseManifest, minimum_chrome_version: '119' };
  return {
    ...baseManifest,
    // Firefox gives DevTools panels no webRequest: a background script listens and relays it to
    // the panel (extension/platform/capture-relay.ts). It holds no state, so it may be unloaded.
    background: { scripts: ['extension/background/background.ts'] },
    // Firefox needs an add-on id, and (since 140) a data collection declaration: we collect nothing.
    // The id is the GUID form, which needs no domain of our own (an e-mail-like id would name one);
    // it is fixed for good: addons.mozilla.org and users' profiles know the add-on by it.
    browser_specific_settings: {
      gecko: {
        id: '{c6803cfb-14c3-453b-a1fa-e226c0bfdfbf}',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android reads data_collection_permissions from 142 on.
      gecko_android: { strict_min_version: '142.0' },
    },
  } as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const browser: Browser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [preact(), crx({ manifest: manifestFor(browser), browser })],
    define: { __IS_FIREFOX__: JSON.stringify(browser === 'firefox') },
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      // The panel page is only named in code (devtools.panels.create), so list it as an input.
      // So is the grant page, which the Firefox panel opens (Firefox panels have no permissions API).
      // And the rules page the panel links each finding to (bundled: no network).
      rolldownOptions: { input: { panel: 'extension/panel/panel.html', grant: 'extension/grant/grant.html', rules: 'extension/rules/rules.html' } },
    },
  };
});
