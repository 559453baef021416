/** `--explain <id>`: one finding or note, as docs/rubric.md has it (linked at `rulesUrl`, or the packaged page); an unknown id, null. */
import { ruleById } from '../grade/every-rule.js';
import { NOTE_DOCS } from '../grade/note-docs.js';
import { rulesDocUrl } from './rules-doc.js';

export function explain(id: string, rulesUrl: string | null = null): string | null {
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
      `  More: ${rulesDocUrl(rulesUrl)}#${id}`,
    ].join('\n');
  }
  if (Object.hasOwn(NOTE_DOCS, id)) return `${id} (a note: no deduction)\n  ${NOTE_DOCS[id]}`;
  return null;
}
