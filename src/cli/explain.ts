/** `--explain <id>`: one finding or note, as docs/rubric.md has it; without an id known, null. */
import { documentedRules } from '../report/rubric-doc.js';
import { NOTE_DOCS, RULE_DOCS } from '../rules/rule-docs.js';
import { rulesDocUrl } from '../version.js';

export function explain(id: string): string | null {
  const rule = documentedRules().find((candidate) => candidate.id === id);
  const doc = Object.hasOwn(RULE_DOCS, id) ? RULE_DOCS[id] : undefined;
  if (rule !== undefined && doc !== undefined) {
    const cost = [rule.deduction > 0 ? `-${rule.deduction} points` : 'no deduction', rule.cap === null ? 'no cap' : `caps the letter at ${rule.cap}`].join(', ');
    return [
      `${id} (${cost})`,
      `  When: ${doc.when}`,
      `  Why it matters: ${doc.why}`,
      `  Fix (express-session): ${rule.expressFix}`,
      `  Sources: ${doc.sources}`,
      `  More: ${rulesDocUrl()}#${id}`,
    ].join('\n');
  }
  if (Object.hasOwn(NOTE_DOCS, id)) return `${id} (a note: no deduction)\n  ${NOTE_DOCS[id]}`;
  return null;
}
