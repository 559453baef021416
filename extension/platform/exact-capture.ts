/**
 * Exact capture over the WebExtension `webRequest` and `permissions` APIs (passed in, so this
 * module touches no browser global and tests give fakes): the Cookie header each request of the
 * inspected tab sent and the Set-Cookie lines each response received, for the hosts the user
 * granted, fed to an ExactHeaders joiner. Nothing is asked at install time: `webRequest` and host
 * access are optional, asked on the user's click for the inspected host only (`*://<host>/*`).
 *
 * Chromium gives Cookie and Set-Cookie to webRequest listeners only with `extraHeaders` (since
 * Chrome 72), and lets a DevTools panel listen itself. Measured in Chromium 156: once `webRequest`
 * is granted at run time, no listener of the extension gets an event until the extension starts
 * again (a browser restart, or a reload on chrome://extensions); with the permission granted from
 * the start, every request's events come. So capture counts as live only from its first event,
 * and until then the panel reads DevTools' log as before. Firefox gives DevTools panels no
 * webRequest (they get the APIs of a content script): its build relays it from a background
 * script instead (relayed-capture.ts).
 */
import { ExactHeaders } from '../../src/observation/exact-headers.js';
import type { ExactCaptureAccess, StoreAnswer } from './panel-platform.js';

interface WebRequestHeader {
  readonly name: string;
  readonly value?: string;
}

interface SendDetails {
  readonly requestId: string;
  readonly method: string;
  readonly url: string;
  readonly timeStamp: number;
  readonly requestHeaders?: readonly WebRequestHeader[];
}

interface ReceiveDetails {
  readonly requestId: string;
  readonly responseHeaders?: readonly WebRequestHeader[];
}

interface WebRequestEvent<Details> {
  addListener(callback: (details: Details) => void, filter: { urls: string[]; tabId?: number }, extraInfoSpec?: string[]): void;
  removeListener(callback: (details: Details) => void): void;
}

/** The part of the webRequest API exact capture uses (looked up per call: it exists once granted). */
export interface WebRequestApi {
  readonly onSendHeaders: WebRequestEvent<SendDetails>;
  readonly onHeadersReceived: WebRequestEvent<ReceiveDetails>;
}

export interface ExactCaptureApis {
  readonly permissions: {
    request(permissions: { permissions: string[]; origins: string[] }): Promise<boolean>;
    contains(permissions: { permissions: string[]; origins: string[] }): Promise<boolean>;
  };
  /** Null until the permission is granted (the browser adds the API then). */
  readonly webRequest: () => WebRequestApi | null;
  /** The inspected tab: only its requests are captured. */
  readonly tabId: number;
}

function hostOf(url: string): string {
  return new URL(url).hostname;
}

function valuesNamed(headers: readonly WebRequestHeader[] | undefined, name: string): string[] {
  const values: string[] = [];
  for (const header of headers ?? []) if (header.name.toLowerCase() === name && header.value !== undefined) values.push(header.value);
  return values;
}

export interface ExactCapture extends ExactCaptureAccess {
  /** The joiner for an exchange of `url`: non-null while its host is captured and events come. */
  joinerFor(url: string): ExactHeaders | null;
  stop(): void;
}

export function createExactCapture(apis: ExactCaptureApis): ExactCapture {
  const headers = new ExactHeaders();
  const hosts = new Set<string>();
  let live = false;
  const liveListeners: (() => void)[] = [];
  const eventCame = () => {
    if (live) return;
    live = true;
    for (const listener of liveListeners.splice(0)) listener();
  };
  let listening: { readonly api: WebRequestApi; readonly send: (details: SendDetails) => void; readonly receive: (details: ReceiveDetails) => void } | null =
    null;
  const permissionFor = (url: string) => ({ permissions: ['webRequest'], origins: [`*://${hostOf(url)}/*`] });

  /** Listens to the tab's requests, once: the browser only reports those of granted hosts. */
  const listen = (): boolean => {
    if (listening !== null) return true;
    const api = apis.webRequest();
    if (api === null) return false;
    const send = (details: SendDetails) => {
      eventCame();
      const cookies = valuesNamed(details.requestHeaders, 'cookie');
      headers.sent(details.requestId, details.method, details.url, details.timeStamp, cookies.length === 0 ? null : cookies.join('; '));
    };
    const receive = (details: ReceiveDetails) => {
      eventCame();
      headers.received(details.requestId, valuesNamed(details.responseHeaders, 'set-cookie'));
    };
    const filter = { urls: ['<all_urls>'], tabId: apis.tabId };
    api.onSendHeaders.addListener(send, filter, ['requestHeaders', 'extraHeaders']);
    api.onHeadersReceived.addListener(receive, filter, ['responseHeaders', 'extraHeaders']);
    listening = { api, send, receive };
    return true;
  };

  const startFor = (url: string): StoreAnswer<string> => {
    if (!listen()) throw new Error('the browser gave no webRequest API after granting it');
    hosts.add(hostOf(url));
    return { granted: true, result: hostOf(url) };
  };

  return {
    async start(url) {
      const granted = await apis.permissions.request(permissionFor(url));
      return granted ? startFor(url) : { granted: false };
    },
    async resume(url) {
      if (hosts.has(hostOf(url))) return hostOf(url);
      const granted = await apis.permissions.contains(permissionFor(url)).catch(() => false);
      return granted && listen() ? (hosts.add(hostOf(url)), hostOf(url)) : null;
    },
    onLive(callback) {
      if (live) callback();
      else liveListeners.push(callback);
    },
    joinerFor(url) {
      try {
        return live && hosts.has(hostOf(url)) ? headers : null;
      } catch {
        return null;
      }
    },
    stop() {
      if (listening === null) return;
      listening.api.onSendHeaders.removeListener(listening.send);
      listening.api.onHeadersReceived.removeListener(listening.receive);
      listening = null;
    },
  };
}
