/**
 * Rubric section 5 for one session cookie: the trace rules' findings, whether a login rotated the
 * id (the `rotated-on-login` note that unlocks A+), and the cookie's timeline.
 */
import type { Framework } from '../detect/framework.js';
import type { Finding, Note } from '../core/finding.js';
import { adviceFor } from '../rules/fix-advice.js';
import { idInUrl } from './rules/id-in-url.js';
import { logoutNotCleared } from './rules/logout-not-cleared.js';
import { loginOutcomes, noRotationOnLogin, type CarriedLogins } from './rules/no-rotation-on-login.js';
import { sentOverHttp } from './rules/sent-over-http.js';
import type { CookieIdentity } from '../core/cookie-identity.js';
import type { Issuance, Sending } from '../inventory/cookie-inventory.js';
import type { Observation } from '../observation/observation.js';
import type { IdOccurrences } from './id-occurrences.js';
import { UrlTallyBuilder, type UrlTally } from '../core/url-tally.js';
import type { SetEffect, TraceRule, TraceSoFar, TraceStep } from './trace-rule.js';

/** The rules of rubric section 5, in the table's order. */
export const TRACE_RULES: readonly TraceRule[] = [idInUrl, sentOverHttp, noRotationOnLogin, logoutNotCleared];

export type TimelineEventType = 'set' | 'sent' | 'refreshed' | 'rotated' | 'cleared';

export interface TimelineEvent {
  readonly type: TimelineEventType;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly time: number;
  /** For `sent`: how many requests in a row carried the cookie (this one is the first). */
  readonly count: number;
}

export interface TraceAnalysis {
  readonly findings: readonly Finding[];
  readonly rotatedOnLogin: boolean;
  readonly timeline: readonly TimelineEvent[];
}

export const ROTATED_ON_LOGIN: Note = {
  id: 'rotated-on-login',
  message: 'The session id changed at login: a planted id is useless (no session fixation).',
};

/** What the fold needs of a cookie's inventory record. */
export interface TracedRecord {
  readonly identity: CookieIdentity;
  readonly issuances: readonly Issuance[];
  readonly sent: readonly Sending[];
  readonly ids: readonly string[];
  readonly pastVersion: number;
}

/**
 * One session cookie across the trace (rubric section 5), folded over the exchanges that carried
 * or set it: the trace rules' states, the timeline (set / refreshed, the same value again /
 * rotated, a new value / cleared, and runs of sends) and the URLs of the requests that carried
 * it. `update` catches up with the record, so the incremental grader pays for each exchange once;
 * it starts again when the record's past changed (its `pastVersion` grew). Where its ids
 * sit in the trace's URLs comes from the trace's one search (IdOccurrences). The whole-trace
 * grade folds the same way, in one go.
 *
 * What it hands out (the analysis, its timeline, the tally of URLs) is a value: it never changes
 * afterwards, however the trace grows.
 */
export class CookieTraceFold {
  #analysing = false;
  #firstObservation: Observation | undefined;
  #pastVersion = -1;
  #sentSeen = 0;
  #issuancesSeen = 0;
  #states: unknown[] = [];
  #setAt = new Map<number, SetEffect>();
  #lastCarriedAt = new Map<string, number>();
  #timeline: TimelineEvent[] = [];
  /** The copy of the timeline `analysis()` last handed out, or null when the timeline changed since. */
  #timelineShown: readonly TimelineEvent[] | null = null;
  #current: string | undefined;
  #sentBy = new UrlTallyBuilder();
  #soFar: TraceSoFar | null = null;

  /** The URLs of the requests that carried the cookie (one per sending). */
  get sentByUrls(): UrlTally {
    return this.#sentBy.snapshot();
  }

  /**
   * Catches up with the record. Without `occurrences` (a cookie that is no session cookie) only
   * the URLs that sent it are followed; the rules and the timeline start when it becomes one.
   */
  update(observations: readonly Observation[], record: TracedRecord, occurrences: IdOccurrences | null): void {
    if (occurrences === null) {
      this.#followSends(observations, record);
      return;
    }
    if (!this.#analysing || observations[0] !== this.#firstObservation || this.#sentSeen > record.sent.length || record.pastVersion !== this.#pastVersion) {
      this.#startAgain(observations, record.pastVersion, record);
    }
    const { sent, issuances } = record;
    // The exchanges that carried or set it, in trace order: the two lists merged.
    while (this.#sentSeen < sent.length || this.#issuancesSeen < issuances.length) {
      const nextSent = this.#sentSeen < sent.length ? (sent[this.#sentSeen] as Sending).index : Infinity;
      const nextSet = this.#issuancesSeen < issuances.length ? (issuances[this.#issuancesSeen] as Issuance).index : Infinity;
      const index = Math.min(nextSent, nextSet);
      const observation = observations[index] as Observation;
      let carried: string | undefined;
      for (; this.#sentSeen < sent.length && (sent[this.#sentSeen] as Sending).index === index; this.#sentSeen++) {
        carried ??= (sent[this.#sentSeen] as Sending).value;
        this.#sentBy.add(observation.url);
      }
      let set: SetEffect | undefined;
      for (; this.#issuancesSeen < issuances.length && (issuances[this.#issuancesSeen] as Issuance).index === index; this.#issuancesSeen++) {
        const issuance = issuances[this.#issuancesSeen] as Issuance;
        set = { value: issuance.cookie.value, deletion: issuance.deletion };
      }
      if (carried !== undefined) this.#lastCarriedAt.set(carried, index);
      if (set !== undefined) this.#setAt.set(index, set);
      const step: TraceStep = { index, observation, carried, set };
      TRACE_RULES.forEach((rule, at) => rule.step(this.#states[at], step));
      this.#extendTimeline(step);
    }
    this.#soFar = {
      identity: record.identity,
      observations,
      setAt: (index) => this.#setAt.get(index),
      lastCarriedAt: (value) => this.#lastCarriedAt.get(value) ?? -1,
      idPlaces: occurrences.placesOf(record.ids, record.identity.name.toLowerCase() === 'jsessionid'),
    };
  }

  /** The rules' findings, the rotated-on-login fact and the timeline, as the trace stands. */
  analysis(framework: Framework): TraceAnalysis {
    const soFar = this.#soFar;
    if (soFar === null) throw new Error('CookieTraceFold.analysis() before update()');
    const findings: Finding[] = [];
    TRACE_RULES.forEach((rule, at) => {
      const message = rule.explain(this.#states[at], soFar);
      if (message !== null) findings.push({ id: rule.id, deduction: rule.deduction, cap: rule.cap, message, fix: adviceFor(rule.fix, framework) });
    });
    const outcomes = loginOutcomes(this.#states[TRACE_RULES.indexOf(noRotationOnLogin)] as CarriedLogins, soFar);
    this.#timelineShown ??= Object.freeze(this.#timeline.slice());
    return {
      findings,
      rotatedOnLogin: outcomes.length > 0 && outcomes.every((outcome) => outcome === 'rotated'),
      timeline: this.#timelineShown,
    };
  }

  /** The URLs of the requests that sent it, with no rules: a cookie that is not a session cookie. */
  #followSends(observations: readonly Observation[], { sent, pastVersion }: TracedRecord): void {
    if (this.#analysing || pastVersion !== this.#pastVersion || observations[0] !== this.#firstObservation || this.#sentSeen > sent.length) {
      this.#startAgain(observations, pastVersion, null);
    }
    for (; this.#sentSeen < sent.length; this.#sentSeen++) this.#sentBy.add((observations[(sent[this.#sentSeen] as Sending).index] as Observation).url);
    this.#soFar = null;
  }

  /** Forgets everything folded; with `analysed`, the rules start on that record, else only its sends are followed. */
  #startAgain(observations: readonly Observation[], pastVersion: number, analysed: TracedRecord | null): void {
    this.#analysing = analysed !== null;
    this.#firstObservation = observations[0];
    this.#pastVersion = pastVersion;
    this.#sentSeen = this.#issuancesSeen = 0;
    this.#states = analysed === null ? [] : TRACE_RULES.map((rule) => rule.start(analysed));
    this.#setAt = new Map();
    this.#lastCarriedAt = new Map();
    this.#timeline = [];
    this.#timelineShown = null;
    this.#current = undefined;
    this.#sentBy = new UrlTallyBuilder();
  }

  #extendTimeline({ observation, carried, set }: TraceStep): void {
    if (carried === undefined && set === undefined) return;
    const event = (type: TimelineEventType): TimelineEvent => ({
      type,
      method: observation.method,
      url: observation.url,
      status: observation.status,
      time: observation.time,
      count: 1,
    });
    const events = this.#timeline;
    const shown = this.#timelineShown;
    this.#timelineShown = null;
    // The request goes out before its response comes back: a send comes before a set.
    if (carried !== undefined) {
      const last = events[events.length - 1];
      // A run of sends grows: in place while no analysis handed the event out, else as a new event.
      if (last?.type === 'sent' && shown === null) (last as { count: number }).count++;
      else if (last?.type === 'sent') events[events.length - 1] = { ...last, count: last.count + 1 };
      else events.push(event('sent'));
    }
    if (set === undefined) return;
    if (set.deletion) {
      events.push(event('cleared'));
      this.#current = undefined;
      return;
    }
    events.push(event(this.#current === undefined ? 'set' : set.value === this.#current ? 'refreshed' : 'rotated'));
    this.#current = set.value;
  }
}
