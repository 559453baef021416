import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECENT_URLS_LISTED, tallyOf, UrlTallyBuilder } from './url-tally.js';

/** The tally read off the whole list at once, newest first. */
function naive(urls: readonly string[]) {
  const counts = new Map<string, number>();
  for (let i = urls.length - 1; i >= 0; i--) counts.set(urls[i] as string, (counts.get(urls[i] as string) ?? 0) + 1);
  const all = [...counts].map(([url, count]) => ({ url, count }));
  return { recent: all.slice(0, RECENT_URLS_LISTED), distinct: all.length, entries: urls.length };
}

describe('UrlTallyBuilder', () => {
  it('gives what reading the whole list gives, however the list grows between snapshots (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom('/a', '/b', '/c', '/d', '/e', '/f', '/g'), { maxLength: 6 }), { maxLength: 8 }), (growths) => {
        const builder = new UrlTallyBuilder();
        const urls: string[] = [];
        for (const growth of growths) {
          for (const url of growth) builder.add(url);
          urls.push(...growth);
          expect(builder.snapshot()).toEqual(naive(urls));
        }
      }),
    );
  });

  it('hands out snapshots that never change, and the same one until a URL is added', () => {
    const builder = new UrlTallyBuilder();
    builder.add('/a');
    const first = builder.snapshot();
    expect(builder.snapshot()).toBe(first);
    builder.add('/b');
    builder.add('/a');
    expect(first).toEqual({ recent: [{ url: '/a', count: 1 }], distinct: 1, entries: 1 });
    expect(builder.snapshot()).toEqual({
      recent: [
        { url: '/a', count: 2 },
        { url: '/b', count: 1 },
      ],
      distinct: 2,
      entries: 3,
    });
  });

  it('tallies a whole list at once', () => {
    expect(tallyOf([])).toEqual({ recent: [], distinct: 0, entries: 0 });
    expect(tallyOf(['/x', '/y', '/x'])).toEqual(naive(['/x', '/y', '/x']));
  });
});
