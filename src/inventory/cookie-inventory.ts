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
  /**
   * A version of its past: grows each time earlier sends and script readings were moved into it (a
   * record with a domain and path appeared for its name). While it stays the same, its evidence
   * only grows at the end, which is what lets an incremental reader go on from where it stopped.
   */
  readonly pastVersion: number;
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
  /** The distinct values sent, kept as sends arrive (a cookie sent by every request has one or two). */
  sentValues: Set<string>;
  /** The distinct values issued (never deletions), kept as issuances arrive. */
  issuedValues: Set<string>;
  pastVersion: number;
}

function emptyRecord(identity: CookieIdentity): MutableRecord {
  return {
    key: identityKey(identity),
    identity,
    issuances: [],
    sent: [],
    storeReadings: [],
    scriptReadings: [],
    sentValues: new Set(),
    issuedValues: new Set(),
    pastVersion: 0,
  };
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

/**
 * Builds the inventory as a trace grows (architecture.md, "incremental grading"): exchanges are
 * appended in batches, and each batch says which records it touched, so a grader can re-grade
 * only those. The whole-trace build is this builder fed everything at once, so both give the same
 * records in the same order: each exchange is processed in turn, its Set-Cookie lines before its
 * request's cookies. A cookie sent before any Set-Cookie placed it is kept by name and host; when
 * a record with a place appears for that name, every send and reading of the name is assigned again, as if
 * the place had been known from the start.
 */
export class InventoryBuilder {
  readonly #observations: Observation[] = [];
  /** How many exchanges, from the first, have had their sendings placed (the current one's come after its Set-Cookie). */
  #sendingsPlaced = 0;
  readonly #readings: Reading[] = [];
  readonly #byKey = new Map<string, MutableRecord>();
  readonly #placedByName = new Map<string, MutableRecord[]>();
  /** Every record's key, by cookie name: placing a name again looks at that name's records only. */
  readonly #keysByName = new Map<string, Set<string>>();
  readonly #names = new Set<string>();
  readonly #values = new Set<string>();
  readonly #finished = new Map<string, CookieRecord>();
  #snapshotNames: ReadonlySet<string> = new Set();
  #snapshotValues: ReadonlySet<string> = new Set();
  #namesChanged = true;
  #valuesChanged = true;
  #touched = new Set<string>();
  /** Names first seen since the last snapshot (they decide `<name>.sig` companions). */
  #newNames = new Set<string>();

  get observations(): readonly Observation[] {
    return this.#observations;
  }

  #addName(name: string): void {
    if (this.#names.has(name)) return;
    this.#names.add(name);
    this.#newNames.add(name);
    this.#namesChanged = true;
  }

  #addValue(value: string): void {
    if (this.#values.has(value)) return;
    this.#values.add(value);
    this.#valuesChanged = true;
  }

  #recordFor(identity: CookieIdentity, placed: boolean): MutableRecord {
    const key = identityKey(identity);
    let record = this.#byKey.get(key);
    if (record === undefined) {
      record = emptyRecord(identity);
      this.#byKey.set(key, record);
      const keys = this.#keysByName.get(identity.name);
      if (keys) keys.add(key);
      else this.#keysByName.set(identity.name, new Set([key]));
      if (placed) {
        const sameName = this.#placedByName.get(identity.name);
        if (sameName) sameName.push(record);
        else this.#placedByName.set(identity.name, [record]);
        this.#placeAgain(identity.name);
      }
    }
    this.#touched.add(key);
    return record;
  }

  /** Re-derives where every sent value and script reading of `name` belongs. */
  #placeAgain(name: string): void {
    const keys = this.#keysByName.get(name) ?? new Set<string>();
    let any = false;
    for (const key of keys) {
      const record = this.#byKey.get(key) as MutableRecord;
      if (record.sent.length === 0 && record.scriptReadings.length === 0) continue;
      record.sent = [];
      record.sentValues = new Set();
      record.scriptReadings = [];
      this.#touched.add(record.key);
      any = true;
    }
    if (!any) return;
    // Every record of the name may now hold sends and readings from before: their past changed.
    for (const key of keys) (this.#byKey.get(key) as MutableRecord).pastVersion++;
    // Only exchanges whose sendings are placed: a Set-Cookie that creates the record runs this
    // before its own request's cookies are placed, and they must not be placed twice.
    for (let index = 0; index < this.#sendingsPlaced; index++) {
      const observation = this.#observations[index] as Observation;
      const value = requestCookies(observation).get(name);
      if (value !== undefined) this.#placeSending(name, value, index, urlParts(observation.url));
    }
    for (const reading of this.#readings) if (reading.kind === 'script') this.#placeScriptReading(reading, name);
    for (const key of keys) {
      const record = this.#byKey.get(key) as MutableRecord;
      if (record.identity.path === null && record.sent.length === 0 && record.scriptReadings.length === 0) {
        this.#byKey.delete(key);
        keys.delete(key);
        this.#finished.delete(key);
        this.#touched.add(key);
      }
    }
  }

  #placeSending(name: string, value: string, index: number, { host, path }: { host: string; path: string }): void {
    const record = placedRecord(this.#placedByName.get(name), host, path) ?? this.#recordFor(unplacedIdentity(name, host), false);
    record.sent.push({ index, value });
    record.sentValues.add(value);
    this.#touched.add(record.key);
  }

  #placeScriptReading(reading: Reading & { kind: 'script' }, only?: string): void {
    const { host, path } = urlParts(reading.url);
    for (const { name, value } of reading.cookies) {
      if (only !== undefined && name !== only) continue;
      const record = placedRecord(this.#placedByName.get(name), host, path) ?? this.#recordFor(unplacedIdentity(name, host), false);
      record.scriptReadings.push({ url: reading.url, time: reading.time, value });
      this.#touched.add(record.key);
    }
  }

  /** Appends exchanges (in trace order, after those already in). */
  appendObservations(observations: readonly Observation[]): void {
    for (const observation of observations) {
      const index = this.#observations.length;
      this.#observations.push(observation);
      const lines = setCookieLines(observation);
      if (lines.length > 0) {
        const response = responseContext(observation);
        for (const line of lines) {
          const cookie = parseSetCookie(line);
          this.#addName(cookie.name);
          this.#addValue(cookie.value);
          const record = this.#recordFor(cookieIdentity(cookie, response), true);
          const deletion = isDeletion(cookie, response.time);
          record.issuances.push({ cookie, response, index, deletion });
          if (!deletion) record.issuedValues.add(cookie.value);
        }
      }
      const cookies = requestCookies(observation);
      const place = cookies.size > 0 ? urlParts(observation.url) : null;
      for (const [name, value] of cookies) {
        this.#addName(name);
        this.#addValue(value);
        this.#placeSending(name, value, index, place as { host: string; path: string });
      }
      this.#sendingsPlaced = index + 1;
    }
  }

  /** Adds store and script readings (rubric section 2.3). */
  addReadings(readings: readonly Reading[]): void {
    for (const reading of readings) {
      this.#readings.push(reading);
      if (reading.kind === 'store') {
        for (const cookie of reading.cookies) {
          this.#addName(cookie.name);
          this.#addValue(cookie.value);
          this.#recordFor(storedIdentity(cookie), true).storeReadings.push({ url: reading.url, time: reading.time, cookie });
        }
      } else {
        for (const { name, value } of reading.cookies) {
          this.#addName(name);
          this.#addValue(value);
        }
        this.#placeScriptReading(reading);
      }
    }
  }

  /**
   * The inventory as it stands, and the keys of the records changed since the last snapshot
   * (added, changed or removed) and the names first seen since.
   */
  snapshot(): { inventory: CookieInventory; touched: ReadonlySet<string>; newNames: ReadonlySet<string> } {
    for (const key of this.#touched) {
      const record = this.#byKey.get(key);
      if (record !== undefined) this.#finished.set(key, finishRecord(record));
    }
    if (this.#namesChanged) this.#snapshotNames = new Set(this.#names);
    if (this.#valuesChanged) this.#snapshotValues = new Set(this.#values);
    this.#namesChanged = this.#valuesChanged = false;
    const touched = this.#touched;
    const newNames = this.#newNames;
    this.#touched = new Set();
    this.#newNames = new Set();
    const records = [...this.#byKey.keys()].map((key) => this.#finished.get(key) as CookieRecord);
    return {
      inventory: { observations: [...this.#observations], records, names: this.#snapshotNames, values: this.#snapshotValues },
      touched,
      newNames,
    };
  }
}

/** Builds the inventory of a trace: its exchanges, plus any store and script readings. */
export function buildCookieInventory(observations: readonly Observation[], readings: readonly Reading[] = []): CookieInventory {
  const builder = new InventoryBuilder();
  builder.appendObservations(observations);
  builder.addReadings(readings);
  return builder.snapshot().inventory;
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
    // A request goes out before its response: a send in the same exchange came first. Sends are
    // kept in trace order, so the first is the earliest.
    (record.sent[0] !== undefined && record.sent[0].index <= first.index) ||
    record.storeReadings.some((sighting) => sighting.time < first.response.time) ||
    record.scriptReadings.some((sighting) => sighting.time < first.response.time);
  const ids = new Set(record.issuedValues);
  for (const value of record.sentValues) ids.add(value);
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
    pastVersion: record.pastVersion,
  };
}
