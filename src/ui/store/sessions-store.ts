/**
 * The panel's one store: signals fed through `applyEvent`, read only by the root component.
 * It holds plain observations; grading is derived from them on demand (and cached), so ingest
 * stays cheap however fast requests arrive.
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { UserMark } from '../../detect/detect-session-cookie.js';
import { gradeObservations, type TraceGrade } from '../../grade/grade-observations.js';
import type { Observation } from '../../observation/observation.js';
import { siteOfUrl } from './site-of.js';
import { slimObservation } from './slim-observation.js';

/** How many exchanges the panel keeps; older ones are dropped (and the panel says how many). */
export const DEFAULT_MAX_OBSERVATIONS = 10_000;

export type Theme = 'light' | 'dark';

export interface SessionsStore {
  readonly observations: Signal<readonly Observation[]>;
  /** Exchanges dropped because more than `maxObservations` were recorded. */
  readonly dropped: Signal<number>;
  /** URL of the inspected page, once known. */
  readonly pageUrl: Signal<string | null>;
  /** The user's session / not-session marks for the inspected site, by cookie name. */
  readonly marks: Signal<Readonly<Record<string, UserMark>>>;
  readonly revealValues: Signal<boolean>;
  readonly filter: Signal<string>;
  readonly theme: Signal<Theme>;
  readonly maxObservations: number;
  readonly trace: ReadonlySignal<TraceGrade>;
  readonly site: ReadonlySignal<string | null>;
}

export type StoreEvent =
  | { readonly type: 'observed'; readonly observations: readonly Observation[] }
  | { readonly type: 'navigated'; readonly url: string }
  | { readonly type: 'cleared' }
  | { readonly type: 'marks-loaded'; readonly marks: Readonly<Record<string, UserMark>> }
  | { readonly type: 'marked'; readonly name: string; readonly mark: UserMark | null }
  | { readonly type: 'values-revealed'; readonly reveal: boolean }
  | { readonly type: 'filtered'; readonly text: string }
  | { readonly type: 'theme-changed'; readonly theme: Theme };

export function createSessionsStore(options: { readonly maxObservations?: number } = {}): SessionsStore {
  const observations = signal<readonly Observation[]>([]);
  const marks = signal<Readonly<Record<string, UserMark>>>({});
  const pageUrl = signal<string | null>(null);
  return {
    observations,
    dropped: signal(0),
    pageUrl,
    marks,
    revealValues: signal(false),
    filter: signal(''),
    theme: signal<Theme>('light'),
    maxObservations: options.maxObservations ?? DEFAULT_MAX_OBSERVATIONS,
    trace: computed(() => gradeObservations(observations.value, { userMarks: marks.value })),
    site: computed(() => (pageUrl.value === null ? null : siteOfUrl(pageUrl.value))),
  };
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
      return;
    }
    case 'navigated':
      // Navigation keeps the history: a login flow spans pages.
      store.pageUrl.value = event.url;
      return;
    case 'cleared':
      store.observations.value = [];
      store.dropped.value = 0;
      return;
    case 'marks-loaded':
      store.marks.value = event.marks;
      return;
    case 'marked': {
      const { [event.name]: _previous, ...others } = store.marks.value;
      store.marks.value = event.mark === null ? others : { ...others, [event.name]: event.mark };
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
