/** `--explain <id>`: one finding or note, as docs/rubric.md has it; without an id known, null. */
import { ruleById } from '../grade/every-rule.js';
import { NOTE_DOCS } from '../grade/note-docs.js';
import { rulesDocUrl } from '../version.js';

export function explain(id: string): string | null {
  const rule = ruleById(id);
  if (rule !== undefined) {
    const { doc } = rule;
    const cost = [rule.deduction > 0 ? `-${rule.deduction} points` : 'no deduction', rule.cap === null ? 'no cap' : `caps the letter at ${rule.cap}`].join(', ');
    return [
      `${id} (${cost})`,
      `  When: ${doc.when}`,
      `  Why it matters: ${doc.why}`,
      `  Fix (express-session): ${rule.fix['express-session']}`,
      `  Sources: ${doc.sources}`,
      `  More: ${rulesDocUrl()}#${id}`,
    ].join('\n');
  }
  if (Object.hasOwn(NOTE_DOCS, id)) return `${id} (a note: no deduction)\n  ${NOTE_DOCS[id]}`;
  return null;
}
