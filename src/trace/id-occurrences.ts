/**
 * Where session ids sit in the trace's URLs (rubric section 5, `id-in-url`): request URLs,
 * Referer and Location headers, in every form a value takes (the value index of rubric section 7),
 * and the requests whose path carries `;jsessionid=`. One pass over each URL however many ids: the
 * ids being looked for are tracked, a new batch of exchanges is searched for all of them at once,
 * and a newly tracked id is searched for in the exchanges already seen, once. The whole-trace grade
 * tracks every id before grading; the incremental grader tracks each session cookie's ids as it
 * grades it.
 */
import { buildValueIndex, valueForms, type ValueIndex } from '../core/value-index.js';
import type { Observation } from '../observation/observation.js';
import { forEachPlacedUrl, type UrlPlace } from './observation-facts.js';

export type IdPlace = UrlPlace | 'the URL path (;jsessionid=)';

/** Where in the trace a place was first seen: the exchange, then the place's order within it. */
interface FirstSeen {
  readonly index: number;
  readonly order: number;
}

const PLACE_ORDER: Readonly<Record<IdPlace, number>> = { 'a request URL': 0, 'a Referer header': 1, 'a Location header': 2, 'the URL path (;jsessionid=)': 3 };
const JSESSIONID_IN_PATH = /;jsessionid=/i;

export class IdOccurrences {
  readonly #observations: Observation[] = [];
  /** The first time each tracked id was seen in each place. */
  readonly #placesById = new Map<string, Map<IdPlace, FirstSeen>>();
  /** Which tracked ids each form stands for. */
  readonly #idsByForm = new Map<string, string[]>();
  #index: ValueIndex | null = null;
  #firstRewrite: FirstSeen | null = null;

  /** Exchanges appended to the trace (in order): searched for every tracked id. Returns the ids they hold. */
  append(observations: readonly Observation[]): ReadonlySet<string> {
    const from = this.#observations.length;
    for (const observation of observations) this.#observations.push(observation);
    const found = this.#search(from, (this.#index ??= buildValueIndex(this.#placesById.keys())));
    for (let index = from; index < this.#observations.length && this.#firstRewrite === null; index++) {
      if (JSESSIONID_IN_PATH.test((this.#observations[index] as Observation).url))
        this.#firstRewrite = { index, order: PLACE_ORDER['the URL path (;jsessionid=)'] };
    }
    return found;
  }

  /** Whether `id` is looked for. */
  tracks(id: string): boolean {
    return this.#placesById.has(id);
  }

  /** Starts looking for these ids too: they are searched for in the exchanges already seen, in one pass. */
  track(ids: Iterable<string>): void {
    const fresh = [...new Set(ids)].filter((id) => !this.#placesById.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) {
      this.#placesById.set(id, new Map());
      for (const form of valueForms(id)) {
        const owners = this.#idsByForm.get(form);
        if (owners) owners.push(id);
        else this.#idsByForm.set(form, [id]);
      }
    }
    this.#index = null;
    this.#search(0, buildValueIndex(fresh), new Set(fresh));
  }

  /**
   * The places where any of `ids` appears, and the `;jsessionid=` path when `rewritesUrls` (a
   * JSESSIONID cookie), in the order the trace first shows them.
   */
  placesOf(ids: readonly string[], rewritesUrls: boolean): IdPlace[] {
    this.track(ids);
    const first = new Map<IdPlace, FirstSeen>();
    for (const id of ids) {
      for (const [place, seen] of this.#placesById.get(id) as Map<IdPlace, FirstSeen>) {
        const known = first.get(place);
        if (known === undefined || seen.index < known.index) first.set(place, seen);
      }
    }
    if (rewritesUrls && this.#firstRewrite !== null) first.set('the URL path (;jsessionid=)', this.#firstRewrite);
    return [...first].sort(([, a], [, b]) => a.index - b.index || a.order - b.order).map(([place]) => place);
  }

  /**
   * Searches exchanges from `from` with `index`; each form found is credited to the ids (of
   * `only`, if given) it stands for, in time linear in the text whatever the number of ids.
   * Returns the ids found.
   */
  #search(from: number, index: ValueIndex, only?: ReadonlySet<string>): Set<string> {
    const found = new Set<string>();
    if (index.size === 0) return found;
    let at = from;
    const credit = (place: IdPlace, text: string) => {
      for (const form of index.formsIn(text)) {
        for (const id of this.#idsByForm.get(form) ?? []) {
          if (only !== undefined && !only.has(id)) continue;
          found.add(id);
          const places = this.#placesById.get(id) as Map<IdPlace, FirstSeen>;
          if (!places.has(place)) places.set(place, { index: at, order: PLACE_ORDER[place] });
        }
      }
    };
    for (; at < this.#observations.length; at++) forEachPlacedUrl(this.#observations[at] as Observation, credit);
    return found;
  }
}
