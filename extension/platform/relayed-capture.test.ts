import { afterEach, describe, expect, it, vi } from 'vitest';
import { headerValues, type Observation } from '../../src/observation/observation.js';
import type { CaptureEvent, CaptureRequest } from './capture-messages.js';
import { serveCapturePort, type ReceivedDetails, type RelayWebRequestApi, type SentDetails } from './capture-relay.js';
import type { NetworkSource } from './network-source.js';
import { createRelayedCapture } from './relayed-capture.js';

/** Firefox's webRequest for one tab: the test fires its events; listeners remember their filter. */
function fakeWebRequest() {
  const sent = new Set<(details: SentDetails) => void>();
  const received = new Set<(details: ReceivedDetails) => void>();
  const added: { filter: unknown; extraInfoSpec: string[] }[] = [];
  const api: RelayWebRequestApi = {
    onSendHeaders: {
      addListener: (callback, filter, extraInfoSpec) => (sent.add(callback), added.push({ filter, extraInfoSpec })),
      removeListener: (callback) => sent.delete(callback),
    },
    onHeadersReceived: {
      addListener: (callback, filter, extraInfoSpec) => (received.add(callback), added.push({ filter, extraInfoSpec })),
      removeListener: (callback) => received.delete(callback),
    },
  };
  return {
    api,
    added,
    listening: () => sent.size + received.size,
    send: (details: SentDetails) => sent.forEach((listener) => listener(details)),
    receive: (details: ReceivedDetails) => received.forEach((listener) => listener(details)),
  };
}

/** A runtime port between the panel and the background script (messages cross as copies, later). */
function portPair() {
  const toBackground = new Set<(message: unknown) => void>();
  const toPanel = new Set<(message: unknown) => void>();
  const backgroundGone = new Set<() => void>();
  const panelGone = new Set<() => void>();
  let open = true;
  const deliver = (listeners: Set<(message: unknown) => void>, message: unknown) =>
    queueMicrotask(() => open && listeners.forEach((listener) => listener(structuredClone(message))));
  return {
    panel: {
      postMessage: (message: CaptureRequest) => deliver(toBackground, message),
      onMessage: { addListener: (callback: (message: unknown) => void) => toPanel.add(callback) },
      onDisconnect: { addListener: (callback: () => void) => panelGone.add(callback) },
    },
    background: {
      postMessage: (message: CaptureEvent) => deliver(toPanel, message),
      onMessage: { addListener: (callback: (message: unknown) => void) => toBackground.add(callback) },
      onDisconnect: { addListener: (callback: () => void) => backgroundGone.add(callback) },
    },
    /** The panel closes: the background sees its port go. */
    closePanel: () => backgroundGone.forEach((listener) => listener()),
    /** Firefox suspends the background script: both ends see the port go. */
    suspendBackground: () => {
      open = false;
      backgroundGone.forEach((listener) => listener());
      panelGone.forEach((listener) => listener());
    },
    sentToBackground: toBackground,
  };
}

/** DevTools' source as the panel wraps it: the test hands it batches. */
function devtoolsSource() {
  let deliver: ((batch: Observation[]) => void) | null = null;
  const source: NetworkSource = {
    readHistory: async () => [],
    readPageUrl: async () => null,
    onObservations: (callback) => ((deliver = callback), () => (deliver = null)),
    onNavigated: () => () => undefined,
  };
  return { source, finish: (...batch: Observation[]) => deliver?.(batch) };
}

function exchange(url: string): Observation {
  return { url, method: 'GET', requestHeaders: [], requestBodyParamNames: null, status: 200, responseHeaders: [], time: 0 };
}

function setUp(options: { granted?: boolean; grantedBefore?: boolean; permission?: boolean } = {}) {
  const webRequest = fakeWebRequest();
  const connections: ReturnType<typeof portPair>[] = [];
  const connect = () => {
    // Each connection wakes the background script, which serves the new port.
    const ports = portPair();
    connections.push(ports);
    serveCapturePort(ports.background, {
      webRequest: () => (options.permission === false ? null : webRequest.api),
      permissions: { contains: async () => options.grantedBefore === true },
    });
    return ports.panel;
  };
  let ids = 0;
  const grant = vi.fn(async (url: string) =>
    options.granted === false ? { granted: false as const } : { granted: true as const, result: new URL(url).hostname },
  );
  const capture = createRelayedCapture({ connect, tabId: 7, grant, newId: () => `id-${ids++}`, batchMilliseconds: 0 });
  captures.push(capture);
  const devtools = devtoolsSource();
  const batches: Observation[][] = [];
  capture.wrap(devtools.source).onObservations((batch) => batches.push(batch));
  return { webRequest, connections, capture, devtools, batches, grant };
}

const captures: { stop(): void }[] = [];
afterEach(() => captures.splice(0).forEach((capture) => capture.stop()));

const settle = () => new Promise((done) => setTimeout(done, 10));

describe('exact capture in Firefox (relayed from the background script)', () => {
  it("builds a granted host's exchanges from webRequest alone, Cookie and Set-Cookie as sent, and leaves out DevTools' for that host", async () => {
    const { webRequest, capture, devtools, batches } = setUp();
    let live = 0;
    capture.onLive(() => live++);
    expect(await capture.start('https://app.test/login')).toEqual({ granted: true, result: 'app.test' });
    await settle();
    expect(live).toBe(0);
    // A login answered with a redirect, which DevTools in Firefox may never report.
    webRequest.send({
      requestId: '11',
      method: 'POST',
      url: 'https://app.test/login',
      timeStamp: 1000,
      requestHeaders: [
        { name: 'Cookie', value: 'sid=old' },
        { name: 'User-Agent', value: 'not kept' },
      ],
    });
    webRequest.receive({
      requestId: '11',
      url: 'https://app.test/login',
      statusCode: 303,
      responseHeaders: [
        { name: 'Location', value: '/profile' },
        { name: 'Set-Cookie', value: 'sid=new; Path=/' },
        { name: 'Set-Cookie', value: 'theme=dark' },
        { name: 'X-Powered-By', value: 'not kept' },
      ],
    });
    webRequest.send({
      requestId: '11',
      method: 'GET',
      url: 'https://app.test/profile',
      timeStamp: 1010,
      requestHeaders: [{ name: 'Cookie', value: 'sid=new' }],
    });
    webRequest.receive({ requestId: '11', url: 'https://app.test/profile', statusCode: 200, responseHeaders: [] });
    devtools.finish(exchange('https://app.test/profile'), exchange('https://cdn.test/app.js'));
    await settle();
    expect(live).toBe(1);
    const observations = batches.flat();
    expect(observations.map((o) => [o.method, o.url, o.status])).toEqual([
      ['GET', 'https://cdn.test/app.js', 200],
      ['POST', 'https://app.test/login', 303],
      ['GET', 'https://app.test/profile', 200],
    ]);
    expect(observations[1]?.requestHeaders).toEqual([{ name: 'Cookie', value: 'sid=old' }]);
    expect(headerValues(observations[1]?.responseHeaders ?? [], 'set-cookie')).toEqual(['sid=new; Path=/', 'theme=dark']);
    expect(observations[1]?.responseHeaders.map((header) => header.name)).toEqual(['Location', 'Set-Cookie', 'Set-Cookie']);
    expect(observations[1]?.time).toBe(1000);
  });

  it('listens only to the inspected tab and the granted hosts, without extraHeaders, and stops when the panel closes', async () => {
    const { webRequest, capture, connections } = setUp();
    expect(webRequest.listening()).toBe(0);
    await capture.start('https://app.test/');
    await settle();
    expect(webRequest.added).toEqual([
      { filter: { urls: ['*://app.test/*'], tabId: 7 }, extraInfoSpec: ['requestHeaders'] },
      { filter: { urls: ['*://app.test/*'], tabId: 7 }, extraInfoSpec: ['responseHeaders'] },
    ]);
    connections[0]?.closePanel();
    expect(webRequest.listening()).toBe(0);
  });

  it('connects again and listens again when Firefox suspends the background script, DevTools standing in meanwhile', async () => {
    const { webRequest, capture, connections, devtools, batches } = setUp();
    await capture.start('https://app.test/');
    await settle();
    connections[0]?.suspendBackground();
    expect(webRequest.listening()).toBe(0);
    // Until the port is back, DevTools' exchange of the host is what the panel has.
    devtools.finish(exchange('https://app.test/while-away'));
    await new Promise((done) => setTimeout(done, 150));
    expect(connections).toHaveLength(2);
    expect(webRequest.listening()).toBe(2);
    webRequest.send({ requestId: '5', method: 'GET', url: 'https://app.test/back', timeStamp: 1, requestHeaders: [{ name: 'Cookie', value: 'sid=1' }] });
    webRequest.receive({ requestId: '5', url: 'https://app.test/back', statusCode: 200, responseHeaders: [] });
    devtools.finish(exchange('https://app.test/back'));
    await settle();
    expect(batches.flat().map((o) => [o.url, o.requestHeaders.length])).toEqual([
      ['https://app.test/while-away', 0],
      ['https://app.test/back', 1],
    ]);
  });

  it('tells the background script it is there every 5 s while capturing, so Firefox does not suspend it', async () => {
    vi.useFakeTimers();
    try {
      const { capture, connections } = setUp();
      const heard: unknown[] = [];
      connections[0]?.sentToBackground.add((message) => heard.push(message));
      await vi.advanceTimersByTimeAsync(12_000);
      expect(heard).toEqual([]);
      await capture.start('https://app.test/');
      heard.length = 0;
      await vi.advanceTimersByTimeAsync(10_500);
      expect(heard).toEqual([{ kind: 'capture-keepalive' }, { kind: 'capture-keepalive' }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps DevTools as the source, asking nothing of the background, when the user refuses', async () => {
    const { webRequest, capture, devtools, batches } = setUp({ granted: false });
    expect(await capture.start('https://app.test/')).toEqual({ granted: false });
    await settle();
    expect(webRequest.listening()).toBe(0);
    devtools.finish(exchange('https://app.test/'));
    await settle();
    expect(batches.flat().map((o) => o.url)).toEqual(['https://app.test/']);
  });

  it('resumes a host granted in an earlier session without asking, and not one never granted', async () => {
    expect(await setUp({ grantedBefore: true }).capture.resume('https://app.test/page')).toBe('app.test');
    const refused = setUp({ grantedBefore: false });
    expect(await refused.capture.resume('https://app.test/page')).toBeNull();
    expect(refused.grant).not.toHaveBeenCalled();
  });

  it("goes back to DevTools' log when the background has no webRequest (the permission was revoked)", async () => {
    const { capture, devtools, batches } = setUp({ permission: false });
    await capture.start('https://app.test/');
    await settle();
    devtools.finish(exchange('https://app.test/'));
    await settle();
    expect(batches.flat().map((o) => o.url)).toEqual(['https://app.test/']);
  });
});
