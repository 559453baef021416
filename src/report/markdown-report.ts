/**
 * A Markdown summary of a JSON report, for pasting into a ticket or a pull request: the site grade,
 * a table of session cookies, then each cookie's findings with the express-session fix. Values
 * appear only if the report carries them.
 */
import type { JsonReport, ReportCookie } from './json-report.js';
import { SILENT_NO_COOKIE_REASONS } from './no-session-cookie.js';

/**
 * Escapes what Markdown would read as markup inside a line (cookie names and URLs come from the
 * page): links and images need brackets, so escaped brackets make them inert; also code, emphasis,
 * table pipes and HTML.
 */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (character) => `\\${character}`);
}

function inlineCode(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.includes('`') ? ` ${text} ` : text}${fence}`;
}

/** Our prose marks code with backticks: render those spans as code, escape the rest. */
function prose(text: string): string {
  return text
    .split('`')
    .map((part, index) => (index % 2 === 1 ? inlineCode(part) : escapeMarkdown(part)))
    .join('');
}

function cookieSection(cookie: ReportCookie): string[] {
  const title = `### ${escapeMarkdown(cookie.name)}: ${cookie.deletion ? 'deletion' : (cookie.grade ?? 'not graded')}`;
  const lines = [title, ''];
  if (cookie.value !== undefined) lines.push(`Value: ${inlineCode(cookie.value)}`, '');
  if (cookie.findings.length === 0) lines.push('No findings.', '');
  for (const finding of cookie.findings) {
    const cost = [finding.deduction ? `-${finding.deduction}` : '', finding.cap ? `cap ${finding.cap}` : ''].filter(Boolean).join(', ');
    lines.push(`- **${finding.id}**${cost ? ` (${cost})` : ''}: ${prose(finding.message)}`);
    for (const [framework, fix] of Object.entries(finding.fix)) lines.push(`  - Fix (${framework}): ${prose(fix)}`);
  }
  if (cookie.findings.length > 0) lines.push('');
  return lines;
}

export function formatMarkdownReport(report: JsonReport): string {
  const sessions = report.cookies.filter((cookie) => cookie.session.isSession && !cookie.thirdParty);
  const thirdParty = report.cookies.filter((cookie) => cookie.session.isSession && cookie.thirdParty);
  const others = report.cookies.filter((cookie) => !cookie.session.isSession);
  const site = report.site === null ? '' : ` (site ${escapeMarkdown(report.site)})`;
  const lines = [
    `## Session cookies of ${escapeMarkdown(report.source)}${site}: ${report.grade}`,
    '',
    `Graded by session-cookie-inspector ${report.version} (rubric ${report.rubric}).`,
    '',
  ];
  if (sessions.length > 0) {
    lines.push('| Cookie | Grade | Score | Framework | Findings |', '| --- | --- | --- | --- | --- |');
    for (const cookie of sessions) {
      const grade = cookie.deletion ? 'deletion' : (cookie.grade ?? '-');
      const findings = cookie.findings.map((finding) => finding.id).join(', ') || 'none';
      lines.push(`| ${escapeMarkdown(cookie.name)} | ${grade} | ${cookie.score ?? '-'} | ${cookie.session.framework} | ${findings} |`);
    }
    lines.push('');
    for (const cookie of sessions) lines.push(...cookieSection(cookie));
  } else {
    lines.push('No session cookie was seen. Some servers send none, silently:', '');
    for (const reason of SILENT_NO_COOKIE_REASONS) lines.push(`- ${prose(reason)}`);
    lines.push('');
  }
  if (thirdParty.length > 0) {
    lines.push('Third-party session cookies (not in the site grade):', '');
    for (const cookie of thirdParty) {
      const findings = cookie.findings.map((finding) => finding.id).join(', ') || 'no findings';
      lines.push(`- ${escapeMarkdown(cookie.name)} on ${escapeMarkdown(cookie.domain)}: ${cookie.deletion ? 'deletion' : (cookie.grade ?? '-')} (${findings})`);
    }
    lines.push('');
  }
  if (others.length > 0) {
    lines.push(`Other cookies (not graded): ${others.map((cookie) => escapeMarkdown(cookie.name)).join(', ')}.`, '');
  }
  return lines.join('\n');
}
