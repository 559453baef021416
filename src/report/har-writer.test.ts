import { describe, expect, it } from 'vitest';
import { buildValueIndex } from '../core/value-index.js';
import { urlByParameterNames } from './har-writer.js';

describe('urlByParameterNames', () => {
  const values = buildValueIndex(['Zq81vXb3LmN0pR7t']);
  const hide = (text: string) => values.replaceEach(text, (covered) => 'x'.repeat(covered.length));

  it('keeps the names of query parameters, not their values', () => {
    expect(urlByParameterNames('https://a.test/p?api_key=k3y-of-the-api&page=2&empty=&flag#top', hide)).toBe(
      'https://a.test/p?api_key=_&page=_&empty=&flag#top',
    );
  });

  it("keeps a cookie value's stand-in, so id-in-url grades the saved HAR as the trace", () => {
    expect(urlByParameterNames('https://a.test/?sid=Zq81vXb3LmN0pR7t&q=hello', hide)).toBe(`https://a.test/?sid=${'x'.repeat(16)}&q=_`);
  });

  it('leaves a URL without a query to hide alone', () => {
    expect(urlByParameterNames('https://a.test/;jsessionid=Zq81vXb3LmN0pR7t', hide)).toBe(`https://a.test/;jsessionid=${'x'.repeat(16)}`);
  });
});
