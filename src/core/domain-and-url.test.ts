import { describe, expect, it } from 'vitest';
import { cookieLifetimeSeconds, isDeletion } from './cookie-lifetime.js';
import { domainMatches, isPublicSuffix } from './domain-match.js';
import { parseSetCookie } from './parse-set-cookie.js';
import { isTrustworthyUrl } from './trustworthy-url.js';

describe('isTrustworthyUrl', () => {
  it.each(['https://example.com/', 'http://localhost:3000/', 'http://app.localhost/', 'http://127.0.0.1/', 'http://127.9.9.9:80/x', 'http://[::1]:3000/'])(
    'trusts %s',
    (url) => expect(isTrustworthyUrl(url)).toBe(true),
  );
  it.each(['http://example.com/', 'http://sessions.test/', 'http://10.0.0.1/', 'not a url', 'http://localhost.example.com/'])('does not trust %s', (url) =>
    expect(isTrustworthyUrl(url)).toBe(false),
  );
});

describe('domainMatches and isPublicSuffix', () => {
  it('matches the host itself and its parents, never a sibling', () => {
    expect(domainMatches('app.example.com', 'app.example.com')).toBe(true);
    expect(domainMatches('app.example.com', 'example.com')).toBe(true);
    expect(domainMatches('app.example.com', 'other.com')).toBe(false);
    expect(domainMatches('badexample.com', 'example.com')).toBe(false);
    expect(domainMatches('10.0.0.1', '0.0.1')).toBe(false);
  });

  it('knows ICANN and private public suffixes', () => {
    expect(isPublicSuffix('com')).toBe(true);
    expect(isPublicSuffix('co.uk')).toBe(true);
    expect(isPublicSuffix('github.io')).toBe(true);
    expect(isPublicSuffix('example.com')).toBe(false);
  });
});

describe('cookieLifetimeSeconds and isDeletion', () => {
  const now = Date.UTC(2026, 0, 1);

  it('prefers Max-Age over Expires', () => {
    const cookie = parseSetCookie('a=1; Expires=Thu, 01 Jan 2099 00:00:00 GMT; Max-Age=60');
    expect(cookieLifetimeSeconds(cookie, now)).toBe(60);
  });

  it('counts Expires from the response time', () => {
    const cookie = parseSetCookie('a=1; Expires=Thu, 01 Jan 2026 01:00:00 GMT');
    expect(cookieLifetimeSeconds(cookie, now)).toBe(3600);
  });

  it('has no lifetime for a browser-session cookie', () => {
    expect(cookieLifetimeSeconds(parseSetCookie('a=1'), now)).toBeNull();
  });

  it('treats Max-Age=0, a negative Max-Age and a past Expires as deletions', () => {
    expect(isDeletion(parseSetCookie('a=; Max-Age=0'), now)).toBe(true);
    expect(isDeletion(parseSetCookie('a=; Max-Age=-5'), now)).toBe(true);
    expect(isDeletion(parseSetCookie('a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT'), now)).toBe(true);
    expect(isDeletion(parseSetCookie('a=; Expires=Thu, 01 Jan 2026 00:00:00 GMT'), now)).toBe(true);
  });

  it('lets a positive Max-Age win over a past Expires', () => {
    expect(isDeletion(parseSetCookie('a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=10'), now)).toBe(false);
  });
});
