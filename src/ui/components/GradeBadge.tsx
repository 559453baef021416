import type { SiteGrade } from '../../grade/grade-observations.js';

/** A letter in a coloured badge; `none` and ungraded cookies get a neutral one. */
export function GradeBadge({ grade, size = 'normal' }: { grade: SiteGrade | null; size?: 'normal' | 'large' }) {
  const letter = grade ?? '-';
  const tone = grade === null || grade === 'none' ? 'none' : grade === 'A+' || grade === 'A' ? 'good' : grade === 'F' || grade === 'D' ? 'bad' : 'fair';
  return (
    <span class={`grade grade-${tone} grade-${size}`} aria-label={grade === null ? 'not graded' : `grade ${letter}`}>
      {letter}
    </span>
  );
}
