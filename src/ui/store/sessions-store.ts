/**
 * The panel's one store: signals fed through `applyEvent`, read only by the root component.
 * It holds plain observations; grading is derived from them (and cached), so ingest stays cheap
 * however fast requests arrive, and re-grading is paced by what it costs (scheduleGrading).
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { UserMark } from '../../detect/detect-session-cookie.js';
import { gradeInventory, type TraceGrade } from '../../grade/grade-observations.js';
import { buildCookieInventory, type CookieInventory } from '../../inventory/cookie-inventory.js';
import type { SecretMatch } from '../../secrets/known-secret-check.js';
import type { Observation } from '../../observation/observation.js';
import type { Reading } from '../../observation/readings.js';
import { siteOfUrl } from './site-of.js';
import { slimObservation } from './slim-observation.js';

/** How many exchanges the panel keeps; older ones are dropped (and the panel says how many). */
export const DEFAULT_MAX_OBSERVATIONS = 10_000;

export type Theme = 'light' | 'dark';

export interface SessionsStore {
  /** Every kept exchange, updated as soon as a batch arrives. */
  readonly observations: Signal<readonly Observation[]>;
  /** The exchanges the grades are computed from: `observations`, at most a little behind it. */
  readonly gradedObservations: Signal<readonly Observation[]>;
  /** Exchanges dropped because more than `maxObservations` were recorded. */
  readonly dropped: Signal<number>;
  /** URL of the inspected page, once known. */
  readonly pageUrl: Signal<string | null>;
  /** The user's session / not-session marks for the inspected site, by cookie name (a Map: any name is just a name). */
  readonly marks: Signal<ReadonlyMap<string, UserMark>>;
  /** Store readings (on the user's click) and script readings (at each navigation), in order. */
  readonly readings: Signal<readonly Reading[]>;
  readonly revealValues: Signal<boolean>;
  readonly filter: Signal<string>;
  readonly theme: Signal<Theme>;
  readonly maxObservations: number;
  /** Values whose signature verified with a known secret (found off the render path, rubric 8). */
  readonly secretMatches: Signal<ReadonlyMap<string, SecretMatch>>;
  /** Every cookie the graded exchanges and readings show. */
  readonly inventory: ReadonlySignal<CookieInventory>;
  readonly trace: ReadonlySignal<TraceGrade>;
  readonly site: ReadonlySignal<string | null>;
  /** Throttling state of re-grading (not shown anywhere). */
  readonly grading: { timer: ReturnType<typeof setTimeout> | null; lastMilliseconds: number };
}

/** Re-grading cheaper than this happens at once; dearer re-grading waits, see scheduleGrading. */
const IMMEDIATE_GRADING_MILLISECONDS = 16;
/** However long grading takes, the grades catch up within this. */
const MAX_GRADING_DELAY_MILLISECONDS = 2000;

export type StoreEvent =
  | { readonly type: 'observed'; readonly observations: readonly Observation[] }
  | { readonly type: 'navigated'; readonly url: string }
  | { readonly type: 'cleared' }
  | { readonly type: 'read'; readonly reading: Reading }
  | { readonly type: 'secrets-checked'; readonly matches: ReadonlyMap<string, SecretMatch> }
  | { readonly type: 'marks-loaded'; readonly marks: ReadonlyMap<string, UserMark> }
  | { readonly type: 'marked'; readonly name: string; readonly mark: UserMark | null }
  | { readonly type: 'values-revealed'; readonly reveal: boolean }
  | { readonly type: 'filtered'; readonly text: string }
  | { readonly type: 'theme-changed'; readonly theme: Theme };

export function createSessionsStore(options: { readonly maxObservations?: number } = {}): SessionsStore {
  const observations = signal<readonly Observation[]>([]);
  const gradedObservations = signal<readonly Observation[]>([]);
  const marks = signal<ReadonlyMap<string, UserMark>>(new Map());
  const readings = signal<readonly Reading[]>([]);
  const pageUrl = signal<string | null>(null);
  const secretMatches = signal<ReadonlyMap<string, SecretMatch>>(new Map());
  const inventory = computed(() => buildCookieInventory(gradedObservations.value, readings.value));
  return {
    observations,
    gradedObservations,
    dropped: signal(0),
    pageUrl,
    marks,
    readings,
    revealValues: signal(false),
    filter: signal(''),
    theme: signal<Theme>('light'),
    maxObservations: options.maxObservations ?? DEFAULT_MAX_OBSERVATIONS,
    secretMatches,
    inventory,
    trace: computed(() => gradeInventory(inventory.value, { userMarks: marks.value, secretMatches: secretMatches.value })),
    site: computed(() => (pageUrl.value === null ? null : siteOfUrl(pageUrl.value))),
    grading: { timer: null, lastMilliseconds: 0 },
  };
}

function regradeNow(store: SessionsStore): void {
  store.grading.timer = null;
  const start = performance.now();
  store.gradedObservations.value = store.observations.value;
  void store.trace.value;
  store.grading.lastMilliseconds = performance.now() - start;
}

/**
 * Grades follow new exchanges at once while grading is cheap. When it is not (thousands of
 * exchanges, many session cookies), they follow at most every few grading-times, so a burst of
 * requests never keeps DevTools busy re-grading the whole trace for every batch.
 */
function scheduleGrading(store: SessionsStore): void {
  const { grading } = store;
  if (grading.timer !== null) return;
  if (grading.lastMilliseconds < IMMEDIATE_GRADING_MILLISECONDS) {
    regradeNow(store);
    return;
  }
  const delay = Math.min(MAX_GRADING_DELAY_MILLISECONDS, 4 * grading.lastMilliseconds);
  grading.timer = setTimeout(() => regradeNow(store), delay);
}

/** Inserts in time order: entries usually arrive in order, so this is an append. */
function mergeByTime(kept: readonly Observation[], incoming: readonly Observation[]): Observation[] {
  const merged = [...kept];
  for (const observation of incoming) {
    let index = merged.length;
    while (index > 0 && (merged[index - 1] as Observation).time > observation.time) index--;
    merged.splice(index, 0, observation);
  }
  return merged;
}

export function applyEvent(store: SessionsStore, event: StoreEvent): void {
  switch (event.type) {
    case 'observed': {
      if (event.observations.length === 0) return;
      const merged = mergeByTime(store.observations.value, event.observations.map(slimObservation));
      const excess = merged.length - store.maxObservations;
      if (excess > 0) {
        merged.splice(0, excess);
        store.dropped.value += excess;
      }
      store.observations.value = merged;
      scheduleGrading(store);
      return;
    }
    case 'navigated':
      // Navigation keeps the history: a login flow spans pages.
      store.pageUrl.value = event.url;
      return;
    case 'cleared':
      if (store.grading.timer !== null) clearTimeout(store.grading.timer);
      store.observations.value = [];
      store.readings.value = [];
      store.dropped.value = 0;
      regradeNow(store);
      return;
    case 'read': {
      // A script reading that says what the last one said adds nothing (one per navigation).
      const kept = store.readings.value;
      const last = kept[kept.length - 1];
      if (event.reading.kind === 'script' && last?.kind === 'script' && sameCookies(last, event.reading)) return;
      store.readings.value = [...kept, event.reading];
      return;
    }
    case 'secrets-checked':
      if (event.matches.size !== store.secretMatches.value.size) store.secretMatches.value = new Map(event.matches);
      return;
    case 'marks-loaded':
      store.marks.value = event.marks;
      return;
    case 'marked': {
      const marks = new Map(store.marks.value);
      if (event.mark === null) marks.delete(event.name);
      else marks.set(event.name, event.mark);
      store.marks.value = marks;
      return;
    }
    case 'values-revealed':
      store.revealValues.value = event.reveal;
      return;
    case 'filtered':
      store.filter.value = event.text;
      return;
    case 'theme-changed':
      store.theme.value = event.theme;
      return;
  }
}

function sameCookies(a: Reading, b: Reading): boolean {
  return a.url === b.url && a.cookies.length === b.cookies.length && a.cookies.every((cookie, index) => cookie.name === b.cookies[index]?.name && cookie.value === b.cookies[index]?.value);
}
