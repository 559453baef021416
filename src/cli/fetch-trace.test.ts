import { describe, expect, it } from 'vitest';
import { userHeadersGo } from './fetch-trace.js';

describe('userHeadersGo: where -H headers follow a redirect', () => {
  const givenFor = new URL('https://app.test/login').origin;

  it('goes to the same origin', () => {
    expect(userHeadersGo(givenFor, new URL('https://app.test/account'))).toBe(true);
    expect(userHeadersGo(givenFor, new URL('https://APP.test:443/'))).toBe(true);
  });

  it('never follows https -> http on the same host (the same host name and default port), nor another port or host', () => {
    const plain = new URL('http://app.test/');
    expect(plain.host).toBe(new URL(givenFor).host);
    expect(userHeadersGo(givenFor, plain)).toBe(false);
    expect(userHeadersGo(givenFor, new URL('https://app.test:8443/'))).toBe(false);
    expect(userHeadersGo(givenFor, new URL('https://sso.app.test/'))).toBe(false);
  });
});
