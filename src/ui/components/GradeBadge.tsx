import type { CookieLetter } from '../../core/letter.js';
import type { SiteGrade } from '../../grade/grade-observations.js';

/** A letter in a coloured badge; `none` and ungraded cookies get a neutral one. */
export function GradeBadge({ grade, size = 'normal' }: { grade: SiteGrade | CookieLetter | null; size?: 'normal' | 'large' }) {
  const letter = grade === 'unknown' ? '?' : (grade ?? '-');
  const tone =
    grade === null || grade === 'none' || grade === 'unknown'
      ? 'none'
      : grade === 'A+' || grade === 'A'
        ? 'good'
        : grade === 'F' || grade === 'D'
          ? 'bad'
          : 'fair';
  return (
    <span class={`grade grade-${tone} grade-${size}`} aria-label={grade === null ? 'not graded' : grade === 'unknown' ? 'grade unknown' : `grade ${letter}`}>
      {letter}
    </span>
  );
}
