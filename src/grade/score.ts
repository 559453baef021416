/**
 * Score and letter (rubric section 3): start at 100, subtract deductions (never below 0), take the
 * letter for the score, then let the lowest cap lower it. A+ needs 100 and every A+ condition.
 */
import { isWorse, letterForScore, type Letter } from '../core/letter.js';
import type { Finding } from '../core/finding.js';

export interface ScoreAndLetter {
  readonly score: number;
  readonly grade: Letter;
}

export function scoreAndLetter(findings: readonly Finding[], aPlusConditionsHold: boolean): ScoreAndLetter {
  const deductions = findings.reduce((sum, finding) => sum + finding.deduction, 0);
  const score = Math.max(0, 100 - deductions);
  let grade: Letter = score === 100 && aPlusConditionsHold ? 'A+' : letterForScore(score);
  for (const finding of findings) {
    if (finding.cap !== null && isWorse(finding.cap, grade)) grade = finding.cap;
  }
  return { score, grade };
}
