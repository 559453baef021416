import type { CapLetter } from './letter.js';

/** A rule that fired for one cookie, with what it costs and how to fix it. */
export interface Finding {
  readonly id: string;
  readonly deduction: number;
  readonly cap: CapLetter | null;
  /** One line, never the cookie's value. */
  readonly message: string;
  /** Fix advice keyed by framework: express-session always, plus the recognised one. */
  readonly fix: Readonly<Record<string, string>>;
}

/** Something worth knowing that costs nothing (rubric section 4, "Notes with no deduction"). */
export interface Note {
  readonly id: string;
  readonly message: string;
}
