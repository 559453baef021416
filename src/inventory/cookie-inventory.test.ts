import { describe, expect, it } from 'vitest';
import { exchange } from '../../test/support/trace-builder.js';
import { STRONG_ID } from '../../test/support/rule-harness.js';
import type { StoredCookie } from '../observation/readings.js';
import { buildCookieInventory } from './cookie-inventory.js';

const OTHER_ID = 'pR7vN2kZ_x9Lq4Ws-8mYb3Tc6Hd1Jf0G';
const stored = (shape: Partial<StoredCookie> = {}): StoredCookie => ({
  name: 'sid',
  value: STRONG_ID,
  domain: 'app.example.com',
  hostOnly: true,
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: 'lax',
  expires: null,
  partitioned: false,
  ...shape,
});

describe('buildCookieInventory', () => {
  it('lists a cookie seen only in requests by its name and the request host, path unknown', () => {
    const inventory = buildCookieInventory([exchange('GET', 'https://app.example.com/a', { cookie: `sid=${STRONG_ID}` })]);
    expect(inventory.records).toHaveLength(1);
    expect(inventory.records[0]).toMatchObject({
      identity: { name: 'sid', domain: 'app.example.com', path: null },
      seenAs: ['sent'],
      setOutsideTrace: true,
      ids: [STRONG_ID],
    });
  });

  it('gives a send to the cookie a Set-Cookie placed there, whichever came first', () => {
    const inventory = buildCookieInventory([
      exchange('GET', 'https://app.example.com/', { cookie: `sid=${STRONG_ID}` }),
      exchange('POST', 'https://app.example.com/login', { setCookie: [`sid=${OTHER_ID}; Path=/`] }),
      exchange('GET', 'https://app.example.com/profile', { cookie: `sid=${OTHER_ID}` }),
    ]);
    expect(inventory.records).toHaveLength(1);
    const [record] = inventory.records;
    expect(record?.seenAs).toEqual(['set', 'sent']);
    expect(record?.sent.map((sending) => sending.index)).toEqual([0, 2]);
    expect(record?.setOutsideTrace).toBe(true);
    expect(record?.ids).toEqual([OTHER_ID, STRONG_ID]);
  });

  it("counts once the send of a request whose response is the cookie's first Set-Cookie", () => {
    // The Set-Cookie places the name's earlier sends again, before its own request's are placed.
    const inventory = buildCookieInventory([
      exchange('GET', 'https://app.example.com/', { cookie: `sid=${STRONG_ID}` }),
      exchange('GET', 'https://app.example.com/again', { cookie: `sid=${STRONG_ID}`, setCookie: [`sid=${STRONG_ID}; Path=/`] }),
      exchange('GET', 'https://app.example.com/later', { cookie: `sid=${STRONG_ID}` }),
    ]);
    expect(inventory.records).toHaveLength(1);
    expect(inventory.records[0]?.sent.map((sending) => sending.index)).toEqual([0, 1, 2]);
  });

  it('sends to the longest matching path; a Domain cookie takes sends from subdomains', () => {
    const inventory = buildCookieInventory([
      exchange('GET', 'https://example.com/', { setCookie: ['a=1; Path=/', 'a=2; Path=/admin', 'b=3; Domain=example.com'] }),
      exchange('GET', 'https://example.com/admin/x', { cookie: 'a=2; a=1' }),
      exchange('GET', 'https://api.example.com/', { cookie: 'b=3' }),
    ]);
    const byPath = (path: string) => inventory.records.find((record) => record.identity.name === 'a' && record.identity.path === path);
    expect(byPath('/admin')?.sent).toHaveLength(1);
    expect(byPath('/')?.sent).toHaveLength(0);
    expect(inventory.records.find((record) => record.identity.name === 'b')?.seenAs).toEqual(['set', 'sent']);
  });

  it("never counts a deletion's value as an id, and keeps it among the values to mask", () => {
    const inventory = buildCookieInventory([
      exchange('GET', 'https://app.example.com/', { setCookie: [`sid=${STRONG_ID}; Path=/`] }),
      exchange('POST', 'https://app.example.com/logout', { setCookie: ['sid=deleted-deleted; Path=/; Max-Age=0'] }),
    ]);
    expect(inventory.records[0]?.ids).toEqual([STRONG_ID]);
    expect(inventory.values.has('deleted-deleted')).toBe(true);
  });

  it('joins store readings to the record of the same cookie, and places sends on them', () => {
    const inventory = buildCookieInventory(
      [exchange('GET', 'https://app.example.com/', { cookie: `sid=${STRONG_ID}` })],
      [{ kind: 'store', url: 'https://app.example.com/', time: Date.UTC(2030, 0, 1), cookies: [stored()] }],
    );
    expect(inventory.records).toHaveLength(1);
    expect(inventory.records[0]?.seenAs).toEqual(['sent', 'store']);
    expect(inventory.records[0]?.identity.path).toBe('/');
  });

  it('records what script could read on the cookie it belongs to', () => {
    const inventory = buildCookieInventory(
      [exchange('GET', 'https://app.example.com/', { cookie: `sid=${STRONG_ID}` })],
      [
        {
          kind: 'script',
          url: 'https://app.example.com/',
          time: Date.UTC(2030, 0, 1),
          cookies: [
            { name: 'sid', value: STRONG_ID },
            { name: 'theme', value: 'dark' },
          ],
        },
      ],
    );
    const names = inventory.records.map((record) => [record.identity.name, record.seenAs]);
    expect(names).toEqual([
      ['sid', ['sent', 'script']],
      ['theme', ['script']],
    ]);
  });

  it('keeps a cookie named __proto__ or constructor as just a name', () => {
    const inventory = buildCookieInventory([exchange('GET', 'https://app.example.com/', { cookie: '__proto__=aaaaaaaaaa; constructor=bbbbbbbbbb' })]);
    expect(inventory.records.map((record) => record.identity.name)).toEqual(['__proto__', 'constructor']);
  });
});
