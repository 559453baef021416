/** `--explain <id>`: one finding or note, as docs/rubric.md has it; `--explain` alone: every id. */
import { EVERY_RULE, ruleById, type DocumentedRule } from '../grade/every-rule.js';
import { NOTE_DOCS } from '../grade/note-docs.js';
import { rulesDocUrl } from './rules-doc.js';

/** Every id `--explain` knows: the findings in the rubric's order, then the notes. */
export function explainableIds(): string[] {
  return [...EVERY_RULE.map((rule) => rule.id), ...Object.keys(NOTE_DOCS)];
}

function costOf(rule: DocumentedRule): string {
  return [rule.deduction > 0 ? `-${rule.deduction}` : '', rule.cap === null ? '' : `cap ${rule.cap}`].filter(Boolean).join(', ');
}

/** `--explain` with no id: every finding with its cost and when it fires, then every note. */
export function explainIndex(): string {
  const width = Math.max(...explainableIds().map((id) => id.length)) + 2;
  return [
    'Findings (--explain <id> says why one matters and how to fix it):',
    ...EVERY_RULE.map((rule) => `  ${rule.id.padEnd(width)}${costOf(rule).padEnd(12)}${rule.doc.when}`),
    'Notes (no deduction):',
    ...Object.entries(NOTE_DOCS).map(([id, text]) => `  ${id.padEnd(width)}${text}`),
  ].join('\n');
}

/** One finding or note (linked at `rulesUrl`, or the packaged docs/rubric.md); an unknown id, null. */
export function explain(id: string, rulesUrl: string | null = null): string | null {
  const rule = ruleById(id);
  if (rule !== undefined) {
    const { doc } = rule;
    const cost = [rule.deduction > 0 ? `-${rule.deduction} points` : 'no deduction', rule.cap === null ? 'no cap' : `caps the letter at ${rule.cap}`].join(
      ', ',
    );
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
