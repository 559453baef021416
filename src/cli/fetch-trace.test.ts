import { describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenHttp } from '../../test/support/listen.js';
import { storedCookie } from '../../test/support/trace-builder.js';
import { HttpSession, userHeadersGo } from './fetch-trace.js';

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

describe('HttpSession going on from another (--active)', () => {
  it('sends the cookies it starts with, and -H headers only to the origin the first session gave them for', async () => {
    const seen: { host: string; cookie: string | undefined; token: string | undefined }[] = [];
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      seen.push({ host: req.headers.host ?? '', cookie: req.headers.cookie, token: req.headers['x-token'] as string | undefined });
      res.end('ok');
    };
    const own = await listenHttp(handler);
    const other = await listenHttp(handler);
    try {
      const options = { method: 'GET', headers: [{ name: 'X-Token', value: 't0ken' }], insecure: false, timeoutMs: 5000, maxRedirects: 10 };
      const first = new HttpSession(options);
      await first.navigate('GET', `${own.origin}/`);
      const cookie = storedCookie('sid', 'old');
      // Cookies do not tell ports apart: both servers get it; the -H header goes to the first one's origin only.
      const next = new HttpSession(options, { headersOrigin: first.headersOrigin, cookies: [cookie] });
      await next.navigate('GET', `${other.origin}/probe`);
      await next.navigate('GET', `${own.origin}/probe`);
      expect(seen.map(({ cookie: sent, token }) => [sent, token])).toEqual([
        [undefined, 't0ken'],
        ['sid=old', undefined],
        ['sid=old', 't0ken'],
      ]);
    } finally {
      await own.close();
      await other.close();
    }
  });
});
