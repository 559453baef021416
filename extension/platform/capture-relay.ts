/**
 * The background script's side of exact capture in Firefox (see capture-messages.ts): for each
 * panel's port, listens to webRequest for the inspected tab and the hosts the panel names, and
 * relays each request's Cookie and Referer headers and each response's graded headers. The
 * browser APIs are passed in, so tests give fakes. It holds nothing: what it relays goes to the
 * panel that asked, and listening stops when that panel closes.
 */
import { GRADED_REQUEST_HEADERS, GRADED_RESPONSE_HEADERS, type HttpHeader } from '../../src/observation/observation.js';
import { isCaptureRequest, type CaptureEvent } from './capture-messages.js';

interface WebRequestHeader {
  readonly name: string;
  readonly value?: string;
}

export interface SentDetails {
  readonly requestId: string;
  readonly method: string;
  readonly url: string;
  readonly timeStamp: number;
  readonly requestHeaders?: readonly WebRequestHeader[];
}

export interface ReceivedDetails {
  readonly requestId: string;
  readonly url: string;
  readonly statusCode: number;
  readonly responseHeaders?: readonly WebRequestHeader[];
}

interface WebRequestEvent<Details> {
  addListener(callback: (details: Details) => void, filter: { urls: string[]; tabId: number }, extraInfoSpec: string[]): void;
  removeListener(callback: (details: Details) => void): void;
}

export interface RelayWebRequestApi {
  readonly onSendHeaders: WebRequestEvent<SentDetails>;
  readonly onHeadersReceived: WebRequestEvent<ReceivedDetails>;
}

export interface RelayApis {
  /** Null until the optional permission is granted (the browser adds the API then). */
  webRequest(): RelayWebRequestApi | null;
  readonly permissions: { contains(permissions: { permissions: string[]; origins: string[] }): Promise<boolean> };
}

export interface PortLike {
  postMessage(message: CaptureEvent): void;
  readonly onMessage: { addListener(callback: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(callback: () => void): void };
}

/** The permission exact capture asks for `host`: webRequest, for that host only. */
export function capturePermission(host: string): { permissions: string[]; origins: string[] } {
  return { permissions: ['webRequest'], origins: [`*://${host}/*`] };
}

function graded(headers: readonly WebRequestHeader[] | undefined, names: ReadonlySet<string>): HttpHeader[] {
  const kept: HttpHeader[] = [];
  for (const header of headers ?? [])
    if (header.value !== undefined && names.has(header.name.toLowerCase())) kept.push({ name: header.name, value: header.value });
  return kept;
}

/** Serves one panel's port until it disconnects. */
export function serveCapturePort(port: PortLike, apis: RelayApis): void {
  let listening: {
    readonly api: RelayWebRequestApi;
    readonly sent: (details: SentDetails) => void;
    readonly received: (details: ReceivedDetails) => void;
  } | null = null;
  const stop = () => {
    if (listening === null) return;
    listening.api.onSendHeaders.removeListener(listening.sent);
    listening.api.onHeadersReceived.removeListener(listening.received);
    listening = null;
  };
  const listen = (tabId: number, hosts: readonly string[]) => {
    stop();
    if (hosts.length === 0) return;
    const api = apis.webRequest();
    if (api === null) {
      port.postMessage({ kind: 'capture-refused', message: 'the webRequest permission is not granted' });
      return;
    }
    const sent = (details: SentDetails) =>
      port.postMessage({
        kind: 'capture-sent',
        requestId: details.requestId,
        method: details.method,
        url: details.url,
        time: details.timeStamp,
        headers: graded(details.requestHeaders, GRADED_REQUEST_HEADERS),
      });
    const received = (details: ReceivedDetails) =>
      port.postMessage({
        kind: 'capture-received',
        requestId: details.requestId,
        url: details.url,
        status: details.statusCode,
        headers: graded(details.responseHeaders, GRADED_RESPONSE_HEADERS),
      });
    const filter = { urls: hosts.map((host) => `*://${host}/*`), tabId };
    try {
      // Firefox gives Cookie and Set-Cookie as they are: no `extraHeaders` (which it does not accept).
      api.onSendHeaders.addListener(sent, filter, ['requestHeaders']);
      api.onHeadersReceived.addListener(received, filter, ['responseHeaders']);
      listening = { api, sent, received };
    } catch (error) {
      port.postMessage({ kind: 'capture-refused', message: (error as Error).message });
    }
  };
  port.onMessage.addListener((message) => {
    // A keepalive needs no answer: receiving it is what keeps this script from being suspended.
    if (!isCaptureRequest(message) || message.kind === 'capture-keepalive') return;
    if (message.kind === 'capture-listen') listen(message.tabId, message.hosts);
    else
      void apis.permissions
        .contains(capturePermission(message.host))
        .catch(() => false)
        .then((granted) => port.postMessage({ kind: 'capture-granted', id: message.id, granted }));
  });
  port.onDisconnect.addListener(stop);
}
