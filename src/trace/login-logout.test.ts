import { describe, expect, it } from 'vitest';
import { exchange } from '../../test/support/trace-builder.js';
import { isLoginRequest, isLogoutRequest, isSuccessfulLogin } from './login-logout.js';

const post = (path: string) => exchange('POST', `https://app.example.com${path}`);

describe('login and logout requests (rubric section 5: by whole path segment)', () => {
  it.each(['/login', '/login.php', '/users/sign_in', '/api/auth/callback', '/sessions/new', '/signin-oidc', '/log-in', '/authenticate'])(
    '%s is a login',
    (path) => {
      expect(isLoginRequest(post(path))).toBe(true);
    },
  );

  it.each(['/authors', '/authorize', '/blog/loginsights', '/sessionize', '/'])('%s is not a login', (path) => {
    expect(isLoginRequest(post(path))).toBe(false);
  });

  it('takes a POST with a password field anywhere as a login, and no GET', () => {
    expect(isLoginRequest({ ...post('/account'), requestBodyParamNames: ['user', 'passwd'] })).toBe(true);
    expect(isLoginRequest(exchange('GET', 'https://app.example.com/login'))).toBe(false);
  });

  it.each(['/logout', '/logout.php', '/logout-clear', '/users/sign_out', '/auth/logoff'])('%s is a logout', (path) => {
    expect(isLogoutRequest(exchange('GET', `https://app.example.com${path}`))).toBe(true);
  });

  it.each(['/logouts-archive', '/signoutside'])('%s is not a logout', (path) => {
    expect(isLogoutRequest(exchange('GET', `https://app.example.com${path}`))).toBe(false);
  });

  it('counts a login as successful unless its response, after redirects, is a 4xx or 5xx', () => {
    const ok = [exchange('POST', 'https://app.example.com/login', { location: '/home', status: 303 }), exchange('GET', 'https://app.example.com/home')];
    expect(isSuccessfulLogin(ok, 0)).toBe(true);
    for (const status of [401, 422, 500]) expect(isSuccessfulLogin([exchange('POST', 'https://app.example.com/login', { status })], 0)).toBe(false);
    const failedAfterRedirect = [
      exchange('POST', 'https://app.example.com/login', { location: '/error', status: 302 }),
      exchange('GET', 'https://app.example.com/error', { status: 403 }),
    ];
    expect(isSuccessfulLogin(failedAfterRedirect, 0)).toBe(false);
  });
});
