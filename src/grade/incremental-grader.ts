/**
 * Incremental grading (architecture.md): the trace grows batch by batch and only the cookies a
 * batch touches are graded again: those it sets or sends, those whose ids appear in its URLs
 * (`id-in-url`), those in a redirect chain it continues (a login's or logout's outcome), and the
 * `<name>.sig` pairs of names it brings. The result after every batch is exactly what grading the
 * whole trace gives (a property test checks it); the site grade follows from the cookie grades.
 */
import { InventoryBuilder, type CookieInventory, type CookieRecord } from '../inventory/cookie-inventory.js';
import { setCookieLines, type Observation } from '../observation/observation.js';
import type { Reading } from '../observation/readings.js';
import { requestCookies } from '../observation/request-cookies.js';
import { parseSetCookie } from '../core/parse-set-cookie.js';
import { IdOccurrences } from '../trace/id-occurrences.js';
import { locationOf } from '../trace/redirect-chain.js';
import { isThirdParty } from '../core/site.js';
import { gradeRecord, RecordGradeMemo, trackPossibleSessionIds } from './grade-record.js';
import { traceGradeOf, type CookieGrade, type InventoryGradeOptions, type TraceGrade } from './trace-grade.js';

/** How far back a redirect chain is followed (as redirectChain does). */
const MAX_HOPS = 20;

/** The names whose `<name>.sig` pairing a newly seen name may change. */
function companionNames(newNames: ReadonlySet<string>): Set<string> {
  const names = new Set<string>();
  for (const name of newNames) names.add(name.endsWith('.sig') ? name.slice(0, -4) : `${name}.sig`);
  return names;
}

function namesIn(observation: Observation): string[] {
  return [...requestCookies(observation).keys(), ...setCookieLines(observation).map((line) => parseSetCookie(line).name)];
}

export class IncrementalGrader {
  readonly #builder = new InventoryBuilder();
  readonly #options: InventoryGradeOptions;
  readonly #entries = new Map<string, CookieGrade[]>();
  /** Where the session ids sit in the trace's URLs, searched batch by batch. */
  readonly #occurrences = new IdOccurrences();
  /** What grading each record keeps between batches (its trace and issuance folds). */
  readonly #memos = new Map<string, RecordGradeMemo>();
  /** The ids of each session cookie, as last indexed. */
  readonly #sessionIds = new Map<string, string>();
  /** The session cookies each id belongs to, derived from #sessionIds when it changes. */
  #keysById: Map<string, string[]> | null = null;
  /** Indexes of the 3xx exchanges, by the absolute URL they redirect to. */
  readonly #redirectsTo = new Map<string, number[]>();
  #site: string | null;
  #trace: TraceGrade;
  #inventory: CookieInventory = { observations: [], records: [], names: new Set(), values: new Set() };

  constructor(options: InventoryGradeOptions = {}) {
    this.#options = options;
    this.#site = options.site ?? null;
    this.#trace = traceGradeOf([], this.#site, new Set());
  }

  /**
   * The trace's site changed (the inspected tab went to another site): each cookie's grade is the
   * same, only whether it is the site's own changes, and with it the site grade.
   */
  setSite(site: string | null): TraceGrade {
    if (site === this.#site) return this.#trace;
    this.#site = site;
    for (const [key, entries] of this.#entries) {
      if (entries.some((entry) => entry.thirdParty !== isThirdParty(entry.identity.domain, site))) {
        this.#entries.set(
          key,
          entries.map((entry) => ({ ...entry, thirdParty: isThirdParty(entry.identity.domain, site) })),
        );
      }
    }
    const cookies: CookieGrade[] = [];
    for (const record of this.#inventory.records) for (const entry of this.#entries.get(record.key) ?? []) cookies.push(entry);
    this.#trace = traceGradeOf(cookies, site, this.#inventory.values);
    return this.#trace;
  }

  get trace(): TraceGrade {
    return this.#trace;
  }

  /** The inventory the trace grade was made from. */
  get inventory(): CookieInventory {
    return this.#inventory;
  }

  /** Adds store or script readings (rubric section 2.3) and returns the grade of the whole trace. */
  addReadings(readings: readonly Reading[]): TraceGrade {
    if (readings.length === 0) return this.#trace;
    this.#builder.addReadings(readings);
    const { inventory, touched, newNames } = this.#builder.snapshot();
    return this.#regrade(inventory, new Set(touched), companionNames(newNames));
  }

  /** Appends a batch of exchanges (in trace order) and returns the grade of the whole trace. */
  append(observations: readonly Observation[]): TraceGrade {
    if (observations.length === 0) return this.#trace;
    const first = this.#builder.observations.length;
    this.#builder.appendObservations(observations);
    const idsInUrls = this.#occurrences.append(observations);
    const { inventory, touched, newNames } = this.#builder.snapshot();
    const toGrade = new Set(touched);
    // The session cookies whose ids the batch's URLs, Referers or Locations hold (id-in-url).
    for (const id of idsInUrls) for (const key of this.#sessionKeysOf(id)) toGrade.add(key);
    const touchedNames = companionNames(newNames);
    // `;jsessionid=` in a URL concerns any cookie named JSESSIONID, whatever its case (id-in-url).
    let urlRewritesSessionId = false;
    const all = inventory.observations;
    for (let index = first; index < all.length; index++) {
      const observation = all[index] as Observation;
      if (/;jsessionid=/i.test(observation.url)) urlRewritesSessionId = true;
      for (const member of this.#chainMembersReaching(all, index)) for (const name of namesIn(all[member] as Observation)) touchedNames.add(name);
      const location = locationOf(observation);
      if (location !== null) {
        const sources = this.#redirectsTo.get(location);
        if (sources) sources.push(index);
        else this.#redirectsTo.set(location, [index]);
      }
    }
    return this.#regrade(inventory, toGrade, touchedNames, urlRewritesSessionId);
  }

  #regrade(inventory: CookieInventory, toGrade: Set<string>, touchedNames: ReadonlySet<string>, urlRewritesSessionId = false): TraceGrade {
    const { userMarks, secretMatches } = this.#options;
    let sessionIdsChanged = false;
    const cookies: CookieGrade[] = [];
    const present = new Set<string>();
    const needsGrading = (record: CookieRecord) =>
      !this.#entries.has(record.key) ||
      toGrade.has(record.key) ||
      touchedNames.has(record.identity.name) ||
      (urlRewritesSessionId && record.identity.name.toLowerCase() === 'jsessionid');
    const graded = inventory.records.filter(needsGrading);
    trackPossibleSessionIds(this.#occurrences, inventory, graded, userMarks);
    const regraded = new Set(graded);
    for (const record of inventory.records) {
      present.add(record.key);
      let entries = this.#entries.get(record.key);
      if (entries === undefined || regraded.has(record)) {
        let memo = this.#memos.get(record.key);
        if (memo === undefined) this.#memos.set(record.key, (memo = new RecordGradeMemo()));
        entries = gradeRecord(inventory, record, userMarks?.get(record.identity.name), secretMatches, memo, this.#occurrences, this.#site);
        this.#entries.set(record.key, entries);
        const ids = entries.some((entry) => entry.session.isSession) ? record.ids.join('\u0000') : undefined;
        if (ids !== this.#sessionIds.get(record.key)) {
          sessionIdsChanged = true;
          if (ids === undefined) this.#sessionIds.delete(record.key);
          else this.#sessionIds.set(record.key, ids);
        }
      }
      for (const entry of entries) cookies.push(entry);
    }
    for (const key of this.#entries.keys()) {
      if (present.has(key)) continue;
      this.#entries.delete(key);
      this.#memos.delete(key);
      if (this.#sessionIds.delete(key)) sessionIdsChanged = true;
    }
    if (sessionIdsChanged) this.#keysById = null;
    this.#inventory = inventory;
    this.#trace = traceGradeOf(cookies, this.#site, inventory.values);
    return this.#trace;
  }

  #sessionKeysOf(id: string): readonly string[] {
    if (this.#keysById === null) {
      this.#keysById = new Map();
      for (const [key, joined] of this.#sessionIds) {
        for (const each of joined.split('\u0000')) {
          const keys = this.#keysById.get(each);
          if (keys) keys.push(key);
          else this.#keysById.set(each, [key]);
        }
      }
    }
    return this.#keysById.get(id) ?? [];
  }

  /** The exchanges of the redirect chains that the exchange at `index` continues (it is a hop's target). */
  #chainMembersReaching(observations: readonly Observation[], index: number): number[] {
    const members: number[] = [];
    let frontier = [index];
    for (let hop = 0; hop < MAX_HOPS && frontier.length > 0; hop++) {
      const next: number[] = [];
      for (const current of frontier) {
        for (const source of this.#redirectsTo.get((observations[current] as Observation).url) ?? []) {
          if (source < current && !members.includes(source)) {
            members.push(source);
            next.push(source);
          }
        }
      }
      frontier = next;
    }
    if (members.length > 0) members.push(index);
    return members;
  }
}
