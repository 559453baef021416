/**
 * One session cookie across a trace: at each exchange, the value the request carried and what the
 * response's Set-Cookie did to it. The trace rules (rubric section 5) and the timeline read this;
 * it is a view of the cookie's inventory record, so every rule sees the same evidence.
 */
import type { CookieIdentity } from '../core/cookie-identity.js';
import type { CookieRecord } from '../inventory/cookie-inventory.js';
import type { Observation } from '../observation/observation.js';

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
  /** Every identifier the cookie had in the trace (issued, sent, stored; never a deletion's value). */
  readonly values: readonly string[];
}

/** The record's view of the trace. */
export function traceCookie(observations: readonly Observation[], record: CookieRecord): TraceCookie {
  const carried = new Array<string | undefined>(observations.length).fill(undefined);
  const set = new Array<SetEffect | undefined>(observations.length).fill(undefined);
  for (const sending of record.sent) carried[sending.index] ??= sending.value;
  for (const issuance of record.issuances) set[issuance.index] = { value: issuance.cookie.value, deletion: issuance.deletion };
  return { identity: record.identity, observations, carried, set, values: record.ids };
}
