/** Letters of rubric section 3, best first. */
export const LETTERS = ['A+', 'A', 'B', 'C', 'D', 'F'] as const;
export type Letter = (typeof LETTERS)[number];
/** A session cookie seen only in requests, with no finding that caps it, has no letter yet (rubric 2.3). */
export type CookieLetter = Letter | 'unknown';

/** A cap never grants A+, so caps are A to F. */
export type CapLetter = Exclude<Letter, 'A+'>;

/** The letter for a score (rubric section 3 table; A+ needs its conditions on top of 100). */
export function letterForScore(score: number): Exclude<Letter, 'A+'> {
  if (score >= 85) return 'A';
  if (score >= 70) return 'B';
  if (score >= 55) return 'C';
  if (score >= 30) return 'D';
  return 'F';
}

/** True when `a` is a worse letter than `b`. */
export function isWorse(a: Letter, b: Letter): boolean {
  return LETTERS.indexOf(a) > LETTERS.indexOf(b);
}

export function worstLetter<T extends Letter>(letters: readonly T[]): T | null {
  let worst: T | null = null;
  for (const letter of letters) if (worst === null || isWorse(letter, worst)) worst = letter;
  return worst;
}
