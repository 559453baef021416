/**
 * The cookie inventory (docs: ../shared/architecture.md; rubric sections 2.3 and 7): one record per
 * cookie identity with every piece of evidence the trace holds about it: the Set-Cookie lines that
 * issued or deleted it, the values requests carried, what the browser's store held, whether page
 * script could read it. The grader, the trace rules, the timeline, the entropy estimate and the
 * value index all read it; nothing else collects "the values of a cookie" on its own.
 */
import { cookieIdentity, identityKey, isSentToHost, type CookieIdentity } from '../core/cookie-identity.js';
import { isDeletion } from '../core/cookie-lifetime.js';
import { parseSetCookie } from '../core/parse-set-cookie.js';
import type { ParsedSetCookie } from '../core/parsed-set-cookie.js';
import { responseContext, type ResponseContext } from '../core/response-context.js';
import { urlParts } from '../core/trustworthy-url.js';
import { setCookieLines, type Observation } from '../observation/observation.js';
import type { Reading, StoredCookie } from '../observation/readings.js';
import { requestCookies } from '../observation/request-cookies.js';
import { pathMatches } from '../core/path-match.js';

/** How a cookie was seen (rubric section 2.3). */
export type SeenAs = 'set' | 'sent' | 'store' | 'script';

export interface Issuance {
  readonly cookie: ParsedSetCookie;
  readonly response: ResponseContext;
  /** Index of the exchange whose response carried the line. */
  readonly index: number;
  readonly deletion: boolean;
}

export interface Sending {
  /** Index of the exchange whose request carried the cookie. */
  readonly index: number;
  readonly value: string;
}

export interface StoreSighting {
  readonly url: string;
  readonly time: number;
  readonly cookie: StoredCookie;
}

export interface ScriptSighting {
  readonly url: string;
  readonly time: number;
  readonly value: string;
}

export interface CookieRecord {
  readonly key: string;
  /** For a cookie seen only in requests or by script: the request's host, host-only, path null. */
  readonly identity: CookieIdentity;
  readonly issuances: readonly Issuance[];
  readonly sent: readonly Sending[];
  readonly storeReadings: readonly StoreSighting[];
  readonly scriptReadings: readonly ScriptSighting[];
  /** In the rubric's order: set, sent, store, script. */
  readonly seenAs: readonly SeenAs[];
  /** True when the first sighting was not a Set-Cookie (note `set-outside-trace`). */
  readonly setOutsideTrace: boolean;
  /** Distinct identifiers: issued (never deletions), sent and stored values, in order of appearance. */
  readonly ids: readonly string[];
}

export interface CookieInventory {
  readonly observations: readonly Observation[];
  readonly records: readonly CookieRecord[];
  /** Every cookie name seen anywhere (for `<name>.sig` companions). */
  readonly names: ReadonlySet<string>;
  /**
   * Every value of every cookie the trace saw, in every role (issued, deleted, sent, stored,
   * read by script): what the value index masks (rubric section 7).
   */
  readonly values: ReadonlySet<string>;
}

interface MutableRecord {
  key: string;
  identity: CookieIdentity;
  issuances: Issuance[];
  sent: Sending[];
  storeReadings: StoreSighting[];
  scriptReadings: ScriptSighting[];
}

function emptyRecord(identity: CookieIdentity): MutableRecord {
  return { key: identityKey(identity), identity, issuances: [], sent: [], storeReadings: [], scriptReadings: [] };
}

/** A cookie the trace knows only by name and the host it went to (or was read on). */
function unplacedIdentity(name: string, host: string): CookieIdentity {
  return { name, domain: host, path: null, hostOnly: true };
}

/**
 * The known record (issued or stored) that a cookie of this name, seen on this URL, belongs to:
 * among those whose domain and path match, the one with the longest path (RFC 6265bis 5.8.3
 * sends it first). Null when none matches.
 */
function placedRecord(candidates: readonly MutableRecord[] | undefined, host: string, path: string): MutableRecord | null {
  let best: MutableRecord | null = null;
  for (const record of candidates ?? []) {
    const { identity } = record;
    if (!isSentToHost(identity, host) || identity.path === null || !pathMatches(path, identity.path)) continue;
    if (best === null || identity.path.length > (best.identity.path as string).length) best = record;
  }
  if (best !== null) return best;
  // A path we cannot match (a request below no known path) still belongs to a cookie of that host.
  for (const record of candidates ?? []) {
    if (isSentToHost(record.identity, host)) return record;
  }
  return null;
}

function storedIdentity(cookie: StoredCookie): CookieIdentity {
  return { name: cookie.name, domain: cookie.domain, path: cookie.path, hostOnly: cookie.hostOnly };
}

/** Builds the inventory of a trace: its exchanges, plus any store and script readings. */
export function buildCookieInventory(observations: readonly Observation[], readings: readonly Reading[] = []): CookieInventory {
  const byKey = new Map<string, MutableRecord>();
  const placedByName = new Map<string, MutableRecord[]>();
  const names = new Set<string>();
  const values = new Set<string>();

  const recordFor = (identity: CookieIdentity, placed: boolean): MutableRecord => {
    const key = identityKey(identity);
    let record = byKey.get(key);
    if (record === undefined) {
      record = emptyRecord(identity);
      byKey.set(key, record);
      if (placed) {
        const sameName = placedByName.get(identity.name);
        if (sameName) sameName.push(record);
        else placedByName.set(identity.name, [record]);
      }
    }
    return record;
  };

  // First what has a place (domain and path): issuances and store readings.
  observations.forEach((observation, index) => {
    const lines = setCookieLines(observation);
    if (lines.length === 0) return;
    const response = responseContext(observation);
    for (const line of lines) {
      const cookie = parseSetCookie(line);
      names.add(cookie.name);
      values.add(cookie.value);
      const record = recordFor(cookieIdentity(cookie, response), true);
      record.issuances.push({ cookie, response, index, deletion: isDeletion(cookie, response.time) });
    }
  });
  for (const reading of readings) {
    if (reading.kind !== 'store') continue;
    for (const cookie of reading.cookies) {
      names.add(cookie.name);
      values.add(cookie.value);
      recordFor(storedIdentity(cookie), true).storeReadings.push({ url: reading.url, time: reading.time, cookie });
    }
  }

  // Then what is known by name and URL only: values sent, and what script could read.
  observations.forEach((observation, index) => {
    const sent = requestCookies(observation);
    if (sent.size === 0) return;
    const { host, path } = urlParts(observation.url);
    for (const [name, value] of sent) {
      names.add(name);
      values.add(value);
      const record = placedRecord(placedByName.get(name), host, path) ?? recordFor(unplacedIdentity(name, host), false);
      record.sent.push({ index, value });
    }
  });
  for (const reading of readings) {
    if (reading.kind !== 'script') continue;
    const { host, path } = urlParts(reading.url);
    for (const { name, value } of reading.cookies) {
      names.add(name);
      values.add(value);
      const record = placedRecord(placedByName.get(name), host, path) ?? recordFor(unplacedIdentity(name, host), false);
      record.scriptReadings.push({ url: reading.url, time: reading.time, value });
    }
  }

  return { observations, records: [...byKey.values()].map(finishRecord), names, values };
}

function finishRecord(record: MutableRecord): CookieRecord {
  const seenAs: SeenAs[] = [];
  if (record.issuances.length > 0) seenAs.push('set');
  if (record.sent.length > 0) seenAs.push('sent');
  if (record.storeReadings.length > 0) seenAs.push('store');
  if (record.scriptReadings.length > 0) seenAs.push('script');
  const first = record.issuances[0];
  const setOutsideTrace =
    first === undefined ||
    // A request goes out before its response: a send in the same exchange came first.
    record.sent.some((sending) => sending.index <= first.index) ||
    record.storeReadings.some((sighting) => sighting.time < first.response.time) ||
    record.scriptReadings.some((sighting) => sighting.time < first.response.time);
  const ids = new Set<string>();
  for (const issuance of record.issuances) if (!issuance.deletion) ids.add(issuance.cookie.value);
  for (const sending of record.sent) ids.add(sending.value);
  for (const sighting of record.storeReadings) ids.add(sighting.cookie.value);
  ids.delete('');
  return {
    key: record.key,
    identity: record.identity,
    issuances: record.issuances,
    sent: record.sent,
    storeReadings: record.storeReadings,
    scriptReadings: record.scriptReadings,
    seenAs,
    setOutsideTrace,
    ids: [...ids],
  };
}
