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
/** Counts the entries of `urls` the tally has not seen yet. */
function advance(tally: Kept, urls: readonly string[], listed: number): void {
  const from = tally.seen;
  if (urls.length <= from) return;
  for (let i = from; i < urls.length; i++) {
    const url = urls[i] as string;
    tally.counts.set(url, (tally.counts.get(url) ?? 0) + 1);
  }
  // The most recent distinct URLs: those among the new entries, newest first, then the earlier
  // ones. Read from the end, so a list tallied afresh costs one count per entry, not a search of
  // the recent ones per entry.
  const recent: string[] = [];
  for (let i = urls.length - 1; i >= from && recent.length < listed; i--) if (!recent.includes(urls[i] as string)) recent.push(urls[i] as string);
  for (const url of tally.recent) if (recent.length < listed && !recent.includes(url)) recent.push(url);
  tally.recent = recent;
  tally.seen = urls.length;
}

/** The list last tallied under each key (a cookie's list of setting or sending URLs). */
const lastByKey = new Map<string, readonly string[]>();

/**
 * The tally of a new list that holds the newest entries of the one last tallied under the same
 * key: the store dropped the oldest exchanges past its cap and a new grader took over. The old
 * list's tally, less the dropped entries (moved: the old list is not read again), instead of
 * every entry counted again. The most recent ones are among what is left.
 */
function successorTally(urls: readonly string[], before: readonly string[] | undefined, listed: number): Kept | undefined {
  const tally = before === undefined ? undefined : kept.get(before);
  if (before === undefined || tally === undefined || tally.seen > before.length) return undefined;
  // The old list went on growing after it was last read.
  advance(tally, before, listed);
  const dropped = before.length - urls.length;
  if (dropped <= 0) return undefined;
  // Entry by entry (the two graders' lists hold the same string objects, so each test is quick).
  for (let i = 0; i < urls.length; i++) if (urls[i] !== before[dropped + i]) return undefined;
  for (let i = 0; i < dropped; i++) {
    const url = before[i] as string;
    const count = (tally.counts.get(url) as number) - 1;
    if (count === 0) tally.counts.delete(url);
    else tally.counts.set(url, count);
  }
  tally.recent = tally.recent.filter((url) => tally.counts.has(url));
  tally.seen = urls.length;
  kept.delete(before);
  return tally;
}

/** `key` names the list across graders (see successorTally); without it a new list is tallied afresh. */
export function tallyUrls(urls: readonly string[], listed: number, key?: string): UrlTally {
  let tally = kept.get(urls);
  if (tally === undefined && key !== undefined) {
    tally = successorTally(urls, lastByKey.get(key), listed);
    if (tally !== undefined) kept.set(urls, tally);
  }
  if (key !== undefined) lastByKey.set(key, urls);
  // A list that shrank is not the one tallied: start again.
  if (tally === undefined || tally.seen > urls.length) {
    tally = { seen: 0, counts: new Map(), recent: [] };
    kept.set(urls, tally);
  }
  advance(tally, urls, listed);
  const { counts } = tally;
  return { recent: tally.recent.map((url) => ({ url, count: counts.get(url) as number })), distinct: counts.size, entries: urls.length };
}
