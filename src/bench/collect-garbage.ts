/** A full collection, for bench rows that measure from a collected heap (node --expose-gc, as `npm run bench` runs). */
export function collectGarbage(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with node --expose-gc (npm run bench does)');
  collect();
  collect();
}
