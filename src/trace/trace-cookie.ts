/**
 * One session cookie across a trace: at each exchange, the value the request carried and what the
 * response's Set-Cookie did to it. The trace rules (rubric section 5) and the timeline read this.
 */
import { domainMatches } from '../core/domain-match.js';
import type { CookieIdentity } from '../core/cookie-identity.js';
import type { Observation } from '../observation/observation.js';
import { hostOf, requestCookiesOf } from './observation-facts.js';

export interface SetEffect {
  readonly value: string;
  readonly deletion: boolean;
}

export interface TraceCookie {
  readonly identity: CookieIdentity;
  readonly observations: readonly Observation[];
  /** Per exchange: the value the request carried, or undefined. */
  readonly carried: readonly (string | undefined)[];
  /** Per exchange: what the response set for this cookie, or undefined. */
  readonly set: readonly (SetEffect | undefined)[];
  /** Every value the cookie had in the trace (set or carried), in order of appearance. */
  readonly values: readonly string[];
}

function requestCarriesTo(identity: CookieIdentity, observation: Observation): boolean {
  const host = hostOf(observation);
  return identity.hostOnly ? host === identity.domain : domainMatches(host, identity.domain);
}

/**
 * The cookie's view of the trace. `setAt` says what each exchange's response set for it, by
 * exchange index (the grader has it from parsing every Set-Cookie once).
 */
export function traceCookie(observations: readonly Observation[], identity: CookieIdentity, setAt: ReadonlyMap<number, SetEffect>): TraceCookie {
  const carried: (string | undefined)[] = [];
  const set: (SetEffect | undefined)[] = [];
  const values = new Set<string>();
  observations.forEach((observation, index) => {
    const sent = requestCarriesTo(identity, observation) ? requestCookiesOf(observation).get(identity.name) : undefined;
    carried.push(sent);
    if (sent !== undefined) values.add(sent);
    const effect = setAt.get(index);
    set.push(effect);
    if (effect !== undefined && !effect.deletion) values.add(effect.value);
  });
  return { identity, observations, carried, set, values: [...values] };
}
