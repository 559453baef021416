import { describe, expect, it } from 'vitest';
import { createCookieStoreAccess, storedCookie, type BrowserCookie, type CookieApis } from './cookie-store-access.js';
import { createDelegatedCookieStoreAccess } from './delegated-cookie-store.js';
import { STORE_CHANNEL } from './store-messages.js';

const cookie = (shape: Partial<BrowserCookie> = {}): BrowserCookie => ({
  name: 'sid',
  value: 'v',
  domain: 'app.example.com',
  hostOnly: true,
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: 'lax',
  session: true,
  storeId: '0',
  ...shape,
});

function fakeApis(browser: 'chrome' | 'firefox', granted: boolean, jar: BrowserCookie[]) {
  const calls: { getAll: Record<string, unknown>[]; removed: Record<string, unknown>[]; requested: unknown[] } = { getAll: [], removed: [], requested: [] };
  const apis: CookieApis = {
    browser,
    permissions: { request: async (permissions) => (calls.requested.push(permissions), granted) },
    cookies: {
      getAll: async (details) => (calls.getAll.push(details), jar),
      remove: async (details) => calls.removed.push(details),
    },
  };
  return { apis, calls };
}

describe('storedCookie', () => {
  it("maps the store's words to the rubric's reading", () => {
    expect(
      storedCookie(
        cookie({
          domain: '.Example.com',
          hostOnly: false,
          sameSite: 'no_restriction',
          session: false,
          expirationDate: 1_900_000_000.5,
          partitionKey: { topLevelSite: 'https://a.test' },
        }),
      ),
    ).toEqual({
      name: 'sid',
      value: 'v',
      domain: 'example.com',
      hostOnly: false,
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'none',
      expires: 1_900_000_000_500,
      partitioned: true,
    });
    expect(storedCookie(cookie({ sameSite: 'unspecified' })).sameSite).toBe('unspecified');
  });
});

describe('createCookieStoreAccess', () => {
  it('asks for cookies and this host only, then reads every partition', async () => {
    const { apis, calls } = fakeApis('chrome', true, [cookie()]);
    const answer = await createCookieStoreAccess(apis).read('http://127.0.0.1:3000/profile');
    expect(calls.requested).toEqual([{ permissions: ['cookies'], origins: ['*://127.0.0.1/*'] }]);
    expect(calls.getAll).toEqual([{ url: 'http://127.0.0.1:3000/profile', partitionKey: {} }]);
    expect(answer).toMatchObject({ granted: true, result: [{ name: 'sid' }] });
  });

  it('adds firstPartyDomain: null for Firefox only', async () => {
    const { apis, calls } = fakeApis('firefox', true, []);
    await createCookieStoreAccess(apis).read('https://app.example.com/');
    expect(calls.getAll[0]).toEqual({ url: 'https://app.example.com/', partitionKey: {}, firstPartyDomain: null });
  });

  it('touches nothing when the permission is refused', async () => {
    const { apis, calls } = fakeApis('chrome', false, [cookie()]);
    expect(await createCookieStoreAccess(apis).clearSite('https://app.example.com/')).toEqual({ granted: false });
    expect(calls.getAll).toEqual([]);
    expect(calls.removed).toEqual([]);
  });

  it("clears the site's cookies (host and registrable domain) once each", async () => {
    const { apis, calls } = fakeApis('chrome', true, [cookie(), cookie({ name: 'pref', domain: '.example.com', hostOnly: false, secure: false, path: '/a' })]);
    const answer = await createCookieStoreAccess(apis).clearSite('https://app.example.com/');
    expect(calls.getAll.map((details) => details.url ?? details.domain)).toEqual(['https://app.example.com/', 'example.com']);
    expect(calls.removed).toEqual([
      { url: 'https://app.example.com/', name: 'sid', storeId: '0' },
      { url: 'http://example.com/a', name: 'pref', storeId: '0' },
    ]);
    expect(answer).toEqual({ granted: true, result: 2 });
  });
});

describe('createDelegatedCookieStoreAccess (Firefox panels)', () => {
  function delegation() {
    const opened: string[] = [];
    const listeners = new Map<string, (data: unknown) => void>();
    const page = { closed: false };
    const access = createDelegatedCookieStoreAccess({
      open: (path) => (opened.push(path), page),
      // A fake wall of the store channel (STORE_CHANNEL, as panel.tsx gives it).
      wall: {
        send: () => undefined,
        listen: (onMessage) => {
          listeners.set(STORE_CHANNEL, onMessage);
          return () => listeners.delete(STORE_CHANNEL);
        },
      },
      newId: () => 'id-1',
    });
    return { access, opened, listeners, page };
  }

  it("opens the grant page for the inspected URL and takes the page's answer", async () => {
    const { access, opened, listeners } = delegation();
    const answer = access.read('http://127.0.0.1:3000/');
    expect(opened).toEqual(['/extension/grant/grant.html?action=read&url=http%3A%2F%2F127.0.0.1%3A3000%2F&id=id-1']);
    listeners.get(STORE_CHANNEL)?.({ kind: 'store-answer', id: 'other', action: 'read', answer: { granted: false } });
    listeners.get(STORE_CHANNEL)?.({ kind: 'store-answer', id: 'id-1', action: 'read', answer: { granted: true, result: [] } });
    expect(await answer).toEqual({ granted: true, result: [] });
    expect(listeners.size).toBe(0);
  });

  it('counts a grant page closed without an answer as not granted', async () => {
    const { access, page } = delegation();
    const answer = access.clearSite('http://127.0.0.1:3000/');
    page.closed = true;
    expect(await answer).toEqual({ granted: false });
  });

  it("passes the page's error on", async () => {
    const { access, listeners } = delegation();
    const answer = access.read('http://127.0.0.1:3000/');
    listeners.get(STORE_CHANNEL)?.({ kind: 'store-error', id: 'id-1', message: 'no store' });
    await expect(answer).rejects.toThrow('no store');
  });
});
