import { describe, expect, it } from 'vitest';
import { isDropped, storedCookie } from './stored-cookie.js';

const NOW = Date.UTC(2026, 11, 1, 12);
const URL = 'https://app.example.com/account/settings';

describe('storedCookie', () => {
  it('gives the cookie each browser stores, with the default path and the 400-day cap', () => {
    for (const browser of ['chromium', 'firefox', 'rfc'] as const) {
      expect(storedCookie('sid=abc; Secure; HttpOnly; SameSite=Lax; Max-Age=99999999', { url: URL, browser, now: NOW })).toEqual({
        name: 'sid',
        value: 'abc',
        domain: 'app.example.com',
        hostOnly: true,
        path: '/account',
        secure: true,
        httpOnly: true,
        sameSite: 'lax',
        expires: NOW + 400 * 24 * 3600 * 1000,
        partitioned: false,
      });
    }
  });

  it('keeps a Domain cookie for the parent domain, without the leading dot', () => {
    expect(storedCookie('sid=abc; Domain=.Example.com', { url: URL, browser: 'chromium', now: NOW })).toMatchObject({ domain: 'example.com', hostOnly: false });
  });

  it('says why a browser stores nothing', () => {
    expect(storedCookie('sid=abc; Secure', { url: 'http://app.example.com/', browser: 'chromium', now: NOW })).toMatchObject({
      dropped: 'rejected-secure-from-insecure',
    });
    expect(storedCookie('__Host-sid=abc; Secure', { url: URL, browser: 'firefox', now: NOW })).toMatchObject({ dropped: 'rejected-prefix' });
    expect(storedCookie('sid=abc; Domain=co.uk', { url: 'https://a.co.uk/', browser: 'chromium', now: NOW })).toMatchObject({ dropped: 'rejected-domain' });
    expect(storedCookie('sid=abc; SameSite=None', { url: URL, browser: 'firefox', now: NOW })).toMatchObject({ dropped: 'rejected-samesite-none-insecure' });
    expect(storedCookie(`sid=${'a'.repeat(4094)}`, { url: URL, browser: 'chromium', now: NOW })).toMatchObject({ dropped: 'rejected-oversize' });
    expect(storedCookie('sid=abc; Max-Age=0', { url: URL, browser: 'chromium', now: NOW })).toMatchObject({ dropped: 'expired' });
  });

  it('follows each browser where it departs from the draft', () => {
    expect(storedCookie('tab=a\tb', { url: URL, browser: 'chromium', now: NOW })).toMatchObject({ dropped: 'tab-in-name-or-value' });
    expect(storedCookie('tab=a\tb', { url: URL, browser: 'firefox', now: NOW })).toMatchObject({ value: 'a\tb' });
    expect(storedCookie('=v', { url: URL, browser: 'firefox', now: NOW })).toMatchObject({ dropped: 'nameless-with-equals' });
    expect(storedCookie('=v', { url: URL, browser: 'chromium', now: NOW })).toMatchObject({ name: '', value: 'v' });
    expect(storedCookie('__Host-sid; Secure; Path=/', { url: URL, browser: 'firefox', now: NOW })).toMatchObject({ name: '__Host-sid', value: '' });
    expect(storedCookie('__Host-sid; Secure; Path=/', { url: URL, browser: 'chromium', now: NOW })).toMatchObject({ dropped: 'nameless-prefixed-value' });
    expect(storedCookie('c=v; Max-Age=+60', { url: URL, browser: 'chromium', now: NOW })).toMatchObject({ expires: NOW + 60_000 });
    expect(storedCookie('c=v; Max-Age=+60', { url: URL, browser: 'firefox', now: NOW })).toMatchObject({ expires: null });
  });

  it('explains each drop without the cookie value', () => {
    const dropped = storedCookie('sid=SECRETVALUE; Secure', { url: 'http://app.example.com/', browser: 'chromium', now: NOW });
    expect(isDropped(dropped) && dropped.explanation).toBeTruthy();
    expect(JSON.stringify(dropped)).not.toContain('SECRETVALUE');
  });

  it('tells a dropped cookie from a stored one with isDropped()', () => {
    expect(isDropped(storedCookie('sid=abc; Secure', { url: 'http://app.example.com/', browser: 'chromium', now: NOW }))).toBe(true);
    expect(isDropped(storedCookie('sid=abc; Secure', { url: URL, browser: 'chromium', now: NOW }))).toBe(false);
    // A stored cookie never has a `dropped` key, even one set to undefined.
    expect(storedCookie('sid=abc', { url: URL, browser: 'firefox', now: NOW })).not.toHaveProperty('dropped');
  });
});
