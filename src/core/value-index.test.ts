import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASK, buildValueIndex, valueForms } from './value-index.js';

describe('valueForms', () => {
  it('gives the value as sent, percent-encoded in both hex cases, and percent-decoded', () => {
    expect(valueForms('s%3Aabc.def/ghi')).toEqual(
      expect.arrayContaining(['s%3Aabc.def/ghi', 's%3aabc.def/ghi', 's:abc.def/ghi', 's%3Aabc.def%2Fghi', 's%3aabc.def%2fghi']),
    );
  });

  it('leaves out forms shorter than 8 characters: they would match by chance', () => {
    expect(valueForms('abc1234')).toEqual([]);
    expect(valueForms('abcd1234')).toEqual(['abcd1234']);
  });
});

describe('buildValueIndex', () => {
  const index = buildValueIndex(['s%3AAbCdEfGh12345.sig', 'ABCDEF0123456789', 'ABCDEF0123456789XYZ', 'short']);

  it('masks every form of every value', () => {
    expect(index.mask('/a;jsessionid=ABCDEF0123456789?x=1')).toBe(`/a;jsessionid=${MASK}?x=1`);
    expect(index.mask('decoded s:AbCdEfGh12345.sig here')).toBe(`decoded ${MASK} here`);
    expect(index.mask('lower s%3aAbCdEfGh12345.sig')).toBe(`lower ${MASK}`);
    expect(index.mask('re-encoded s%253AAbCdEfGh12345.sig')).toBe(`re-encoded ${MASK}`);
  });

  it('masks the longer value where one value is a prefix of another, leaving no tail behind', () => {
    expect(index.mask('x=ABCDEF0123456789XYZ&y')).toBe(`x=${MASK}&y`);
    expect(index.mask('ABCDEF0123456789ABCDEF0123456789')).toBe(MASK);
  });

  it('merges overlapping occurrences into one mask', () => {
    const overlapping = buildValueIndex(['aaaabbbbcccc', 'bbbbccccdddd']);
    expect(overlapping.mask('-aaaabbbbccccdddd-')).toBe(`-${MASK}-`);
  });

  it('does not search for short values', () => {
    expect(index.mask('short')).toBe('short');
    expect(index.occursIn('a short text')).toBe(false);
  });

  it('answers whether a text carries a value', () => {
    expect(index.occursIn('https://x.test/?sid=ABCDEF0123456789')).toBe(true);
    expect(index.occursIn('https://x.test/?sid=ABCDEF012345678')).toBe(false);
  });

  it('finds every form in a text, one inside another and overlapping ones too', () => {
    const index = buildValueIndex(['abcdefgh12', 'cdefgh12', 'h12xyzxyz9', 'unrelated99']);
    expect(index.formsIn('..abcdefgh12xyzxyz9..').sort()).toEqual(['abcdefgh12', 'cdefgh12', 'h12xyzxyz9']);
    expect(index.formsIn('nothing here')).toEqual([]);
    expect(buildValueIndex([]).formsIn('abcdefgh12')).toEqual([]);
  });

  it('an empty index masks nothing', () => {
    expect(buildValueIndex([]).mask('ABCDEF0123456789')).toBe('ABCDEF0123456789');
  });

  it('never leaves a value of 8+ characters in masked text, and changes nothing else', () => {
    const value = fc.string({ minLength: 8, maxLength: 24, unit: fc.constantFrom(...'abAB01%3:/.-_=+ ') });
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 6 }), fc.array(fc.string({ maxLength: 12 })), (values, fillers) => {
        const text = fillers.map((filler, i) => filler + (values[i % values.length] as string)).join('|') + (values[0] as string);
        const masked = buildValueIndex(values).mask(text);
        for (const form of values.flatMap(valueForms)) expect(masked).not.toContain(form);
        expect(masked.split(MASK).join('')).not.toContain(values[0]);
      }),
    );
  });
});
