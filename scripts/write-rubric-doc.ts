/** `npm run docs`: rewrites docs/rubric.md from the rules (see src/report/rubric-doc.ts). */
import { writeFileSync } from 'node:fs';
import { renderRubricDoc } from '../src/report/rubric-doc.js';

writeFileSync('docs/rubric.md', renderRubricDoc());
console.log('wrote docs/rubric.md');
