import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSetCookie } from './parse-set-cookie.js';
import { runs } from '../../test/support/property-runs.js';

describe('parseSetCookie: the name-value pair (RFC 6265bis 5.6 steps 2-6)', () => {
  it('splits the name from the value at the first "="', () => {
    const cookie = parseSetCookie('token=a=b=c; Path=/');
    expect(cookie.name).toBe('token');
    expect(cookie.value).toBe('a=b=c');
  });

  it('trims spaces and tabs around the name and the value, but not inside them', () => {
    const cookie = parseSetCookie(' \tsid \t= a b \t; Secure');
    expect(cookie.name).toBe('sid');
    expect(cookie.value).toBe('a b');
  });

  it('gives an empty name and the whole pair as value when there is no "="', () => {
    const cookie = parseSetCookie('justavalue; Secure');
    expect(cookie.name).toBe('');
    expect(cookie.value).toBe('justavalue');
    expect(cookie.rejection).toBeNull();
  });

  it('keeps an empty value', () => {
    const cookie = parseSetCookie('sid=; Path=/');
    expect(cookie.name).toBe('sid');
    expect(cookie.value).toBe('');
    expect(cookie.rejection).toBeNull();
  });

  it('keeps double quotes as part of the value, as browsers do', () => {
    expect(parseSetCookie('sid="abc def"; Path=/').value).toBe('"abc def"');
  });

  it('rejects a line whose name and value are both empty', () => {
    expect(parseSetCookie('=; Path=/').rejection).toBe('empty-name-and-value');
    expect(parseSetCookie('').rejection).toBe('empty-name-and-value');
  });

  it('rejects a nameless cookie whose value looks like a prefixed name', () => {
    expect(parseSetCookie('=__Host-sid=1; Secure; Path=/').rejection).toBe('nameless-prefixed-value');
    expect(parseSetCookie('__secure-x; Secure').rejection).toBe('nameless-prefixed-value');
  });

  it('rejects a line with a control character, but not one with a tab', () => {
    expect(parseSetCookie('sid=a\u0000b').rejection).toBe('control-character');
    expect(parseSetCookie('sid=ab\r\nSet-Cookie: x=1').rejection).toBe('control-character');
    expect(parseSetCookie('sid=ab\u007f').rejection).toBe('control-character');
    expect(parseSetCookie('sid=a\tb').rejection).toBeNull();
  });

  it('counts an attribute value in UTF-8 bytes for the 1024-byte limit', () => {
    const cookie = parseSetCookie(`a=1; Path=/${'\u00e9'.repeat(512)}`);
    expect(cookie.diagnostics).toEqual([{ kind: 'attribute-oversize', attribute: 'Path', bytes: 1025 }]);
  });
});

describe('parseSetCookie: attributes (RFC 6265bis 5.6 steps 7-8)', () => {
  it('reads every known attribute', () => {
    const cookie = parseSetCookie(
      'sid=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Max-Age=3600; Domain=Example.COM; Path=/app; Secure; HttpOnly; SameSite=Strict; Partitioned; Priority=High',
    );
    expect(cookie).toMatchObject({
      expires: Date.UTC(2037, 9, 21, 7, 28, 0),
      maxAge: 3600,
      domain: 'example.com',
      path: '/app',
      secure: true,
      httpOnly: true,
      sameSite: 'Strict',
      partitioned: true,
      priority: 'High',
    });
    expect(cookie.diagnostics).toEqual([]);
  });

  it('matches attribute names case-insensitively', () => {
    const cookie = parseSetCookie('sid=1; sEcUrE; HTTPONLY; samesite=lax; max-AGE=5; PATH=/');
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', maxAge: 5, path: '/' });
  });

  it('trims whitespace around attribute names and values', () => {
    const cookie = parseSetCookie('sid=1 ;  Max-Age = 60 ;\tSameSite =\tNone\t; Secure ');
    expect(cookie).toMatchObject({ maxAge: 60, sameSite: 'None', secure: true });
  });

  it('ignores empty attributes between semicolons', () => {
    const cookie = parseSetCookie('sid=1;;; ;Secure;');
    expect(cookie.secure).toBe(true);
    expect(cookie.diagnostics).toEqual([]);
  });

  it('lets the last occurrence of an attribute win and reports the overridden one', () => {
    const cookie = parseSetCookie('sid=1; SameSite=None; Path=/a; SameSite=Lax; Path=/b');
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/b');
    expect(cookie.diagnostics).toEqual([
      { kind: 'overridden-attribute', attribute: 'SameSite', text: 'SameSite=None' },
      { kind: 'overridden-attribute', attribute: 'Path', text: 'Path=/a' },
    ]);
  });

  it('treats a flag attribute given twice as set, reporting the duplicate', () => {
    const cookie = parseSetCookie('sid=1; Secure; secure');
    expect(cookie.secure).toBe(true);
    expect(cookie.diagnostics).toEqual([{ kind: 'overridden-attribute', attribute: 'Secure', text: 'Secure' }]);
  });

  it('ignores a flag attribute value: "Secure=false" still sets Secure', () => {
    expect(parseSetCookie('sid=1; Secure=false').secure).toBe(true);
    expect(parseSetCookie('sid=1; HttpOnly=0').httpOnly).toBe(true);
  });

  it('reports unknown attributes and keeps parsing', () => {
    const cookie = parseSetCookie('sid=1; Comment=hello; Version=1; HttpOnly');
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.diagnostics).toEqual([
      { kind: 'unknown-attribute', text: 'Comment=hello' },
      { kind: 'unknown-attribute', text: 'Version=1' },
    ]);
  });

  it('ignores an attribute value longer than 1024 bytes', () => {
    const cookie = parseSetCookie(`sid=1; Path=/${'a'.repeat(1024)}; Secure`);
    expect(cookie.path).toBeNull();
    expect(cookie.secure).toBe(true);
    expect(cookie.diagnostics).toEqual([{ kind: 'attribute-oversize', attribute: 'Path', bytes: 1025 }]);
  });

  it('accepts an attribute value of exactly 1024 bytes', () => {
    expect(parseSetCookie(`sid=1; Path=/${'a'.repeat(1023)}`).path).toHaveLength(1024);
  });
});

describe('parseSetCookie: Max-Age (RFC 6265bis 5.6.2)', () => {
  it('reads positive, zero and negative deltas', () => {
    expect(parseSetCookie('a=1; Max-Age=86400').maxAge).toBe(86400);
    expect(parseSetCookie('a=1; Max-Age=0').maxAge).toBe(0);
    expect(parseSetCookie('a=1; Max-Age=-1').maxAge).toBe(-1);
    expect(parseSetCookie('a=1; Max-Age=-0').maxAge).toBe(0);
  });

  it('reads a leading "+" as the draft does (invalid), as Firefox does, and as 60 in Chromium', () => {
    expect(parseSetCookie('a=1; Max-Age=+60').maxAge).toBeNull();
    expect(parseSetCookie('a=1; Max-Age=+60', 'firefox').maxAge).toBeNull();
    expect(parseSetCookie('a=1; Max-Age=+60', 'chromium').maxAge).toBe(60);
  });

  it.each(['-', '--1', '-+1', '-x'])('expires at once in Firefox for %j, ignored by the draft and Chromium', (text) => {
    expect(parseSetCookie(`a=1; Max-Age=${text}`, 'firefox').maxAge).toBe(0);
    expect(parseSetCookie(`a=1; Max-Age=${text}`, 'chromium').maxAge).toBeNull();
    expect(parseSetCookie(`a=1; Max-Age=${text}`).maxAge).toBeNull();
  });

  it.each(['abc', '+', '+-1', '10s', '1.5', '', '-', ' ', '1e3'])('ignores the invalid Max-Age %j', (text) => {
    const cookie = parseSetCookie(`a=1; Max-Age=${text}`);
    expect(cookie.maxAge).toBeNull();
    expect(cookie.diagnostics[0]?.kind).toBe('invalid-max-age');
  });

  it('keeps the earlier valid Max-Age when a later one is invalid', () => {
    expect(parseSetCookie('a=1; Max-Age=100; Max-Age=abc').maxAge).toBe(100);
  });

  it('keeps huge values finite', () => {
    expect(parseSetCookie(`a=1; Max-Age=${'9'.repeat(400)}`).maxAge).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('parseSetCookie: Expires (RFC 6265bis 5.6.1)', () => {
  it('reads an IMF-fixdate', () => {
    expect(parseSetCookie('a=1; Expires=Thu, 01 Jan 2030 00:00:00 GMT').expires).toBe(Date.UTC(2030, 0, 1));
  });

  it('ignores an unparsable date and reports it', () => {
    const cookie = parseSetCookie('a=1; Expires=tomorrow');
    expect(cookie.expires).toBeNull();
    expect(cookie.diagnostics).toEqual([{ kind: 'invalid-expires', text: 'Expires=tomorrow' }]);
  });

  it('keeps both Expires and Max-Age: the lifetime helper decides that Max-Age wins', () => {
    const cookie = parseSetCookie('a=1; Max-Age=60; Expires=Thu, 01 Jan 2030 00:00:00 GMT');
    expect(cookie.maxAge).toBe(60);
    expect(cookie.expires).toBe(Date.UTC(2030, 0, 1));
  });
});

describe('parseSetCookie: Domain, Path, SameSite (RFC 6265bis 5.6.3, 5.6.4, 5.6.7)', () => {
  it('lower-cases the domain and removes one leading dot', () => {
    expect(parseSetCookie('a=1; Domain=.Example.com').domain).toBe('example.com');
    expect(parseSetCookie('a=1; Domain=..example.com').domain).toBe('.example.com');
  });

  it('ignores an empty Domain', () => {
    const cookie = parseSetCookie('a=1; Domain=');
    expect(cookie.domain).toBeNull();
    expect(cookie.diagnostics[0]?.kind).toBe('empty-domain');
  });

  it('makes the cookie host-only when the last Domain is empty (rubric 1: the current draft and Chromium)', () => {
    const cookie = parseSetCookie('a=1; Domain=example.com; Domain=');
    expect(cookie.domain).toBeNull();
    expect(cookie.diagnostics.map((diagnostic) => diagnostic.kind).sort()).toEqual(['empty-domain', 'overridden-attribute']);
  });

  it('uses the default path for a Path that does not start with "/"', () => {
    const cookie = parseSetCookie('a=1; Path=/x; Path=app');
    expect(cookie.path).toBeNull();
    expect(cookie.diagnostics.map((d) => d.kind)).toEqual(['invalid-path', 'overridden-attribute']);
  });

  it('marks a SameSite value other than Strict, Lax or None as Unrecognized', () => {
    const cookie = parseSetCookie('a=1; SameSite=yes');
    expect(cookie.sameSite).toBe('Unrecognized');
    expect(cookie.diagnostics[0]).toEqual({ kind: 'invalid-samesite', text: 'SameSite=yes' });
  });

  it('lets a later unrecognized SameSite override an earlier valid one, as the RFC appends "Default"', () => {
    expect(parseSetCookie('a=1; SameSite=Strict; SameSite=bogus').sameSite).toBe('Unrecognized');
  });

  it('has no SameSite when the attribute is absent', () => {
    expect(parseSetCookie('a=1').sameSite).toBeNull();
  });
});

describe('parseSetCookie: robustness', () => {
  it('never throws, whatever the input', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (header) => {
        const cookie = parseSetCookie(header);
        expect(typeof cookie.name).toBe('string');
        expect(cookie.raw).toBe(header);
      }),
      runs(2000),
    );
  });

  it('never throws on inputs built from cookie syntax', { timeout: 60_000 }, () => {
    const piece = fc.constantFrom(
      ';',
      '=',
      ' ',
      '\t',
      'Max-Age',
      'Expires',
      'Domain',
      'Path',
      'SameSite',
      'Secure',
      '-',
      '1',
      '/',
      '.',
      'Jan',
      '99',
      ':',
      '__Host-',
      '\u0000',
      '\ud800',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const cookie = parseSetCookie(pieces.join(''));
        expect(Array.isArray(cookie.diagnostics)).toBe(true);
      }),
      runs(2000),
    );
  });

  it('shares one empty diagnostics array between clean results', () => {
    expect(parseSetCookie('a=1').diagnostics).toBe(parseSetCookie('b=2; Secure').diagnostics);
  });
});

describe("parseSetCookie: the browsers' own readings (measured by the differential tests)", () => {
  it('reads a pair without "=" as a nameless value in the draft and Chromium, as a name in Firefox', () => {
    expect(parseSetCookie('justavalue; Secure')).toMatchObject({ name: '', value: 'justavalue', rejection: null });
    expect(parseSetCookie('justavalue; Secure', 'chromium')).toMatchObject({ name: '', value: 'justavalue' });
    expect(parseSetCookie('justavalue; Secure', 'firefox')).toMatchObject({ name: 'justavalue', value: '', secure: true, rejection: null });
  });

  it('lets Firefox keep a "nameless" __Host- pair, which it reads as the name', () => {
    expect(parseSetCookie('__Host-sid; Secure; Path=/').rejection).toBe('nameless-prefixed-value');
    expect(parseSetCookie('__Host-sid; Secure; Path=/', 'firefox')).toMatchObject({ name: '__Host-sid', rejection: null });
  });

  it('drops `=value` in Firefox only', () => {
    expect(parseSetCookie('=onlyvalue').rejection).toBeNull();
    expect(parseSetCookie('=onlyvalue', 'chromium').rejection).toBeNull();
    expect(parseSetCookie('=onlyvalue', 'firefox').rejection).toBe('nameless-with-equals');
    expect(parseSetCookie('=', 'firefox').rejection).toBe('empty-name-and-value');
  });

  it('drops a tab inside the name or value in Chromium only (around them it is trimmed)', () => {
    for (const line of ['tabv=a\tb', 'ta\tb=v']) {
      expect(parseSetCookie(line).rejection).toBeNull();
      expect(parseSetCookie(line, 'firefox').rejection).toBeNull();
      expect(parseSetCookie(line, 'chromium').rejection).toBe('tab-in-name-or-value');
    }
    expect(parseSetCookie('\ttabbed\t=\tv\t', 'chromium').rejection).toBeNull();
  });

  it('reads Expires before 1601 as long past in both browsers, as invalid in the draft', () => {
    const line = 'c=v; Expires=Sat, 01 Jan 1600 00:00:00 GMT';
    expect(parseSetCookie(line).expires).toBeNull();
    expect(parseSetCookie(line, 'chromium').expires).toBe(Date.UTC(1601, 0, 1));
    expect(parseSetCookie(line, 'firefox').expires).toBe(Date.UTC(1601, 0, 1));
  });

  it('reads a five-digit year in both browsers', () => {
    const line = 'c=v; Expires=Sat, 01 Jan 10000 00:00:00 GMT';
    expect(parseSetCookie(line).expires).toBeNull();
    expect(parseSetCookie(line, 'chromium').expires).toBe(Date.UTC(10000, 0, 1));
    expect(parseSetCookie(line, 'firefox').expires).toBe(Date.UTC(10000, 0, 1));
  });

  it.each([
    ['Mon, 30 Feb 2032 12:00:00 GMT', Date.UTC(2032, 2, 1, 12)],
    ['Wed, 21 Oct 2037 24:00:00 GMT', Date.UTC(2037, 9, 22)],
    ['Wed, 21 Oct 2037', Date.UTC(2037, 9, 21)],
    ['Wed, 00 Oct 2037 07:28:00 GMT', Date.UTC(2037, 8, 30, 7, 28)],
  ])('lets Firefox roll over %j, which the draft and Chromium ignore', (date, expected) => {
    expect(parseSetCookie(`c=v; Expires=${date}`).expires).toBeNull();
    expect(parseSetCookie(`c=v; Expires=${date}`, 'chromium').expires).toBeNull();
    expect(parseSetCookie(`c=v; Expires=${date}`, 'firefox').expires).toBe(expected);
  });

  it('still refuses day 32 and a date with no year in Firefox', () => {
    expect(parseSetCookie('c=v; Expires=Wed, 32 Oct 2037 07:28:00 GMT', 'firefox').expires).toBeNull();
    expect(parseSetCookie('c=v; Expires=Wed, 21 Oct 07:28:00 GMT', 'firefox').expires).toBeNull();
  });
});
