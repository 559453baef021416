import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STRONG_ID, explain } from '../../test/support/rule-harness.js';
import { containsEmailAddress, describeCarriedData, valueCarriesData } from './value-carries-data.js';

const b64url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** Every cookie value in the fixture made by Debian's python3-flask and python3-django. */
function signedCookieFixtures(): string[] {
  const text = readFileSync(new URL('../../test/fixtures/signed-cookies/python.json', import.meta.url), 'utf8');
  return [...text.matchAll(/"value": "([^"]+)"/g)].map((match) => match[1] as string);
}

describe('value-carries-data', () => {
  it('fires for base64 JSON, as cookie-session writes it', () => {
    expect(describeCarriedData(btoa('{"userId":42}'))).toBe('a JSON object');
  });
  it('fires for URL-encoded JSON', () => {
    expect(describeCarriedData(encodeURIComponent('[1,2]'))).toBe('a JSON array');
  });
  it('fires for a JWS', () => {
    const jws = `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url('{"sub":"1"}')}.c2ln`;
    expect(describeCarriedData(jws)).toMatch(/JWS/);
  });
  it('fires for a Flask-style signed session (payload.timestamp.signature)', () => {
    expect(describeCarriedData(`${b64url('{"user":"bob"}')}.Zr3Xlg.abc`)).toBe('a JSON object');
  });
  it('fires for an e-mail address and never repeats it', () => {
    const message = explain(valueCarriesData, `sid=${encodeURIComponent('bob@example.com|1700000000')}`);
    expect(message).toMatch(/e-mail/);
    expect(message).not.toContain('bob');
  });
  it('inflates the zlib-compressed payloads of real Flask and Django cookies', () => {
    const compressed = signedCookieFixtures().filter((value) => value.startsWith('.'));
    expect(compressed.length).toBeGreaterThanOrEqual(3);
    for (const value of compressed) expect(describeCarriedData(value), value.slice(0, 12)).toBe('a zlib-compressed JSON object');
  });
  it('does not fire for a "." value whose payload is not zlib data', () => {
    expect(describeCarriedData('.bm90IHpsaWI.Zr3Xlg.abc')).toBeNull();
    expect(describeCarriedData(`.${Buffer.from([0x78, 0x9c, 1, 2, 3]).toString('base64url')}:1xYMBk:abc`)).toBeNull();
  });
  it('does not fire for a JWE', () => {
    const jwe = `${b64url('{"alg":"dir","enc":"A256GCM"}')}..${b64url('iv-iv-iv')}.${b64url('cipher')}.${b64url('tag')}`;
    expect(describeCarriedData(jwe)).toBeNull();
  });
  it("does not fire for Laravel's encrypted envelope", () => {
    expect(describeCarriedData(btoa('{"iv":"a","value":"b","mac":"c","tag":""}'))).toBeNull();
  });
  it('does not fire for an opaque id', () => {
    expect(explain(valueCarriesData, `connect.sid=s%3A${STRONG_ID}.sig`)).toBeNull();
  });
});

describe('containsEmailAddress', () => {
  it.each(['a@example.com', 'x|first.last+tag@mail.example.co.uk|y'])('finds one in %j', (text) => {
    expect(containsEmailAddress(text)).toBe(true);
  });
  it.each(['@example.com', 'a@b', 'a@example.c', 'no at sign', 'a@@example.com'])('finds none in %j', (text) => {
    expect(containsEmailAddress(text)).toBe(false);
  });

  it('reads segments separated by ":" (Django) and "--" (Rails) too', () => {
    const json = Buffer.from(JSON.stringify({ user_id: 42 })).toString('base64url');
    expect(describeCarriedData(`${json}:1xYMBk:Emyl9e71EgjBA-WcW6zPl0HQTF-yr1nrt0NoAQNogbQ`)).toBe('a JSON object');
    expect(describeCarriedData(`${Buffer.from('{"session_id":"x"}').toString('base64')}--c2lnbmF0dXJl--aXY=`)).toBe('a JSON object');
    expect(describeCarriedData('d8f7c1a2:1xYMBk:Emyl9e71EgjBA')).toBeNull();
  });
});
