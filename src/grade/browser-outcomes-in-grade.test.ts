import { describe, expect, it } from 'vitest';
import { STRONG_ID } from '../../test/support/rule-harness.js';
import { exchange } from '../../test/support/trace-builder.js';
import { buildJsonReport } from '../report/json-report.js';
import { gradeObservations } from './grade-observations.js';

function graded(line: string) {
  const trace = gradeObservations([exchange('GET', 'https://app.example.com/', { setCookie: [line] })]);
  return { entry: trace.cookies[0], report: buildJsonReport('test', trace).cookies[0] };
}

describe('browser outcomes in the grade (rubric section 1)', () => {
  it('reports both browsers storing an ordinary line, with no browser-difference note', () => {
    const { entry, report } = graded(`sid=${STRONG_ID}; Path=/; Secure; HttpOnly; SameSite=Lax`);
    expect(report?.browsers).toEqual({ chromium: 'stored', firefox: 'stored' });
    expect(entry?.notes.map((note) => note.id)).not.toContain('browser-difference');
    expect(entry?.findings.map((finding) => finding.id)).not.toContain('rejected-by-browser');
  });

  it('notes a line one browser stores differently, and grades it on the draft', () => {
    const { entry, report } = graded(`sid=${STRONG_ID}; Path=/; Secure; HttpOnly; SameSite=Lax; Expires=Mon, 30 Feb 2032 12:00:00 GMT`);
    expect(report?.browsers).toEqual({ chromium: 'stored', firefox: 'stored' });
    expect(entry?.notes.find((note) => note.id === 'browser-difference')?.message).toMatch(/^Firefox stores a cookie that expires/);
    expect(entry?.lifetimeSeconds).toBeNull();
  });

  it('grades a line one browser drops as dropped (cap F), naming the browser', () => {
    const { entry, report } = graded(`sid=${STRONG_ID}\tx; Path=/; Secure; HttpOnly; SameSite=Lax`);
    expect(report?.browsers).toEqual({ chromium: 'dropped', firefox: 'stored' });
    expect(entry?.grade).toBe('F');
    expect(entry?.findings.find((finding) => finding.id === 'rejected-by-browser')?.message).toMatch(/^Chromium drops this line/);
  });
});
