import { describe, expect, it } from 'vitest';
import type { CapLetter } from '../core/letter.js';
import type { Finding } from '../core/finding.js';
import { scoreAndLetter } from './score.js';

const finding = (deduction: number, cap: CapLetter | null = null): Finding => ({ id: `f${deduction}`, deduction, cap, message: '', fix: {} });

describe('scoreAndLetter: the letter table of rubric section 3', () => {
  it.each([
    [[], true, 100, 'A+'],
    [[], false, 100, 'A'],
    [[15], false, 85, 'A'],
    [[16], false, 84, 'B'],
    [[30], false, 70, 'B'],
    [[31], false, 69, 'C'],
    [[45], false, 55, 'C'],
    [[46], false, 54, 'D'],
    [[70], false, 30, 'D'],
    [[71], false, 29, 'F'],
  ] as const)('deductions %j (A+ conditions %s) give %i, %s', (deductions, aPlus, score, grade) => {
    expect(
      scoreAndLetter(
        deductions.map((d) => finding(d)),
        aPlus,
      ),
    ).toEqual({ score, grade });
  });

  it('never goes below 0', () => {
    expect(scoreAndLetter([finding(40), finding(40), finding(40)], false)).toEqual({ score: 0, grade: 'F' });
  });

  it('does not give A+ below 100 even when the conditions hold', () => {
    expect(scoreAndLetter([finding(2)], true).grade).toBe('A');
  });
});

describe('scoreAndLetter: caps', () => {
  it.each(['B', 'C', 'D', 'F'] as const)('a %s cap lowers a better letter to it', (cap) => {
    expect(scoreAndLetter([finding(0, cap)], true)).toEqual({ score: 100, grade: cap });
  });

  it('an A cap lowers A+ to A', () => {
    expect(scoreAndLetter([finding(0, 'A')], true).grade).toBe('A');
  });

  it('a cap never raises a worse letter', () => {
    expect(scoreAndLetter([finding(75, 'D')], false)).toEqual({ score: 25, grade: 'F' });
  });

  it('the lowest of several caps wins', () => {
    expect(scoreAndLetter([finding(0, 'B'), finding(0, 'F'), finding(0, 'C')], false).grade).toBe('F');
  });
});
