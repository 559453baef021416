/** What the letters, scores and caps mean (rubric section 3), from the same table as docs/rubric.md. */
import { LETTER_THRESHOLDS } from '../../report/rubric-doc.js';

/** Letter and the score it needs, one row each: on the rules page and in the panel's legend. */
export function LetterThresholds() {
  return (
    <table class="letter-thresholds">
      <thead>
        <tr>
          <th>letter</th>
          <th>score</th>
        </tr>
      </thead>
      <tbody>
        {LETTER_THRESHOLDS.map(([letter, score]) => (
          <tr key={letter}>
            <td>{letter}</td>
            <td>{score}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LetterLegend() {
  return (
    <details class="legend">
      <summary>What the letters mean</summary>
      <p>Each session cookie starts at 100 points; findings deduct points. The score gives the letter:</p>
      <LetterThresholds />
      <p>
        Some findings also <em>cap</em> the letter: “caps the letter at D” means D or worse whatever the score. The lowest cap wins; a cookie a browser drops is
        capped at F. The site grade is the worst letter among the site's session cookies.
      </p>
    </details>
  );
}
