import { describe, expect, it } from 'vitest';
import { STRONG_ID, observationWith } from '../../test/support/rule-harness.js';
import { gradeObservations } from '../grade/grade-observations.js';
import { buildJsonReport } from './json-report.js';
import { formatMarkdownReport } from './markdown-report.js';

describe('formatMarkdownReport', () => {
  const trace = gradeObservations([observationWith([`connect.sid=s%3A${STRONG_ID}.sig; Path=/; HttpOnly`, 'theme=dark'], { url: 'http://localhost:3000/' })]);

  it('summarises the grade, a table of session cookies and each finding with its fix', () => {
    const markdown = formatMarkdownReport(buildJsonReport('http://localhost:3000/', trace));
    expect(markdown).toContain('## Session cookies of http://localhost:3000/: D');
    expect(markdown).toContain(
      '| connect.sid | D | 30 | express-session | secure-missing, samesite-missing, prefix-none, name-default, cache-control-missing |',
    );
    expect(markdown).toContain('- **secure-missing** (-40, cap D): No Secure attribute');
    expect(markdown).toContain('Other cookies (not graded): theme.');
  });

  it('renders code in messages and fixes as code, not as escaped backticks', () => {
    const markdown = formatMarkdownReport(buildJsonReport('http://localhost:3000/', trace));
    expect(markdown).toContain("  - Fix (express-session): Set `cookie: { secure: true }` (or `secure: 'auto'`)");
    expect(markdown).not.toContain('\\`');
  });

  it('contains no value unless the report does', () => {
    expect(formatMarkdownReport(buildJsonReport('x', trace))).not.toContain(STRONG_ID);
    expect(formatMarkdownReport(buildJsonReport('x', trace, { showValues: true }))).toContain(STRONG_ID);
  });

  it('escapes Markdown in names that come from the page', () => {
    const hostile = gradeObservations([observationWith(['[x](http://evil)_sid=1'])]);
    const markdown = formatMarkdownReport(buildJsonReport('x', hostile, {}));
    expect(markdown).toContain('\\[x\\](http://evil)\\_sid');
  });
});
