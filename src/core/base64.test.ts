import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, peekBase64 } from './base64.js';
import { runs } from '../../test/support/property-runs.js';

describe('base64 helpers', () => {
  it('decodes standard and url-safe alphabets, with or without padding', () => {
    expect(decodeBase64('eyJhIjoxfQ==')).toBe('{"a":1}');
    expect(decodeBase64('eyJhIjoxfQ')).toBe('{"a":1}');
    expect(decodeBase64('-_8')).toBe('\u00fb\u00ff');
  });

  it('agrees with atob on every valid input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (bytes) => {
        const binary = String.fromCharCode(...bytes);
        expect(decodeBase64(btoa(binary))).toBe(binary);
      }),
      runs(100),
    );
  });

  it('rejects text outside the alphabets, bad padding and impossible lengths', () => {
    for (const text of ['ab$d', 'a', 'abcde', 'ab===', '', 'é']) expect(decodeBase64(text)).toBeNull();
  });

  it('reads the first byte and finds a byte without decoding everything', () => {
    expect(peekBase64(btoa('{x'))).toEqual({ firstByte: 0x7b, mayHoldEmail: false });
    expect(peekBase64('not base64!')).toBeNull();
    expect(peekBase64(btoa('user@example.com'))?.mayHoldEmail).toBe(true);
    expect(peekBase64(btoa('x @ y, @@, a@ and @b'))?.mayHoldEmail).toBe(false);
  });
});
