import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVERY_RULE } from '../grade/every-rule.js';
import { renderRubricDoc } from './rubric-doc.js';

describe('docs/rubric.md', () => {
  it('is what `npm run docs` writes from the rules (run it after changing a rule)', () => {
    expect(readFileSync('docs/rubric.md', 'utf8')).toBe(renderRubricDoc());
  });

  it('documents every rule, once', () => {
    const page = renderRubricDoc();
    for (const rule of EVERY_RULE) expect(page.split(`### ${rule.id}\n`).length, rule.id).toBe(2);
    expect(page.match(/^### /gm)?.length).toBe(EVERY_RULE.length);
  });
});
