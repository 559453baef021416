/**
 * Facts derived from one exchange that the trace rules read for every session cookie: computed
 * once per observation and kept while the observation lives (the panel grades the same
 * observation objects again after every batch of new requests). The cookies a request carried
 * are read once, by the inventory.
 */
import { isTrustworthyUrl, urlParts } from '../core/trustworthy-url.js';
import type { Observation } from '../observation/observation.js';

export function memoized<T>(compute: (observation: Observation) => T): (observation: Observation) => T {
  const cache = new WeakMap<Observation, T>();
  return (observation) => {
    let value = cache.get(observation);
    if (value === undefined) {
      value = compute(observation);
      cache.set(observation, value);
    }
    return value;
  };
}

export type UrlPlace = 'a request URL' | 'a Referer header' | 'a Location header';

/**
 * Visits the request URL, then each Referer and Location header of the exchange: the places
 * `id-in-url` searches. It reads them in place (a search of the whole trace makes no object per
 * exchange).
 */
export function forEachPlacedUrl(observation: Observation, visit: (place: UrlPlace, text: string) => void): void {
  visit('a request URL', observation.url);
  for (const header of observation.requestHeaders)
    if (header.name.length === 7 && header.name.toLowerCase() === 'referer') visit('a Referer header', header.value);
  for (const header of observation.responseHeaders)
    if (header.name.length === 8 && header.name.toLowerCase() === 'location') visit('a Location header', header.value);
}

/** The host of a request that went over plain http or ws to a host that is not trustworthy, or '' (`sent-over-http`). */
export const plainHttpHostOf = memoized((observation): string => {
  if (isTrustworthyUrl(observation.url)) return '';
  const { scheme, host } = urlParts(observation.url);
  return scheme === 'http' || scheme === 'ws' ? host : '';
});
