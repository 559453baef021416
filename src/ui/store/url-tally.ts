/**
 * Distinct URLs of a list that only grows (the grader's lists of the URLs that set or sent a
 * cookie): how many, how many entries, and the few most recent with how often each appears. The
 * tally of each list is kept and goes on from where it stopped, so a view rebuilt after every
 * batch reads each URL once, not the whole list every time.
 */

export interface UrlCount {
  readonly url: string;
  readonly count: number;
}

export interface UrlTally {
  /** The most recent distinct URLs, most recent first, at most `listed`. */
  readonly recent: readonly UrlCount[];
  readonly distinct: number;
  readonly entries: number;
}

interface Kept {
  seen: number;
  readonly counts: Map<string, number>;
  /** Distinct URLs, most recent first (at most the number listed). */
  recent: string[];
}

const kept = new WeakMap<readonly string[], Kept>();

export function tallyUrls(urls: readonly string[], listed: number): UrlTally {
  let tally = kept.get(urls);
  // A list that shrank is not the one tallied: start again.
  if (tally === undefined || tally.seen > urls.length) {
    tally = { seen: 0, counts: new Map(), recent: [] };
    kept.set(urls, tally);
  }
  for (; tally.seen < urls.length; tally.seen++) {
    const url = urls[tally.seen] as string;
    tally.counts.set(url, (tally.counts.get(url) ?? 0) + 1);
    const at = tally.recent.indexOf(url);
    if (at >= 0) tally.recent.splice(at, 1);
    tally.recent.unshift(url);
    if (tally.recent.length > listed) tally.recent.length = listed;
  }
  const { counts } = tally;
  return { recent: tally.recent.map((url) => ({ url, count: counts.get(url) as number })), distinct: counts.size, entries: urls.length };
}
