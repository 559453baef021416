/** What the letters, scores and caps mean (rubric section 3), from the same table as docs/rubric.md. */
import { LETTER_THRESHOLDS } from '../../report/rubric-doc.js';

export function LetterLegend() {
  return (
    <details class="legend">
      <summary>What the letters mean</summary>
      <p>Each session cookie starts at 100 points; findings deduct points. The score gives the letter:</p>
      <dl>
        {LETTER_THRESHOLDS.map(([letter, score]) => (
          <div key={letter}>
            <dt>{letter}</dt>
            <dd>{score}</dd>
          </div>
        ))}
      </dl>
      <p>
        Some findings also <em>cap</em> the letter: “caps the letter at D” means D or worse whatever the score. The lowest cap wins; a cookie a
        browser drops is capped at F. The site grade is the worst letter among the site's session cookies.
      </p>
    </details>
  );
}
