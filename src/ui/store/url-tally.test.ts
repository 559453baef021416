import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tallyUrls } from './url-tally.js';

/** The tally read off the whole list, as the view did before it was kept. */
function naive(urls: readonly string[], listed: number) {
  const counts = new Map<string, number>();
  for (let i = urls.length - 1; i >= 0; i--) counts.set(urls[i] as string, (counts.get(urls[i] as string) ?? 0) + 1);
  const all = [...counts].map(([url, count]) => ({ url, count }));
  return { recent: all.slice(0, listed), distinct: all.length, entries: urls.length };
}

describe('tallyUrls', () => {
  it('gives what reading the whole list gives, however the list grows between reads (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom('/a', '/b', '/c', '/d', '/e', '/f', '/g'), { maxLength: 6 }), { maxLength: 8 }), (growths) => {
        const urls: string[] = [];
        for (const growth of growths) {
          urls.push(...growth);
          expect(tallyUrls(urls, 3)).toEqual(naive(urls, 3));
        }
      }),
    );
  });

  it('starts again for a list that shrank', () => {
    const urls = ['/a', '/b', '/a'];
    expect(tallyUrls(urls, 5).distinct).toBe(2);
    urls.length = 1;
    expect(tallyUrls(urls, 5)).toEqual({ recent: [{ url: '/a', count: 1 }], distinct: 1, entries: 1 });
  });

  it('takes the tally of the list a new grader replaced (its oldest entries dropped) from the old one, and gives what reading it gives (property)', () => {
    let run = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('/a', '/b', '/c', '/d', '/e', '/f', '/g'), { minLength: 1, maxLength: 30 }),
        fc.nat(30),
        fc.array(fc.constantFrom('/a', '/h'), { maxLength: 4 }),
        (before, drop, appended) => {
          const key = `cookie-${run++}`;
          tallyUrls(before, 3, key);
          const after = [...before.slice(Math.min(drop, before.length - 1)), ...appended];
          expect(tallyUrls(after, 3, key)).toEqual(naive(after, 3));
          // The old list, read again, is tallied afresh.
          expect(tallyUrls(before, 3)).toEqual(naive(before, 3));
        },
      ),
    );
  });
});
