/**
 * JUnit XML for CI (`--format junit`): one test suite per graded source, one test case per
 * session cookie, a failure when its grade is below `--fail-under` (never for a third-party
 * cookie: it is not in the site grade), skipped when its grade is unknown (seen only in
 * requests). Built from the JSON report, so values are already masked.
 */
import { isWorse, type Letter } from '../core/letter.js';
import type { JsonReport, ReportCookie } from './json-report.js';

/** XML 1.0 text: escaped, and without the characters XML cannot carry at all. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function caseName(cookie: ReportCookie): string {
  const framework = cookie.session.framework === 'unknown' ? '' : ` (${cookie.session.framework})`;
  return `${cookie.name}${framework}${cookie.thirdParty ? ` on ${cookie.domain}, third-party` : ''}`;
}

/** Whether the cookie fails the build: a graded cookie of the site below the threshold. */
function fails(cookie: ReportCookie, failUnder: Letter | null): boolean {
  return failUnder !== null && !cookie.thirdParty && cookie.grade !== null && cookie.grade !== 'unknown' && isWorse(cookie.grade, failUnder);
}

function testCase(source: string, cookie: ReportCookie, failUnder: Letter | null): string {
  const open = `    <testcase classname="${xml(source)}" name="${xml(caseName(cookie))}">`;
  const findings = cookie.findings.map((finding) => `${finding.id}: ${finding.message}`).join('\n');
  if (cookie.grade === 'unknown' || cookie.grade === null) {
    return `${open}\n      <skipped message="grade unknown: seen only in requests, attributes unknown"/>\n    </testcase>`;
  }
  if (fails(cookie, failUnder)) {
    return `${open}\n      <failure message="${xml(`grade ${cookie.grade} is below ${failUnder}`)}" type="grade">${xml(findings)}</failure>\n    </testcase>`;
  }
  return `${open}\n      <system-out>${xml(`grade ${cookie.grade}${findings ? `\n${findings}` : ''}`)}</system-out>\n    </testcase>`;
}

export function formatJunitReport(reports: readonly JsonReport[], failUnder: Letter | null): string {
  const suites = reports.map((report) => {
    const cookies = report.cookies.filter((cookie) => cookie.session.isSession && !cookie.deletion);
    const failures = cookies.filter((cookie) => fails(cookie, failUnder)).length;
    const skipped = cookies.filter((cookie) => cookie.grade === 'unknown').length;
    return [
      `  <testsuite name="${xml(`session cookies of ${report.source}`)}" tests="${cookies.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
      `    <properties><property name="site" value="${xml(report.site ?? '')}"/><property name="site-grade" value="${xml(report.grade)}"/><property name="rubric" value="${report.rubric}"/></properties>`,
      ...cookies.map((cookie) => testCase(report.source, cookie, failUnder)),
      '  </testsuite>',
    ].join('\n');
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites name="session-cookie-inspector">', ...suites, '</testsuites>', ''].join('\n');
}
