/**
 * docs/rubric.md, written from the rules themselves (ids, deductions, caps, when, why, sources,
 * express-session fix) and the notes, so the page cannot drift from the code: a test compares the
 * committed file with this function's output; `npm run docs` rewrites it.
 */
import { KNOWN_DIFFERENCES } from '../browsers/known-differences.js';
import { EVERY_RULE, type DocumentedRule } from '../grade/every-rule.js';
import { NOTE_DOCS } from '../grade/note-docs.js';
import { RUBRIC_VERSION } from '../version.js';
import { FRAMEWORK_DEFAULT_NAMES } from '../detect/session-names.js';
import { OPEN_COOKIE_DATABASE, RUBRIC_NEVER_SESSION } from '../detect/never-session.js';
import { PRODUCT_SESSION_COOKIES, VENDOR_NEVER_SESSION_COOKIES, type ProductCookie } from '../detect/product-cookies.js';

/** Rubric section 3: each letter and the score it needs. */
export const LETTER_THRESHOLDS: readonly (readonly [string, string])[] = [
  ['A+', '100, and every A+ condition'],
  ['A', '85 or more'],
  ['B', '70 or more'],
  ['C', '55 or more'],
  ['D', '30 or more'],
  ['F', 'under 30'],
];

function cost(rule: DocumentedRule): string {
  const parts = [rule.deduction > 0 ? `-${rule.deduction} points` : 'no deduction', rule.cap === null ? 'no cap' : `caps the letter at ${rule.cap}`];
  return parts.join(', ');
}

/** Rubric sections 1 and 3: the site of a trace, and third-party cookies. */
function siteSection(): string[] {
  return [
    '## The site and third-party cookies',
    '',
    'A trace is graded for its *site*: the registrable domain (the public suffix list, private domains',
    'included) of its first top-level document. In the panel that is the inspected page; for the CLI,',
    "the URL given (before redirects), a flow's `baseUrl`, or in a HAR file the page of `pages[0]`",
    "(its first entry by `pageref`), else the first entry whose response is a document (Chrome's",
    '`_resourceType` `document`, or `text/html`), else the first entry. `--site <domain>` (the CLI) and',
    '`gradeHar(har, { site })` (the library) grade for another site.',
    '',
    'A cookie *belongs to the site* when the registrable domain of its domain (its Domain attribute,',
    'or the host that set or received it) is the site. Every other cookie is *third-party*: ad',
    'networks, analytics, embedded widgets, CDNs. Third-party session cookies are graded and listed',
    'apart (`thirdParty: true` in the JSON report, a part of their own in the text and Markdown',
    'reports, SARIF results of level `note`, JUnit test cases that never fail), and never count in the',
    "site grade: another site's cookie is not yours to fix, and must not fail your build.",
    '',
  ];
}

function additionRows(entries: readonly ProductCookie[]): string[] {
  return entries.map((entry) => `| \`${entry.name}\` | ${entry.site} | ${entry.product}'s ${entry.what} | ${entry.evidence} |`);
}

/** Rubric section 2.1: which cookies are session cookies, with every name list the detector uses. */
function detectionSection(): string[] {
  const defaults = FRAMEWORK_DEFAULT_NAMES.map((entry) => `\`${entry.name}\` (${entry.framework === 'unknown' ? 'ZAP default' : entry.framework})`).join(', ');
  return [
    '## Which cookies are session cookies',
    '',
    'A session cookie is one that carries a session identifier or credential. Only session cookies get a',
    'letter; every other cookie is listed with its findings. Each card and each cookie of the JSON report',
    'says which rule decided (`session.reason`) and why, in words (`session.why`). Strongest first, after',
    'a `__Host-Http-`, `__Host-`, `__Http-` or `__Secure-` prefix is removed from the name:',
    '',
    "1. **Value format** (`value-format`): express-session's `s:<id>.<signature>`; a cookie-session or",
    "   koa-session data cookie with its `<name>.sig` companion; Flask's `<payload>.<timestamp>.<signature>`;",
    "   Django's signed cookie `<payload>:<timestamp>:<signature>`; the Rails cookie store",
    "   `<data>--<iv>--<tag>`; Laravel's encrypted envelope (base64 JSON of `iv`, `value`, `mac`, `tag`).",
    "   A JWS or JWE is a session credential whatever its name (framework `jwt`, or the name's).",
    `2. **Default names** (\`framework-name\`), matched case-sensitively: ${defaults}, \`ASPSESSIONID*\` (classic ASP), \`_<app>_session\` (Rails).`,
    '   `<app>_session` without a leading underscore is Laravel only with its envelope (rule 1): `ai_session`',
    '   is Azure Application Insights. A name that matches a default only in another case is a session',
    '   cookie of no known framework (`name-pattern`).',
    '3. **Names that say session** (`name-pattern`): `(^|[._-])(sess(ion)?(id)?|sid)([._-]|$)`, or `session`',
    '   anywhere (`RYANSESSION`, `asessionid`; read literally, `possession` too), with at least one value of',
    '   16 or more characters: a value such as `1` identifies nobody.',
    '4. **Set by a login** (`login-response`): set or changed by the response to a login request.',
    '',
    '**Never session cookies** (`never-session`; the card names the vendor). These win over rules 1-4',
    '(a CSRF token can be a JWT, or Laravel-encrypted); only your own mark in the panel wins over them:',
    '',
    ...RUBRIC_NEVER_SESSION.map(([name, description]) => `- \`${name}\`: ${description}`),
    '- a JWT whose name says `csrf` or `xsrf`: a CSRF token',
    '',
    `Also every cookie that the [Open Cookie Database](https://github.com/jkwakman/Open-Cookie-Database) lists as Analytics or Marketing`,
    `(${OPEN_COOKIE_DATABASE.cookies} names: exact names, and its wildcard names as prefixes; snapshot ${OPEN_COOKIE_DATABASE.snapshot}, Apache-2.0,`,
    'shipped as `src/detect/open-cookie-database.json` with its licence), except where rule 1 or a case-exact',
    "default name of rule 2 applies: Django's `sessionid` and ZAP's `sid` stay session cookies although the",
    "database lists them for Instagram and Google. Matching is case-insensitive: `SID` is Google's.",
    '',
    '**Products and vendors added by the project.** Detection is measured on a labelled corpus of real',
    "sites' traffic (`test/corpus/`: HAR exports and Set-Cookie lines from public sources, each with its",
    "source and licence); to hold there, the project adds products' session cookies to rule 2 and vendors'",
    "cookies to the never-session list. A name alone says little (LinkedIn's `JSESSIONID` is a CSRF token),",
    "so each addition applies only to a cookie of that product's own site:",
    '',
    '| cookie | site | what it is | evidence |',
    '| --- | --- | --- | --- |',
    ...additionRows(PRODUCT_SESSION_COOKIES),
    ...additionRows(VENDOR_NEVER_SESSION_COOKIES),
    '',
  ];
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
    "**The site grade** is the worst letter among the site's own session cookies; `none` when none",
    'was graded. A session cookie seen only in requests has no score: its grade is the lowest cap',
    'among its findings, or `unknown`, which the site grade leaves out.',
    '',
    ...siteSection(),
    ...detectionSection(),
    '## Findings',
    '',
  ];
  for (const rule of EVERY_RULE) {
    lines.push(`### ${rule.id}`, '');
    lines.push(`${rule.doc.when} *(${rule.section}; ${cost(rule)})*`, '');
    lines.push(`Why it matters: ${rule.doc.why}`, '');
    lines.push(`Fix (express-session): ${rule.fix['express-session']}`, '');
    lines.push(`Sources: ${rule.doc.sources}`, '');
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
