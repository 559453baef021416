/**
 * docs/rubric.md, written from the rules themselves (ids, deductions, caps, express-session fix)
 * and RULE_DOCS (when, why, sources), so the page cannot drift from the code: a test compares the
 * committed file with this function's output; `npm run docs` rewrites it.
 */
import { KNOWN_DIFFERENCES } from '../browsers/known-differences.js';
import { COOKIE_RULES } from '../rules/all-rules.js';
import { NOTE_DOCS, RULE_DOCS } from '../rules/rule-docs.js';
import { EXPRESS_FIX, SECRET_KNOWN_RULE } from '../rules/secret-known.js';
import { TRACE_RULES } from '../trace/analyze-trace.js';
import { RUBRIC_VERSION } from '../version.js';

/** Rubric section 3: each letter and the score it needs. */
export const LETTER_THRESHOLDS: readonly (readonly [string, string])[] = [
  ['A+', '100, and every A+ condition'],
  ['A', '85 or more'],
  ['B', '70 or more'],
  ['C', '55 or more'],
  ['D', '30 or more'],
  ['F', 'under 30'],
];

export interface DocumentedRule {
  readonly id: string;
  readonly deduction: number;
  readonly cap: string | null;
  readonly expressFix: string;
  readonly section: 'one Set-Cookie' | 'the whole trace';
}

/** Every rule of rubric sections 4 and 5, in the rubric's order. */
export function documentedRules(): DocumentedRule[] {
  const cookieRules = COOKIE_RULES.map((rule) => ({ id: rule.id, deduction: rule.deduction, cap: rule.cap, expressFix: rule.fix['express-session'], section: 'one Set-Cookie' as const }));
  // secret-known sits after the rejections in the rubric's table; it is checked apart (asynchronously).
  const afterRejections = cookieRules.findIndex((rule) => !rule.id.startsWith('rejected-'));
  cookieRules.splice(afterRejections, 0, { ...SECRET_KNOWN_RULE, expressFix: EXPRESS_FIX, section: 'one Set-Cookie' });
  return [
    ...cookieRules,
    ...TRACE_RULES.map((rule) => ({ id: rule.id, deduction: rule.deduction, cap: rule.cap, expressFix: rule.fix['express-session'], section: 'the whole trace' as const })),
  ];
}

function cost(rule: DocumentedRule): string {
  const parts = [rule.deduction > 0 ? `-${rule.deduction} points` : 'no deduction', rule.cap === null ? 'no cap' : `caps the letter at ${rule.cap}`];
  return parts.join(', ');
}

export function renderRubricDoc(): string {
  const lines = [
    '# The grading rules',
    '',
    `<!-- Written by \`npm run docs\` from src/rules (rubric version ${RUBRIC_VERSION}); edit the code, not this page. -->`,
    '',
    'Session Cookie Inspector grades each session cookie A+ to F. This page is what every letter,',
    'finding and note means, as the panel, the CLI, the JSON, SARIF and JUnit reports use them.',
    '',
    '## Letters',
    '',
    'Each graded session cookie starts at 100 points. Each finding subtracts its deduction (never',
    'below 0), and the letter comes from the score:',
    '',
    '| letter | score |',
    '| --- | --- |',
    ...LETTER_THRESHOLDS.map(([letter, score]) => `| ${letter} | ${score} |`),
    '',
    '**Caps.** Some findings also *cap* the letter: "caps the letter at D" means the cookie gets D',
    'or worse whatever its score. The lowest cap among its findings wins. A cookie the browser',
    'drops (`rejected-*`) is capped at F.',
    '',
    '**A+** needs all of: a `__Host-` (or `__Host-Http-`) prefix, Secure, HttpOnly, SameSite Strict',
    'or Lax, no Domain, `Path=/`, at least 128 bits of estimated entropy, `Cache-Control: no-store`',
    'on the response that sets it, HSTS (max-age >= 31536000) on https where HSTS applies, not a',
    'client-side session, and a login seen in the trace that rotated the id.',
    '',
    "**The site grade** is the worst letter among the site's session cookies; `none` when none was",
    'graded. A session cookie seen only in requests has no score: its grade is the lowest cap among',
    'its findings, or `unknown`, which the site grade leaves out.',
    '',
    '## Findings',
    '',
  ];
  for (const rule of documentedRules()) {
    const doc = RULE_DOCS[rule.id];
    lines.push(`### ${rule.id}`, '');
    lines.push(`${doc?.when ?? ''} *(${rule.section}; ${cost(rule)})*`, '');
    lines.push(`Why it matters: ${doc?.why ?? ''}`, '');
    lines.push(`Fix (express-session): ${rule.expressFix}`, '');
    lines.push(`Sources: ${doc?.sources ?? ''}`, '');
  }
  lines.push('## Notes', '', 'Notes are shown with a cookie and never change its score.', '', '| note | meaning |', '| --- | --- |');
  for (const [id, meaning] of Object.entries(NOTE_DOCS)) lines.push(`| \`${id}\` | ${meaning} |`);
  lines.push(
    '',
    '## Where the browsers differ',
    '',
    'Grades follow RFC 6265bis as written, and each cookie also says what Chromium and Firefox do with its line (`browsers` in the JSON report).',
    'A line that one of them drops is graded as dropped (`rejected-by-browser`); a line one of them stores differently gets a `browser-difference` note.',
    'These are the differences the differential tests measured against Chromium 156 and Firefox ESR 153; `storedCookie(line, { url, browser })` in the library models each one.',
    '',
  );
  for (const difference of Object.values(KNOWN_DIFFERENCES)) lines.push(`- ${difference.text}`);
  lines.push('');
  return lines.join('\n');
}
