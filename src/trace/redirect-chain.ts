/**
 * Following redirects through a trace: the hops after a request are the later observations whose
 * URL is the previous hop's Location (resolved against it), while the status is 3xx.
 */
import { headerValues, type Observation } from '../observation/observation.js';

const MAX_HOPS = 20;

/** The absolute URL a 3xx response redirects to, or null. */
export function locationOf(observation: Observation): string | null {
  if (observation.status < 300 || observation.status >= 400) return null;
  const location = headerValues(observation.responseHeaders, 'location')[0];
  if (location === undefined) return null;
  try {
    return new URL(location, observation.url).href;
  } catch {
    return null;
  }
}

/** Indexes of the request at `start` and each redirect hop after it, in order. */
export function redirectChain(observations: readonly Observation[], start: number): number[] {
  const chain = [start];
  let current = start;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const next = locationOf(observations[current] as Observation);
    if (next === null) break;
    let found = -1;
    for (let index = current + 1; index < observations.length; index++) {
      if ((observations[index] as Observation).url === next) {
        found = index;
        break;
      }
    }
    if (found < 0) break;
    chain.push(found);
    current = found;
  }
  return chain;
}
