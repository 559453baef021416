import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentDecode, percentEncode } from './percent-decode.js';
import { runs } from '../../test/support/property-runs.js';

describe('percentDecode', () => {
  it('decodes ASCII escapes in any case', () => {
    expect(percentDecode('s%3Aabc.def')).toBe('s:abc.def');
    expect(percentDecode('abc%3d%3D')).toBe('abc==');
  });

  it('decodes UTF-8 escapes as decodeURIComponent does', () => {
    expect(percentDecode('caf%C3%A9%20%3D')).toBe('café =');
  });

  it('keeps text that is not valid percent-encoding', () => {
    expect(percentDecode('100%')).toBe('100%');
    expect(percentDecode('%zz%41')).toBe('%zz%41');
    expect(percentDecode('%C3')).toBe('%C3');
  });

  it('agrees with decodeURIComponent wherever that succeeds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(percentDecode(encodeURIComponent(text))).toBe(text);
      }),
      runs(100),
    );
  });
});

describe('percentEncode', () => {
  it('encodes as encodeURIComponent does', () => {
    expect(percentEncode('s:a/b+c')).toBe('s%3Aa%2Fb%2Bc');
  });
  it('keeps a lone surrogate instead of throwing', () => {
    expect(percentEncode('a\ud800b')).toBe('a\ud800b');
  });
});
