import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_DOCS } from '../rules/rule-docs.js';
import { documentedRules, renderRubricDoc } from './rubric-doc.js';

describe('docs/rubric.md', () => {
  it('is what `npm run docs` writes from the rules (run it after changing a rule)', () => {
    expect(readFileSync('docs/rubric.md', 'utf8')).toBe(renderRubricDoc());
  });

  it('documents every rule, and nothing that is not a rule', () => {
    const ids = documentedRules().map((rule) => rule.id);
    expect(Object.keys(RULE_DOCS).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(renderRubricDoc()).toContain(`### ${id}\n`);
  });
});
