/** How many exchanges the panel keeps, and how it lets the oldest go (the store and the devtools page's recorder). */

/** How many exchanges the panel keeps; older ones are dropped (and the panel says how many). */
export const DEFAULT_MAX_OBSERVATIONS = 10_000;

/**
 * Past the cap the oldest tenth goes at once: dropping means grading the kept exchanges again (in
 * slices, see sessions-store.ts), so it happens once per that many new exchanges, not every batch.
 */
const DROP_FRACTION = 0.1;

/** Past `limit`, removes the oldest of `kept` in place (the excess and a tenth of `limit` more); returns how many. */
export function dropOldest(kept: unknown[], limit: number): number {
  if (kept.length <= limit) return 0;
  const excess = kept.length - limit + Math.floor(limit * DROP_FRACTION);
  kept.splice(0, excess);
  return excess;
}
