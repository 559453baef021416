import { describe, expect, it } from 'vitest';
import { alphabetSize, estimateEntropyBits, identifierPart, withoutRepetition } from './estimate-entropy.js';

describe('identifierPart', () => {
  it('takes the id between "s:" and the last "." of an express-session value', () => {
    expect(identifierPart('s%3Aabc.def.SIGNATURE')).toBe('abc.def');
  });

  it('URL-decodes and strips trailing "=" for other formats', () => {
    expect(identifierPart('YWJj%3D%3D')).toBe('YWJj');
  });

  it('keeps a value that is not valid percent-encoding as it is', () => {
    expect(identifierPart('abc%zz')).toBe('abc%zz');
  });
});

describe('alphabetSize', () => {
  it.each([
    ['0123', 10],
    ['deadbeef', 16],
    ['DEADBEEF', 16],
    ['deadBEEF', 62],
    ['xyz123', 36],
    ['XYZ123', 36],
    ['aZ09', 62],
    ['a+/Z', 64],
    ['a-_Z', 64],
    ['a+_Z', 4],
    ['!!!!', 2],
  ])('%s -> %i', (id, size) => {
    expect(alphabetSize(id)).toBe(size);
  });
});

describe('estimateEntropyBits', () => {
  it('gives 32 hex characters 128 bits', () => {
    expect(estimateEntropyBits('0123456789abcdef0123456789abcdeg'.replace('g', '0'))).toBe(128);
  });

  it("gives express-session's 32-character base64url id 192 bits", () => {
    expect(estimateEntropyBits('s%3AXk2Q9fYt-3nB_0aLp7ZcR1mVw8eJ4hUd.sig')).toBe(32 * 6);
  });

  it('counts a repeated string once', () => {
    expect(withoutRepetition('abcabcabc')).toBe('abc');
    expect(estimateEntropyBits('12341234')).toBeCloseTo(4 * Math.log2(10));
  });

  it('does not count a prefix shared by every observed value', () => {
    expect(estimateEntropyBits('user-0001', ['user-0002', 'user-0003'])).toBeCloseTo(Math.log2(10));
  });

  it('gives an empty value zero bits', () => {
    expect(estimateEntropyBits('')).toBe(0);
  });
});
