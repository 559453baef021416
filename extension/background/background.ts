/**
 * Firefox's background script: serves exact capture's port (extension/platform/capture-relay.ts),
 * since Firefox gives DevTools panels no webRequest. It listens to nothing until a panel asks, and
 * then only to that panel's tab and the hosts the user granted.
 */
import browser from 'webextension-polyfill';
import { CAPTURE_PORT } from '../platform/capture-messages.js';
import { serveCapturePort, type PortLike, type RelayWebRequestApi } from '../platform/capture-relay.js';

browser.runtime.onConnect.addListener((port) => {
  if (port.name !== CAPTURE_PORT) return;
  serveCapturePort(port as unknown as PortLike, {
    // browser.webRequest only exists once the optional permission is granted: look it up per call.
    webRequest: () => (browser as unknown as { webRequest?: RelayWebRequestApi }).webRequest ?? null,
    permissions: { contains: (permissions) => browser.permissions.contains(permissions) },
  });
});
