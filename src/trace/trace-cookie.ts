/**
 * One session cookie across a trace: at each exchange, the value the request carried and what the
 * response's Set-Cookie did to it. The trace rules (rubric section 5) and the timeline read this.
 */
import { isDeletion } from '../core/cookie-lifetime.js';
import { domainMatches } from '../core/domain-match.js';
import { parseSetCookie } from '../core/parse-set-cookie.js';
import { cookieIdentity, identityKey, type CookieIdentity } from '../core/cookie-identity.js';
import { responseContext } from '../grade/response-context.js';
import { setCookieLines, type Observation } from '../observation/observation.js';
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

/** What each exchange's response set for the cookie `identity` (by exchange index). */
export function setEffectsFor(observations: readonly Observation[], identity: CookieIdentity): Map<number, SetEffect> {
  const key = identityKey(identity);
  const effects = new Map<number, SetEffect>();
  observations.forEach((observation, index) => {
    const lines = setCookieLines(observation);
    if (lines.length === 0) return;
    const response = responseContext(observation);
    for (const line of lines) {
      const cookie = parseSetCookie(line);
      if (identityKey(cookieIdentity(cookie, response)) === key) {
        effects.set(index, { value: cookie.value, deletion: isDeletion(cookie, response.time) });
      }
    }
  });
  return effects;
}

/**
 * The cookie's view of the trace. `setAt` may be passed in when the caller already has it (the
 * grader parses every Set-Cookie once for all cookies).
 */
export function traceCookie(
  observations: readonly Observation[],
  identity: CookieIdentity,
  setAt: ReadonlyMap<number, SetEffect> = setEffectsFor(observations, identity),
): TraceCookie {
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
