import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/observation/observation.js';
import { createExactCapture, type ExactCaptureApis, type WebRequestApi } from './exact-capture.js';

type Listener = (details: never) => void;

/** A webRequest API that records its listeners and fires them on demand. */
function fakeWebRequest() {
  const listeners = { send: new Map<Listener, unknown>(), receive: new Map<Listener, unknown>() };
  const event = (kind: 'send' | 'receive') => ({
    addListener: (callback: Listener, filter: unknown, spec?: string[]) => listeners[kind].set(callback, { filter, spec }),
    removeListener: (callback: Listener) => listeners[kind].delete(callback),
  });
  const api = { onSendHeaders: event('send'), onHeadersReceived: event('receive') } as unknown as WebRequestApi;
  const fire = (kind: 'send' | 'receive', details: unknown) => {
    for (const callback of listeners[kind].keys()) callback(details as never);
  };
  return { api, listeners, fire };
}

function apisWith(granted: boolean, webRequest: WebRequestApi | null, asked: unknown[] = []): ExactCaptureApis {
  return {
    permissions: {
      request: async (permissions) => {
        asked.push(permissions);
        return granted;
      },
      contains: async () => granted,
    },
    webRequest: () => webRequest,
    tabId: 42,
  };
}

const T0 = Date.UTC(2026, 11, 6, 12);
const login: Observation = {
  url: 'https://app.test/login',
  method: 'POST',
  requestHeaders: [],
  requestBodyParamNames: ['password'],
  status: 303,
  responseHeaders: [],
  time: T0,
};

describe('createExactCapture', () => {
  it('asks for webRequest and the inspected host only, then captures that tab with the headers Chromium hides without extraHeaders', async () => {
    const { api, listeners, fire } = fakeWebRequest();
    const asked: unknown[] = [];
    const capture = createExactCapture(apisWith(true, api, asked));
    expect(capture.joinerFor('https://app.test/')).toBeNull();
    expect(await capture.start('https://app.test/profile')).toEqual({ granted: true, result: 'app.test' });
    expect(asked).toEqual([{ permissions: ['webRequest'], origins: ['*://app.test/*'] }]);
    expect([...listeners.send.values()]).toEqual([{ filter: { urls: ['<all_urls>'], tabId: 42 }, spec: ['requestHeaders', 'extraHeaders'] }]);
    expect([...listeners.receive.values()]).toEqual([{ filter: { urls: ['<all_urls>'], tabId: 42 }, spec: ['responseHeaders', 'extraHeaders'] }]);

    // Live from the browser's first event only (Chromium sends none after a grant at run time until the extension restarts).
    let live = false;
    capture.onLive(() => (live = true));
    expect([live, capture.joinerFor(login.url)]).toEqual([false, null]);
    fire('send', { requestId: '9', method: 'POST', url: login.url, timeStamp: T0 + 3, requestHeaders: [{ name: 'Cookie', value: 'sid=old' }] });
    expect(live).toBe(true);
    fire('receive', { requestId: '9', responseHeaders: [{ name: 'set-cookie', value: 'sid=new; Path=/' }] });
    const joined = capture.joinerFor(login.url)?.join(login);
    expect(joined?.requestHeaders).toEqual([{ name: 'Cookie', value: 'sid=old' }]);
    expect(joined?.responseHeaders).toEqual([{ name: 'Set-Cookie', value: 'sid=new; Path=/' }]);
    expect(capture.joinerFor('https://other.test/')).toBeNull();

    capture.stop();
    expect(listeners.send.size + listeners.receive.size).toBe(0);
  });

  it('captures nothing when the user refuses, and says so', async () => {
    const { api, listeners } = fakeWebRequest();
    const capture = createExactCapture(apisWith(false, api));
    expect(await capture.start('https://app.test/')).toEqual({ granted: false });
    expect(listeners.send.size).toBe(0);
    expect(capture.joinerFor('https://app.test/')).toBeNull();
  });

  it('resumes without asking for a host granted before, and not for one never granted', async () => {
    const { api } = fakeWebRequest();
    expect(await createExactCapture(apisWith(true, api)).resume('https://app.test/')).toBe('app.test');
    expect(await createExactCapture(apisWith(false, api)).resume('https://app.test/')).toBeNull();
  });

  it('throws a sentence when the browser grants but gives no webRequest API', async () => {
    await expect(createExactCapture(apisWith(true, null)).start('https://app.test/')).rejects.toThrow(/no webRequest API/);
  });
});
