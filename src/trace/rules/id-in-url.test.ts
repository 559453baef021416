import { describe, expect, it } from 'vitest';
import { exchange } from '../../../test/support/trace-builder.js';
import { gradeObservations } from '../../grade/grade-observations.js';
import { SITE, OLD, ATTRIBUTES, findingIds, visit } from '../../../test/support/trace-rule-harness.js';

describe('id-in-url', () => {
  it('fires when the id is in a request URL, URL-encoded or not', () => {
    expect(findingIds([visit, exchange('GET', `${SITE}/page?sid=${OLD}`)])).toContain('id-in-url');
    const express = `s%3A${OLD}.sig`;
    const expressTrace = [exchange('GET', `${SITE}/`, { setCookie: [`sid=${express}; ${ATTRIBUTES}`] }), exchange('GET', `${SITE}/x?s=s:${OLD}.sig`)];
    expect(findingIds(expressTrace)).toContain('id-in-url');
  });

  it('fires for a Referer or a Location that carries the id', () => {
    expect(findingIds([visit, exchange('GET', 'https://cdn.example.net/a.js', { referer: `${SITE}/?token=${OLD}` })])).toContain('id-in-url');
    expect(findingIds([visit, exchange('GET', `${SITE}/go`, { location: `/next;id=${OLD}` })])).toContain('id-in-url');
  });

  it('fires for ;jsessionid= in the path of a JSESSIONID cookie', () => {
    const trace = [exchange('GET', `${SITE}/`, { setCookie: [`JSESSIONID=${OLD}; ${ATTRIBUTES}`] }), exchange('GET', `${SITE}/shop;jsessionid=ABC`)];
    expect(findingIds(trace, 'JSESSIONID')).toContain('id-in-url');
  });

  it('caps the grade at F', () => {
    const entry = gradeObservations([visit, exchange('GET', `${SITE}/page?sid=${OLD}`)]).cookies[0];
    expect(entry?.grade).toBe('F');
  });

  it('does not fire for URLs without the id, nor for short values found by chance', () => {
    expect(findingIds([visit, exchange('GET', `${SITE}/page?x=1`)])).not.toContain('id-in-url');
    const short = [exchange('GET', `${SITE}/`, { setCookie: [`sid=1234; ${ATTRIBUTES}`] }), exchange('GET', `${SITE}/item/1234`)];
    expect(findingIds(short)).not.toContain('id-in-url');
  });
});
