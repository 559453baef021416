/**
 * The panel's one store: signals fed through `applyEvent`, read only by the root component.
 * It holds plain observations and grades them incrementally (IncrementalGrader): a batch of new
 * requests re-grades only the cookies it touches, so the grades follow each batch at once however
 * long the trace is. What is not an append (a mark, a secret check) grades the whole trace again;
 * dropping the oldest past the cap grades the kept ones again in slices, in the background. Exchanges are kept in time order among those not graded yet;
 * one that finishes after a later-started one was graded (concurrent requests) goes after it, in
 * the order the responses came back, rather than grading everything again.
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { UserMark } from '../../detect/detect-session-cookie.js';
import type { TraceGrade } from '../../grade/grade-observations.js';
import { IncrementalGrader } from '../../grade/incremental-grader.js';
import type { CookieInventory } from '../../inventory/cookie-inventory.js';
import type { SecretMatch } from '../../secrets/known-secret-check.js';
import type { Observation } from '../../observation/observation.js';
import type { Reading } from '../../observation/readings.js';
import { DEFAULT_MAX_OBSERVATIONS, dropOldest } from './kept-exchanges.js';
import { siteOfUrl } from '../../core/site.js';
import { slimObservation } from './slim-observation.js';

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
  readonly inventory: Signal<CookieInventory>;
  readonly trace: Signal<TraceGrade>;
  readonly site: ReadonlySignal<string | null>;
  /** The grader, and the safety net's state (not shown anywhere). */
  readonly grading: {
    grader: IncrementalGrader;
    timer: ReturnType<typeof setTimeout> | null;
    /** What the last few gradings cost, most recent last. */
    recentMilliseconds: number[];
    /** How many of the grader's oldest exchanges the store has dropped since (past the cap). */
    droppedSinceGraded: number;
    /** A grader of the kept exchanges being built in slices, to take over once it has them all. */
    rebuild: Rebuild | null;
  };
}

/** A grader of the kept exchanges being built in slices (see REBUILD_SLICE). */
interface Rebuild {
  readonly grader: IncrementalGrader;
  /** How many of the store's exchanges, from the first, it has taken. */
  fed: number;
  /** How many of its oldest exchanges the store dropped while it was being built. */
  dropped: number;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * The safety net: when every one of the last few gradings took longer than this, the next batches
 * wait and are graded together (at most MAX_GRADING_DELAY_MILLISECONDS later), so a burst of
 * requests on a trace where even incremental grading is dear never keeps DevTools busy batch after
 * batch. Incremental grading takes a couple of milliseconds a batch; a collection pause can make
 * one batch take 50 to 100 ms, and when a single such batch held the next one back (by four times
 * its cost), a card now and then came 400 ms late at 5,000 entries. So one dear batch is a pause,
 * not a cost: only a cost that lasts defers.
 */
const IMMEDIATE_GRADING_MILLISECONDS = 50;
const MAX_GRADING_DELAY_MILLISECONDS = 2000;
const COSTS_KEPT = 3;

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
  const grader = new IncrementalGrader();
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
    inventory: signal(grader.inventory),
    trace: signal(grader.trace),
    site: computed(() => (pageUrl.value === null ? null : siteOfUrl(pageUrl.value))),
    grading: { grader, timer: null, recentMilliseconds: [], droppedSinceGraded: 0, rebuild: null },
  };
}

function publish(store: SessionsStore): void {
  const { grader } = store.grading;
  store.gradedObservations.value = store.observations.peek();
  store.inventory.value = grader.inventory;
  store.trace.value = grader.trace;
}

/**
 * Grades the whole trace again, with the current marks, secrets and readings. It peeks at the
 * signals: called from an effect (marks loaded for a site), it must not make them its dependencies.
 */
function regradeAll(store: SessionsStore): void {
  cancelPendingGrading(store);
  cancelRebuild(store);
  const grader = freshGrader(store);
  grader.append(store.observations.peek());
  grader.addReadings(store.readings.peek());
  store.grading.grader = grader;
  store.grading.droppedSinceGraded = 0;
  publish(store);
}

function freshGrader(store: SessionsStore): IncrementalGrader {
  return new IncrementalGrader({ userMarks: store.marks.peek(), secretMatches: store.secretMatches.peek(), site: store.site.peek() });
}

/**
 * Exchanges a rebuilding grader takes per task. Past the cap the kept exchanges are graded again
 * by a new grader, a slice per task from the task after the drop, while the current one goes on
 * taking new batches: dropping the oldest tenth never costs one long task (in the bench the loop
 * was blocked 368 ms at once, 19 ms at most in slices; in the panel, where grading runs two to
 * three times slower than in Node, a slice of 250 took 70 to 100 ms).
 */
const REBUILD_SLICE = 100;

function startRebuild(store: SessionsStore): void {
  cancelRebuild(store);
  const rebuild: Rebuild = { grader: freshGrader(store), fed: 0, dropped: 0, timer: null };
  store.grading.rebuild = rebuild;
  rebuild.timer = setTimeout(() => continueRebuild(store), 0);
}

/**
 * The store dropped `count` more of its oldest exchanges: a rebuild starts. One under way goes on (starting
 * again at every drop, one that needs more tasks than there are between two drops would never
 * end, and the current grader would hold every exchange dropped meanwhile): what it had taken of
 * them counts as dropped from its front, and once it takes over, another rebuild sheds them.
 */
function rebuildAfterDropping(store: SessionsStore, count: number): void {
  const { rebuild } = store.grading;
  if (rebuild === null || rebuild.fed <= count) {
    startRebuild(store);
    return;
  }
  rebuild.fed -= count;
  rebuild.dropped += count;
}

function continueRebuild(store: SessionsStore): void {
  const { rebuild } = store.grading;
  if (rebuild === null) return;
  rebuild.timer = null;
  const current = store.observations.peek();
  const slice = current.slice(rebuild.fed, rebuild.fed + REBUILD_SLICE);
  rebuild.grader.append(slice);
  rebuild.fed += slice.length;
  if (rebuild.fed < current.length) {
    rebuild.timer = setTimeout(() => continueRebuild(store), 0);
    return;
  }
  // It has every kept exchange: it takes over, with the readings, as a whole re-grade would.
  rebuild.grader.addReadings(store.readings.peek());
  store.grading.grader = rebuild.grader;
  store.grading.droppedSinceGraded = rebuild.dropped;
  store.grading.rebuild = null;
  publish(store);
  if (rebuild.dropped > 0) startRebuild(store);
}

function cancelRebuild(store: SessionsStore): void {
  const { rebuild } = store.grading;
  if (rebuild?.timer) clearTimeout(rebuild.timer);
  store.grading.rebuild = null;
}

/** How many of the store's exchanges, from the first, the current grader has graded. */
function gradedCount(store: SessionsStore): number {
  return Math.max(0, store.grading.grader.inventory.observations.length - store.grading.droppedSinceGraded);
}

function cancelPendingGrading(store: SessionsStore): void {
  if (store.grading.timer !== null) clearTimeout(store.grading.timer);
  store.grading.timer = null;
}

/** Grades new exchanges at once while that is cheap; otherwise a little later, several batches together. */
function scheduleGrading(store: SessionsStore): void {
  const { grading } = store;
  if (grading.timer !== null) return;
  // The cheapest of the last few: one pause (a collection) is not what grading costs.
  const cost = grading.recentMilliseconds.length < COSTS_KEPT ? 0 : Math.min(...grading.recentMilliseconds);
  if (cost < IMMEDIATE_GRADING_MILLISECONDS) {
    regradeAfterObserved(store);
    return;
  }
  grading.timer = setTimeout(() => {
    grading.timer = null;
    regradeAfterObserved(store);
  }, Math.min(MAX_GRADING_DELAY_MILLISECONDS, 4 * cost));
}

/** Grades what was appended since the grader last looked, or everything when the kept exchanges changed otherwise. */
function regradeAfterObserved(store: SessionsStore): void {
  const started = performance.now();
  const current = store.observations.peek();
  const graded = store.grading.grader.inventory.observations;
  // Exchanges are only ever inserted after the graded ones, and dropped from the front (counted in
  // droppedSinceGraded), so the graded part still ends where it did unless the trace was cleared.
  const kept = gradedCount(store);
  const dropped = store.grading.droppedSinceGraded;
  const appended = graded.length === 0 || (kept > 0 && current.length >= kept && current[0] === graded[dropped] && current[kept - 1] === graded[graded.length - 1]);
  if (appended) {
    store.grading.grader.append(current.slice(kept));
    publish(store);
  } else {
    regradeAll(store);
  }
  const costs = store.grading.recentMilliseconds;
  costs.push(performance.now() - started);
  if (costs.length > COSTS_KEPT) costs.shift();
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

export function applyEvent(store: SessionsStore, event: StoreEvent): void {
  switch (event.type) {
    case 'observed': {
      if (event.observations.length === 0) return;
      const previous = store.observations.value;
      const merged = mergeByTime(previous, event.observations.map(slimObservation), gradedCount(store));
      const dropped = dropOldest(merged, store.maxObservations);
      store.observations.value = merged;
      if (dropped > 0) {
        store.dropped.value += dropped;
        store.grading.droppedSinceGraded += dropped;
      }
      scheduleGrading(store);
      if (dropped > 0) rebuildAfterDropping(store, dropped);
      return;
    }
    case 'navigated': {
      // Navigation keeps the history: a login flow spans pages.
      store.pageUrl.value = event.url;
      const site = store.site.peek();
      store.grading.rebuild?.grader.setSite(site);
      store.grading.grader.setSite(site);
      publish(store);
      return;
    }
    case 'cleared':
      store.observations.value = [];
      store.readings.value = [];
      store.dropped.value = 0;
      store.grading.recentMilliseconds = [];
      regradeAll(store);
      return;
    case 'read': {
      // A script reading that says what the last one said adds nothing (one per navigation).
      const kept = store.readings.value;
      const last = kept[kept.length - 1];
      if (event.reading.kind === 'script' && last?.kind === 'script' && sameCookies(last, event.reading)) return;
      store.readings.value = [...kept, event.reading];
      store.grading.grader.addReadings([event.reading]);
      publish(store);
      return;
    }
    case 'secrets-checked':
      if (event.matches.size !== store.secretMatches.value.size) {
        store.secretMatches.value = new Map(event.matches);
        regradeAll(store);
      }
      return;
    case 'marks-loaded':
      store.marks.value = event.marks;
      regradeAll(store);
      return;
    case 'marked': {
      const marks = new Map(store.marks.value);
      if (event.mark === null) marks.delete(event.name);
      else marks.set(event.name, event.mark);
      store.marks.value = marks;
      regradeAll(store);
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
