/**
 * Facts derived from one exchange that the trace rules read for every session cookie: computed
 * once per observation and kept while the observation lives (the panel grades the same
 * observation objects again after every batch of new requests). The cookies a request carried
 * are read once, by the inventory.
 */
import { isTrustworthyUrl, urlParts } from '../core/trustworthy-url.js';
import { headerValues, type Observation } from '../observation/observation.js';

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

export interface PlacedUrl {
  readonly place: UrlPlace;
  readonly text: string;
}

/** The request URL, Referer headers and Location headers of the exchange. */
export const placedUrlsOf = memoized((observation): readonly PlacedUrl[] => [
  { place: 'a request URL', text: observation.url },
  ...headerValues(observation.requestHeaders, 'referer').map((text) => ({ place: 'a Referer header' as const, text })),
  ...headerValues(observation.responseHeaders, 'location').map((text) => ({ place: 'a Location header' as const, text })),
]);

/** The host of a request that went over plain http or ws to a host that is not trustworthy, or '' (`sent-over-http`). */
export const plainHttpHostOf = memoized((observation): string => {
  if (isTrustworthyUrl(observation.url)) return '';
  const { scheme, host } = urlParts(observation.url);
  return scheme === 'http' || scheme === 'ws' ? host : '';
});
