/**
 * The URLs that set or sent a cookie, as a grade hands them out: how many exchanges, how many
 * distinct URLs, and the few most recent with how often each appears. A `UrlTallyBuilder` counts
 * each URL once as the trace grows; its snapshots are values that never change afterwards.
 */

/** How many of the most recent distinct URLs a tally lists (the counts are always complete). */
export const RECENT_URLS_LISTED = 5;

export interface UrlCount {
  readonly url: string;
  readonly count: number;
}

export interface UrlTally {
  /** The most recent distinct URLs, most recent first, at most RECENT_URLS_LISTED. */
  readonly recent: readonly UrlCount[];
  readonly distinct: number;
  /** How many exchanges (one URL each). */
  readonly entries: number;
}

export const EMPTY_URL_TALLY: UrlTally = Object.freeze({ recent: Object.freeze([]), distinct: 0, entries: 0 });

export class UrlTallyBuilder {
  readonly #counts = new Map<string, number>();
  /** Distinct URLs, most recent first (at most RECENT_URLS_LISTED). */
  readonly #recent: string[] = [];
  #entries = 0;
  #snapshot: UrlTally = EMPTY_URL_TALLY;

  add(url: string): void {
    this.#counts.set(url, (this.#counts.get(url) ?? 0) + 1);
    this.#entries++;
    // In place: snapshots copy what they hand out.
    const recent = this.#recent;
    const at = recent.indexOf(url);
    if (at === 0) return;
    if (at > 0) recent.splice(at, 1);
    else if (recent.length === RECENT_URLS_LISTED) recent.pop();
    recent.unshift(url);
  }

  /** The tally as it stands: the same object until a URL is added. */
  snapshot(): UrlTally {
    if (this.#snapshot.entries !== this.#entries) {
      const counts = this.#counts;
      this.#snapshot = Object.freeze({
        recent: Object.freeze(this.#recent.map((url) => ({ url, count: counts.get(url) as number }))),
        distinct: counts.size,
        entries: this.#entries,
      });
    }
    return this.#snapshot;
  }
}

/** The tally of a whole list at once. */
export function tallyOf(urls: Iterable<string>): UrlTally {
  const builder = new UrlTallyBuilder();
  for (const url of urls) builder.add(url);
  return builder.snapshot();
}
