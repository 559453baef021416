import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { rejectedByBrowser } from './rejected-by-browser.js';

describe('rejected-by-browser', () => {
  it('names Chromium for a tab inside the value', () => {
    expect(explain(rejectedByBrowser, 'sid=a\tb; Secure; HttpOnly; Path=/')).toMatch(/^Chromium drops this line: .*tab/);
  });

  it('names Firefox for `=value` and for Max-Age=-', () => {
    expect(explain(rejectedByBrowser, '=abc; Secure')).toMatch(/^Firefox drops this line: .*empty name/);
    expect(explain(rejectedByBrowser, 'sid=abc; Secure; Max-Age=-')).toMatch(/^Firefox drops this line: .*already past/);
  });

  it('names both browsers for an Expires year before 1601', () => {
    expect(explain(rejectedByBrowser, 'sid=abc; Secure; Expires=Sat, 01 Jan 1600 00:00:00 GMT')).toMatch(/^Chromium and Firefox both drop this line/);
  });

  it('fires for a control character, which no other rule names', () => {
    expect(explain(rejectedByBrowser, 'sid=a\u0001b; Secure')).toMatch(/control character/);
  });

  it('does not fire when another rejected-* rule names the drop', () => {
    expect(explain(rejectedByBrowser, '__Host-sid=abc; Path=/')).toBeNull();
    expect(explain(rejectedByBrowser, 'sid=abc; Secure', { url: 'http://app.example.com/' })).toBeNull();
    expect(explain(rejectedByBrowser, 'sid=abc; Domain=com; Secure')).toBeNull();
  });

  it('does not fire for lines both browsers store, even when one reads them differently', () => {
    expect(explain(rejectedByBrowser, 'sid=abc; Secure; HttpOnly; SameSite=Lax; Path=/')).toBeNull();
    expect(explain(rejectedByBrowser, 'sid=abc; Secure; Max-Age=+60')).toBeNull();
    expect(explain(rejectedByBrowser, 'sid=abc; Secure; Expires=Mon, 30 Feb 2032 12:00:00 GMT')).toBeNull();
  });

  it('does not fire for a deletion both browsers read as one', () => {
    expect(explain(rejectedByBrowser, 'sid=; Max-Age=0')).toBeNull();
  });
});
