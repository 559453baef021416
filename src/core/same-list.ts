/** Whether two lists hold equal items in the same order, by `same` (by default the same value). */
export function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = Object.is): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let at = 0; at < a.length; at++) if (!same(a[at] as T, b[at] as T)) return false;
  return true;
}
