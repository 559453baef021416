import { describe, expect, it } from 'vitest';
import { STRONG_ID, observationWith } from '../../test/support/rule-harness.js';
import { gradeObservations } from '../grade/grade-observations.js';
import { VERSION } from '../version.js';
import { buildJsonReport } from './json-report.js';

const VALUE = `s%3A${STRONG_ID}.signature123`;

describe('buildJsonReport', () => {
  const trace = gradeObservations([
    observationWith([`connect.sid=${VALUE}; Path=/; Expires=Thu, 01 Jan 2026 13:00:00 GMT; HttpOnly`], {
      url: `http://localhost:3000/page;jsessionid=${VALUE}`,
    }),
  ]);

  it('has the shape of rubric section 7', () => {
    const report = buildJsonReport('http://localhost:3000/', trace);
    // The response URL carries the id (;jsessionid=...), so id-in-url caps the grade at F.
    expect(report).toMatchObject({ tool: 'session-cookie-inspector', version: VERSION, rubric: 3, source: 'http://localhost:3000/', site: null, grade: 'F' });
    expect(report.cookies[0]).toMatchObject({
      name: 'connect.sid',
      domain: 'localhost',
      path: '/',
      session: { isSession: true, framework: 'express-session', reason: 'value-format' },
      attributes: {
        secure: false,
        httpOnly: true,
        sameSite: null,
        maxAge: null,
        expires: '2026-01-01T13:00:00.000Z',
        domain: null,
        path: '/',
        partitioned: false,
      },
      score: 30, // 100 - secure 40 - samesite 20 - prefix 5 - name 2 - cache 3; exactly one hour is not over an hour
      grade: 'F',
      deletion: false,
    });
    expect(report.cookies[0]?.findings.map((finding) => finding.id).at(-1)).toBe('id-in-url');
    expect(report.cookies[0]?.findings[0]).toEqual({
      id: 'secure-missing',
      deduction: 40,
      cap: 'D',
      message: expect.stringContaining('Secure'),
      fix: { 'express-session': expect.stringContaining('secure: true') },
    });
    expect(report.cookies[0]?.notes.map((n) => n.id)).toContain('expires-without-max-age');
  });

  it('never contains a cookie value unless asked, not even inside a URL', () => {
    const text = JSON.stringify(buildJsonReport('x', trace));
    expect(text).not.toContain(STRONG_ID);
    expect(text).toContain('[value hidden]');
  });

  it('includes values when asked', () => {
    const report = buildJsonReport('x', trace, { showValues: true });
    expect(report.cookies[0]?.value).toBe(VALUE);
    expect(report.cookies[0]?.setBy).toContain(VALUE);
  });
});

describe('buildJsonReport: the site and third-party cookies (rubric 3, sections 1, 3 and 7)', () => {
  it("names the trace's site, marks other sites' cookies thirdParty, and leaves them out of the site grade", () => {
    const trace = gradeObservations(
      [
        observationWith([`sessionid=${STRONG_ID}; Path=/; HttpOnly; Secure; SameSite=Lax`], { url: 'https://www.nytimes.com/' }),
        observationWith([`sess=${STRONG_ID}; Domain=adnxs.com; Path=/`], { url: 'https://ib.adnxs.com/getuid' }),
      ],
      { site: 'nytimes.com' },
    );
    const report = buildJsonReport('news.har', trace);
    expect(report.site).toBe('nytimes.com');
    const byName = new Map(report.cookies.map((cookie) => [cookie.name, cookie]));
    expect(byName.get('sessionid')).toMatchObject({ thirdParty: false, grade: 'A' });
    expect(byName.get('sess')).toMatchObject({ thirdParty: true, grade: 'F', session: { isSession: true } });
    // The ad network's F does not decide the news site's grade.
    expect(report.grade).toBe('A');
    // Without a site, every cookie counts as the site's (a trace whose first page is unknown).
    const unsited = buildJsonReport(
      'news.har',
      gradeObservations([...trace.cookies.map(() => observationWith([`sess=${STRONG_ID}; Path=/`], { url: 'https://ib.adnxs.com/' }))]),
    );
    expect([unsited.site, unsited.grade, unsited.cookies[0]?.thirdParty]).toEqual([null, 'F', false]);
  });
});

describe('buildJsonReport: the timeline', () => {
  it('carries the session cookie timeline, with values masked in its URLs', () => {
    const trace = gradeObservations([
      observationWith([`sid=${STRONG_ID}; Path=/; Secure; HttpOnly`]),
      { ...observationWith([], { url: `https://app.example.com/next?sid=${STRONG_ID}` }), requestHeaders: [{ name: 'Cookie', value: `sid=${STRONG_ID}` }] },
    ]);
    const [cookie] = buildJsonReport('x', trace).cookies;
    expect(cookie?.timeline.map((event) => [event.type, event.url, event.count])).toEqual([
      ['set', 'https://app.example.com/', 1],
      ['sent', 'https://app.example.com/next?sid=[value hidden]', 1],
    ]);
    expect(cookie?.timeline[0]?.time).toMatch(/^2026-01-01T12:00:00\.000Z$/);
  });
});
