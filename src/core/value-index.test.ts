import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASK, buildValueIndex, valueForms } from './value-index.js';
import { runs } from '../../test/support/property-runs.js';

describe('valueForms', () => {
  it('gives the value as sent, percent-encoded and percent-decoded, escapes in upper-case hex', () => {
    expect(valueForms('s%3aabc.def/ghi')).toEqual(expect.arrayContaining(['s%3Aabc.def/ghi', 's:abc.def/ghi', 's%3Aabc.def%2Fghi']));
  });

  it('gives the value form-encoded, as URLSearchParams writes it, with the escapes encodeURIComponent would not make read back', () => {
    const password = 'correct horse (battery) staple!';
    expect(valueForms(password)).toEqual(expect.arrayContaining(['correct+horse+(battery)+staple!', 'correct%20horse%20(battery)%20staple!']));
  });

  it('leaves out forms shorter than 8 characters: they would match by chance', () => {
    expect(valueForms('abc1234').filter((form) => form.length < 8)).toEqual([]);
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

  it('masks short values only where they are a whole field, never inside other words', () => {
    expect(index.mask('a short text')).toBe('a short text');
    expect(index.occursIn('a short text')).toBe(false);
    expect(index.mask('shortcut/short-list.yaml')).toBe('shortcut/short-list.yaml');
    expect(index.mask('short')).toBe(MASK);
    expect(index.mask('/login?user=me&token=short&x=1')).toBe(`/login?user=me&token=${MASK}&x=1`);
    expect(index.mask('{"password":"short"}')).toBe(`{"password":"${MASK}"}`);
    expect(index.mask('X-Api-Key: short')).toBe(`X-Api-Key: ${MASK}`);
    expect(index.mask('https://me:short@x.test/')).toBe(`https://me:${MASK}@x.test/`);
  });

  it('leaves cookie values under 4 characters and flag words alone, never secrets', () => {
    expect(buildValueIndex(['1', 'en', 'true', 'False']).mask('?page=1&lang=en&debug=true&x=False')).toBe('?page=1&lang=en&debug=true&x=False');
    expect(buildValueIndex(['pw', 'true'], { of: 'secrets' }).mask('?p=pw&q=pwx&r=true')).toBe(`?p=${MASK}&q=pwx&r=${MASK}`);
  });

  it('finds a value as written right after a stray "%", and in either hex case', () => {
    const index = buildValueIndex(['aaaaaaaa', 's%3Aabcdefgh']);
    expect(index.mask('%aaaaaaaa|')).toBe(`%${MASK}|`);
    expect(index.mask('x=s%3aabcdefgh&y=%73%3A%61bcdefgh')).toBe(`x=${MASK}&y=${MASK}`);
    expect(index.formsIn('%73%3aabcdefgh')).toEqual(['s%3Aabcdefgh']);
  });

  it('masks form-encoded and fully percent-encoded values', () => {
    const secret = 'correct horse battery staple';
    const secrets = buildValueIndex([secret, "tok(en)!'*~value"]);
    expect(secrets.mask('password=correct+horse+battery+staple&x=1')).toBe(`password=${MASK}&x=1`);
    expect(secrets.mask('/next?v=tok%28en%29%21%27*%7Evalue')).toBe(`/next?v=${MASK}`);
    const everyByte = [...new TextEncoder().encode(secret)].map((byte) => '%' + byte.toString(16)).join('');
    expect(secrets.mask(`/p?x=${everyByte}`)).toBe(`/p?x=${MASK}`);
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

  it('never leaves a value of 8+ characters in masked text, and changes nothing else', { timeout: 60_000 }, () => {
    const value = fc.string({ minLength: 8, maxLength: 24, unit: fc.constantFrom(...'abAB01%3:/.-_=+ ') });
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 6 }), fc.array(fc.string({ maxLength: 12 })), (values, fillers) => {
        const text = fillers.map((filler, i) => filler + (values[i % values.length] as string)).join('|') + (values[0] as string);
        const masked = buildValueIndex(values).mask(text);
        for (const form of values.flatMap(valueForms)) expect(masked).not.toContain(form);
        expect(masked.split(MASK).join('')).not.toContain(values[0]);
      }),
      runs(100),
    );
  });
});
