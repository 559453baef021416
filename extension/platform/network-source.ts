import type { Observation } from '../../src/observation/observation.js';

/** Where the panel's observations come from: the inspected tab's network traffic. */
export interface NetworkSource {
  /** Exchanges recorded before the panel opened (DevTools keeps the current page's). */
  readHistory(): Promise<Observation[]>;
  /** The URL of the inspected page, if it can be told from what DevTools recorded. */
  readPageUrl(): Promise<string | null>;
  /** Calls back with finished exchanges, in batches. Returns a function that stops it. */
  onObservations(callback: (observations: Observation[]) => void): () => void;
  /**
   * Calls back with each login or logout that was passed on without its Cookie header because it
   * could not be confirmed (DevTools' log no longer held it, or reading it took too long), so the
   * panel can say so. Absent where nothing can go unconfirmed. Returns a function that stops it.
   */
  onUnconfirmed?(callback: (observation: Observation) => void): () => void;
  /** Calls back when the inspected tab navigates. Returns a function that stops it. */
  onNavigated(callback: (url: string) => void): () => void;
}
