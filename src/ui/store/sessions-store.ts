/**
 * The panel's one store, as preact-devtools keeps its: signals, and the actions that change them
 * through `applyEvent`; only the root component reads it. It keeps plain observations (in time
 * order among those not graded yet: one that finishes after a later-started one was graded goes
 * after it, rather than grading everything again) and the readings, marks and secrets found; when
 * to grade them is the grading schedule's (grading-schedule.ts), which publishes each new grade.
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { siteOfUrl } from '../../core/site.js';
import type { UserMark } from '../../detect/detect-session-cookie.js';
import type { TraceGrade } from '../../grade/grade-observations.js';
import type { CookieInventory } from '../../inventory/cookie-inventory.js';
import type { Observation } from '../../observation/observation.js';
import type { Reading } from '../../observation/readings.js';
import type { SecretVerdict } from '../../secrets/known-secret-check.js';
import { GradingSchedule, SYSTEM_CLOCK, type Clock } from './grading-schedule.js';
import { DEFAULT_MAX_OBSERVATIONS, dropOldest } from './kept-exchanges.js';
import { createPanelCaches, type PanelCaches } from './panel-caches.js';
import { slimObservation } from './slim-observation.js';

export type Theme = 'light' | 'dark';

export interface SessionsStore {
  /** Every kept exchange, updated as soon as a batch arrives. */
  readonly observations: Signal<readonly Observation[]>;
  /** Exchanges dropped because more than `maxObservations` were recorded. */
  readonly dropped: Signal<number>;
  /** URL of the inspected page, once known. */
  readonly pageUrl: Signal<string | null>;
  /** The user's session / not-session marks for the inspected site, by cookie name (a Map: any name is just a name). */
  readonly marks: Signal<ReadonlyMap<string, UserMark>>;
  /** Store readings (on the user's click) and script readings (at each navigation), in order. */
  readonly readings: Signal<readonly Reading[]>;
  readonly revealValues: Signal<boolean>;
  /** The hosts whose requests are captured exactly (webRequest), as the user granted them. */
  readonly exactHosts: Signal<ReadonlySet<string>>;
  /** Whether the browser delivers webRequest events (until then, granted hosts are read from DevTools' log). */
  readonly exactLive: Signal<boolean>;
  /** Logins and logouts recorded without their Cookie header because it could not be confirmed. */
  readonly unconfirmed: Signal<readonly UnconfirmedExchange[]>;
  readonly filter: Signal<string>;
  readonly theme: Signal<Theme>;
  readonly maxObservations: number;
  /** Values whose signature verified with a known secret (found off the render path, rubric 8). */
  readonly secretMatches: Signal<ReadonlyMap<string, SecretVerdict>>;
  /** Every cookie the graded exchanges and readings show (published with each grade). */
  readonly inventory: Signal<CookieInventory>;
  /** The grade of the trace (published with each grade). */
  readonly trace: Signal<TraceGrade>;
  /** The inspected site: the registrable domain of the inspected page. */
  readonly site: ReadonlySignal<string | null>;
  /** How many exchanges the grade rests on (at most a little behind `observations`). */
  readonly gradedCount: ReadonlySignal<number>;
}

/**
 * A login or logout the panel had to take without its Cookie header: DevTools reported it without
 * one and had cleared its log (a navigation) before the panel could read it again.
 */
export interface UnconfirmedExchange {
  readonly method: string;
  readonly url: string;
  readonly time: number;
}

export type StoreEvent =
  | { readonly type: 'observed'; readonly observations: readonly Observation[] }
  | { readonly type: 'navigated'; readonly url: string }
  | { readonly type: 'cleared' }
  | { readonly type: 'read'; readonly reading: Reading }
  | { readonly type: 'secrets-checked'; readonly matches: ReadonlyMap<string, SecretVerdict> }
  | { readonly type: 'marks-loaded'; readonly marks: ReadonlyMap<string, UserMark> }
  | { readonly type: 'marked'; readonly name: string; readonly mark: UserMark | null }
  | { readonly type: 'values-revealed'; readonly reveal: boolean }
  | { readonly type: 'exact-capture-started'; readonly host: string }
  | { readonly type: 'exact-capture-live' }
  | { readonly type: 'unconfirmed'; readonly exchange: UnconfirmedExchange }
  | { readonly type: 'filtered'; readonly text: string }
  | { readonly type: 'theme-changed'; readonly theme: Theme };

/** What each store's actions use besides its signals: its grading schedule and the panel's caches. */
const internals = new WeakMap<SessionsStore, { readonly schedule: GradingSchedule; readonly caches: PanelCaches }>();

export interface StoreOptions {
  readonly maxObservations?: number;
  /** What grading measures its cost and schedules its tasks with (tests give a fake one). */
  readonly clock?: Clock;
  /** The panel's caches (its composition root owns them); by default the store's own. */
  readonly caches?: PanelCaches;
}

export function createSessionsStore(options: StoreOptions = {}): SessionsStore {
  const observations = signal<readonly Observation[]>([]);
  const readings = signal<readonly Reading[]>([]);
  const marks = signal<ReadonlyMap<string, UserMark>>(new Map());
  const secretMatches = signal<ReadonlyMap<string, SecretVerdict>>(new Map());
  const pageUrl = signal<string | null>(null);
  const site = computed(() => (pageUrl.value === null ? null : siteOfUrl(pageUrl.value)));
  // Grading peeks at the signals: it runs from effects too, which must not depend on them.
  const schedule = new GradingSchedule(
    {
      observations: () => observations.peek(),
      readings: () => readings.peek(),
      options: () => ({ userMarks: marks.peek(), secretMatches: secretMatches.peek(), site: site.peek() }),
    },
    (grader) => {
      inventory.value = grader.inventory;
      trace.value = grader.trace;
    },
    options.clock ?? SYSTEM_CLOCK,
  );
  const inventory = signal(schedule.grader.inventory);
  const trace = signal(schedule.grader.trace);
  const store: SessionsStore = {
    observations,
    dropped: signal(0),
    pageUrl,
    marks,
    readings,
    revealValues: signal(false),
    exactHosts: signal<ReadonlySet<string>>(new Set()),
    exactLive: signal(false),
    unconfirmed: signal<readonly UnconfirmedExchange[]>([]),
    filter: signal(''),
    theme: signal<Theme>('light'),
    maxObservations: options.maxObservations ?? DEFAULT_MAX_OBSERVATIONS,
    secretMatches,
    inventory,
    trace,
    site,
    gradedCount: computed(() => inventory.value.observations.length),
  };
  internals.set(store, { schedule, caches: options.caches ?? createPanelCaches() });
  return store;
}

/** Inserts in time order, but never before the first `floor` exchanges (those already graded). */
function mergeByTime(kept: readonly Observation[], incoming: readonly Observation[], floor: number): Observation[] {
  const merged = [...kept];
  for (const observation of incoming) {
    let index = merged.length;
    while (index > floor && (merged[index - 1] as Observation).time > observation.time) index--;
    merged.splice(index, 0, observation);
  }
  return merged;
}

function sameCookies(a: Reading, b: Reading): boolean {
  return (
    a.url === b.url &&
    a.cookies.length === b.cookies.length &&
    a.cookies.every((cookie, index) => cookie.name === b.cookies[index]?.name && cookie.value === b.cookies[index]?.value)
  );
}

export function applyEvent(store: SessionsStore, event: StoreEvent): void {
  const { schedule, caches } = internals.get(store) as { readonly schedule: GradingSchedule; readonly caches: PanelCaches };
  switch (event.type) {
    case 'observed': {
      if (event.observations.length === 0) return;
      const merged = mergeByTime(
        store.observations.value,
        event.observations.map((observation) => slimObservation(observation, caches.headers)),
        schedule.gradedCount(),
      );
      const dropped = dropOldest(merged, store.maxObservations);
      store.observations.value = merged;
      if (dropped > 0) store.dropped.value += dropped;
      schedule.observed(dropped);
      return;
    }
    case 'navigated':
      // Navigation keeps the history: a login flow spans pages.
      store.pageUrl.value = event.url;
      schedule.siteChanged(store.site.peek());
      return;
    case 'cleared':
      store.observations.value = [];
      store.readings.value = [];
      store.dropped.value = 0;
      store.unconfirmed.value = [];
      schedule.cleared();
      return;
    case 'read': {
      // A script reading that says what the last one said adds nothing (one per navigation).
      const kept = store.readings.value;
      const last = kept[kept.length - 1];
      if (event.reading.kind === 'script' && last?.kind === 'script' && sameCookies(last, event.reading)) return;
      store.readings.value = [...kept, event.reading];
      schedule.read(event.reading);
      return;
    }
    case 'secrets-checked':
      if (event.matches.size !== store.secretMatches.value.size) {
        store.secretMatches.value = new Map(event.matches);
        schedule.regradeAll();
      }
      return;
    case 'marks-loaded':
      store.marks.value = event.marks;
      schedule.regradeAll();
      return;
    case 'marked': {
      const marks = new Map(store.marks.value);
      if (event.mark === null) marks.delete(event.name);
      else marks.set(event.name, event.mark);
      store.marks.value = marks;
      schedule.regradeAll();
      return;
    }
    case 'values-revealed':
      store.revealValues.value = event.reveal;
      return;
    case 'exact-capture-live':
      store.exactLive.value = true;
      return;
    case 'exact-capture-started':
      if (!store.exactHosts.value.has(event.host)) store.exactHosts.value = new Set([...store.exactHosts.value, event.host]);
      return;
    case 'unconfirmed':
      store.unconfirmed.value = [...store.unconfirmed.value, event.exchange];
      return;
    case 'filtered':
      store.filter.value = event.text;
      return;
    case 'theme-changed':
      store.theme.value = event.theme;
      return;
  }
}
