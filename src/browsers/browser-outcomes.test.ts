import { describe, expect, it } from 'vitest';
import { parseSetCookie } from '../core/parse-set-cookie.js';
import { responseContext } from '../core/response-context.js';
import { observationWith } from '../../test/support/rule-harness.js';
import { browserOutcomes } from './browser-outcomes.js';

function outcomes(line: string, url = 'https://app.example.com/') {
  return browserOutcomes(parseSetCookie(line), responseContext(observationWith([line], { url })));
}

describe('browserOutcomes', () => {
  it('says both browsers store an ordinary line, with nothing to explain', () => {
    const both = outcomes('sid=abc; Secure; HttpOnly; Path=/');
    expect(both.chromium).toEqual({ outcome: 'stored', reason: null, explanation: null, departs: false });
    expect(both.firefox).toEqual(both.chromium);
  });

  it('says both drop a line a rejected-* rule names, without departing', () => {
    const both = outcomes('sid=abc; Secure', 'http://app.example.com/');
    expect(both.chromium).toMatchObject({ outcome: 'dropped', reason: 'rejected-secure-from-insecure', departs: false });
    expect(both.firefox).toMatchObject({ outcome: 'dropped', departs: false });
  });

  it('explains a line Firefox stores differently', () => {
    const both = outcomes('sid=abc; Secure; Expires=Mon, 30 Feb 2032 12:00:00 GMT');
    expect(both.chromium.explanation).toBeNull();
    expect(both.firefox).toMatchObject({ outcome: 'stored', departs: false });
    expect(both.firefox.explanation).toMatch(/^Firefox stores a cookie that expires .*, where the draft gives a browser-session cookie\.$/);
  });

  it('explains a pair without "=" that Firefox reads as a name', () => {
    expect(outcomes('justavalue; Secure').firefox.explanation).toMatch(/name `justavalue` with an empty value/);
  });

  it('marks a drop only one browser makes as a departure', () => {
    const both = outcomes('sid=abc; Secure; Max-Age=-');
    expect(both.chromium.outcome).toBe('stored');
    expect(both.firefox).toMatchObject({ outcome: 'dropped', reason: 'expired', departs: true });
  });

  it('says both browsers drop a deletion: it expires the cookie at once', () => {
    const both = outcomes('sid=; Max-Age=0');
    expect(both.chromium).toMatchObject({ outcome: 'dropped', reason: 'expired', departs: false });
    expect(both.firefox).toEqual(both.chromium);
  });
});
