import { describe, expect, it } from 'vitest';
import { STRONG_ID, observationWith } from '../../test/support/rule-harness.js';
import { gradeObservations } from '../grade/grade-observations.js';
import { buildJsonReport } from './json-report.js';
import { formatTextReport } from './text-report.js';

describe('formatTextReport', () => {
  const trace = gradeObservations([observationWith([`connect.sid=s%3A${STRONG_ID}.sig; Path=/; HttpOnly`, 'theme=dark'], { url: 'http://localhost:3000/' })]);
  const text = formatTextReport(buildJsonReport('http://localhost:3000/', trace));

  it('leads with the source and the site grade', () => {
    expect(text.split('\n')[0]).toBe('http://localhost:3000/  site grade D');
  });

  it('shows each finding with its express-session fix', () => {
    expect(text).toContain('x secure-missing (-40, cap D): No Secure attribute');
    expect(text).toContain('fix (express-session): Set `cookie: { secure: true }`');
  });

  it('lists other cookies without a grade', () => {
    expect(text).toMatch(/Other cookies \(1, not graded\):\n {4}theme: secure-missing/);
  });

  it('does not print values unless the report has them', () => {
    expect(text).not.toContain(STRONG_ID);
  });
});

describe('formatTextReport: the timeline', () => {
  it('prints one line per session cookie', () => {
    const trace = gradeObservations([
      observationWith([`sid=${STRONG_ID}; Path=/; Secure; HttpOnly`]),
      {
        ...observationWith(['sid=; Max-Age=0; Path=/'], { url: 'https://app.example.com/logout', method: 'POST' }),
        requestHeaders: [{ name: 'Cookie', value: `sid=${STRONG_ID}` }],
      },
    ]);
    expect(formatTextReport(buildJsonReport('x', trace))).toContain('timeline: set GET / -> sent x1 -> cleared POST /logout');
  });
});
