import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/observation/observation.js';
import { createCookieValuesSeen } from './cookie-values-seen.js';

function exchange(sent: string | null, set: string[] = []): Observation {
  return {
    url: 'http://a/',
    method: 'GET',
    requestHeaders: sent === null ? [] : [{ name: 'Cookie', value: sent }],
    requestBodyParamNames: null,
    status: 200,
    responseHeaders: set.map((value) => ({ name: 'Set-Cookie', value })),
    time: 0,
  };
}

describe('createCookieValuesSeen', () => {
  it('calls a sent value unexplained the first time only, unless a response set it before', () => {
    const seen = createCookieValuesSeen();
    expect(seen.note(exchange(null, ['sid=one; Path=/; HttpOnly']))).toBe(false);
    expect(seen.note(exchange('sid=one'))).toBe(false);
    expect(seen.note(exchange('sid=one; theme=dark'))).toBe(true);
    expect(seen.note(exchange('theme=dark; sid=one'))).toBe(false);
    // A new value of a known name is new.
    expect(seen.note(exchange('sid=two'))).toBe(true);
  });

  it("does not let a response's Set-Cookie explain what its own request sent", () => {
    const seen = createCookieValuesSeen();
    expect(seen.note(exchange('sid=one', ['sid=one']))).toBe(true);
  });
});
