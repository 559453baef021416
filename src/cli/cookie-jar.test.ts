import { describe, expect, it } from 'vitest';
import { responseContext } from '../core/response-context.js';
import { observationWith } from '../../test/support/rule-harness.js';
import { CookieJar } from './cookie-jar.js';

const NOW = Date.UTC(2026, 11, 1, 12);

function jarWith(url: string, lines: readonly string[], jar = new CookieJar()): CookieJar {
  jar.store(lines, responseContext({ ...observationWith(lines, { url }), time: NOW }));
  return jar;
}

describe('CookieJar (RFC 6265bis 5.7 and 5.8.3)', () => {
  it('sends longer paths first, then the earlier created (5.8.3)', () => {
    const jar = jarWith('https://app.example.com/a/b/page', ['first=1; Path=/', 'deep=2; Path=/a/b', 'mid=3; Path=/a', 'second=4; Path=/']);
    expect(jar.cookieHeaderFor('https://app.example.com/a/b/c', NOW)).toBe('deep=2; mid=3; first=1; second=4');
  });

  it('keeps the creation time of a cookie it replaces', () => {
    const jar = jarWith('https://app.example.com/', ['a=1; Path=/', 'b=2; Path=/']);
    jarWith('https://app.example.com/', ['a=3; Path=/'], jar);
    expect(jar.cookieHeaderFor('https://app.example.com/', NOW)).toBe('a=3; b=2');
  });

  it('refuses what browsers refuse: public suffixes, prefixes, SameSite=None without Secure, 4096 bytes', () => {
    const jar = jarWith('https://shop.github.io/', [
      'psl=1; Domain=github.io',
      '__Host-x=1; Secure; Path=/; Domain=shop.github.io',
      '__Secure-y=1',
      'none=1; SameSite=None',
      `big=${'v'.repeat(4094)}`,
      'ok=1; Secure; SameSite=None',
    ]);
    expect(jar.cookieHeaderFor('https://shop.github.io/', NOW)).toBe('ok=1');
  });

  it('does not let an insecure origin shadow a Secure cookie (5.7, leave secure cookies alone)', () => {
    const jar = jarWith('https://app.example.com/', ['sid=secure; Secure; Path=/']);
    jarWith('http://app.example.com/', ['sid=plain; Path=/'], jar);
    expect(jar.cookieHeaderFor('https://app.example.com/', NOW)).toBe('sid=secure');
  });

  it('deletes on an expired line and evicts cookies that expired since', () => {
    const jar = jarWith('https://app.example.com/', ['a=1; Max-Age=60', 'b=2']);
    jarWith('https://app.example.com/', ['b=; Max-Age=0'], jar);
    expect(jar.cookieHeaderFor('https://app.example.com/', NOW)).toBe('a=1');
    expect(jar.cookieHeaderFor('https://app.example.com/', NOW + 61_000)).toBeNull();
  });

  it('hides HttpOnly cookies from script and lets script neither set nor replace them', () => {
    const jar = jarWith('https://app.example.com/', ['sid=1; HttpOnly', 'pref=dark']);
    jar.store(['sid=forged', 'js=1; HttpOnly'], responseContext({ ...observationWith([], { url: 'https://app.example.com/' }), time: NOW }), 'script');
    expect(jar.cookiesFor('https://app.example.com/', NOW, 'script').map((cookie) => cookie.name)).toEqual(['pref']);
    expect(jar.cookieHeaderFor('https://app.example.com/', NOW)).toBe('sid=1; pref=dark');
  });

  it('reads lines as the browser it is told to', () => {
    expect(jarWith('https://app.example.com/', ['tab=a\tb'], new CookieJar('chromium')).cookieHeaderFor('https://app.example.com/', NOW)).toBeNull();
    expect(jarWith('https://app.example.com/', ['bare'], new CookieJar('firefox')).cookieHeaderFor('https://app.example.com/', NOW)).toBe('bare=');
  });

  it('hands out what it holds, and takes a cookie put in as it is (a replay, a planted value)', () => {
    const jar = jarWith('https://app.example.com/', ['sid=real; Path=/; Secure; HttpOnly', 'theme=dark; Path=/']);
    const [sid] = jar.all();
    expect(jar.all().map((cookie) => cookie.name)).toEqual(['sid', 'theme']);
    const other = new CookieJar();
    other.put({ ...(sid as NonNullable<typeof sid>), value: 'planted' });
    expect(other.cookieHeaderFor('https://app.example.com/', NOW)).toBe('sid=planted');
    other.put({ ...(sid as NonNullable<typeof sid>), value: 'again' });
    expect(other.all().map((cookie) => cookie.value)).toEqual(['again']);
  });
});
