/**
 * The rules page bundled with the extension: what every letter, finding and note means (the
 * same text as docs/rubric.md, from the same data), so the panel can link each finding id to it
 * with no network. Each finding has its id as the element id, for `rules.html#secure-missing`.
 */
import { EVERY_RULE } from '../../grade/every-rule.js';
import { NOTE_DOCS } from '../../grade/note-docs.js';
import { LetterThresholds } from './LetterLegend.js';
import { Prose } from './Prose.js';

export function RulesPage() {
  return (
    <main class="rules">
      <h1>The grading rules</h1>
      <p>
        Each graded session cookie starts at 100 points; each finding subtracts its deduction. Some findings also cap the letter: "caps the letter at D" means D
        or worse, whatever the score.
      </p>
      <LetterThresholds />
      <h2>Findings</h2>
      {EVERY_RULE.map((rule) => {
        const { doc } = rule;
        return (
          <section id={rule.id} key={rule.id} class="rule">
            <h3>{rule.id}</h3>
            <p>
              <Prose text={doc.when} />{' '}
              <em>
                ({rule.deduction > 0 ? `-${rule.deduction} points` : 'no deduction'}, {rule.cap === null ? 'no cap' : `caps the letter at ${rule.cap}`})
              </em>
            </p>
            <p>Why it matters: {doc.why}</p>
            <p>
              Fix (express-session): <Prose text={rule.fix['express-session']} />
            </p>
            <p class="sources">Sources: {doc.sources}</p>
          </section>
        );
      })}
      <h2>Notes</h2>
      <dl>
        {Object.entries(NOTE_DOCS).map(([id, meaning]) => (
          <div id={id} key={id}>
            <dt>{id}</dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </main>
  );
}
