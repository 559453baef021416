/**
 * The CLI's readable output: per source the site grade, then a block per cookie with its grade,
 * name, framework, attributes, each finding with its fix, and the notes. Colours come from the
 * caller (`Styles`), so this stays a pure function over the JSON report.
 */
import { formatDuration } from '../rules/lifetime-rules.js';
import type { JsonReport, ReportCookie } from './json-report.js';
import { httpsAlternative, SILENT_NO_COOKIE_REASONS } from './no-session-cookie.js';

export interface Styles {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly green: (text: string) => string;
}

export const PLAIN: Styles = { bold: (t) => t, dim: (t) => t, red: (t) => t, yellow: (t) => t, green: (t) => t };

/** A coloured grade; `width` pads it for the aligned cookie column. */
function colourGrade(grade: string, styles: Styles, width = 2): string {
  const padded = grade.padEnd(width);
  if (grade === 'A+' || grade === 'A') return styles.bold(styles.green(padded));
  if (grade === 'B' || grade === 'C') return styles.bold(styles.yellow(padded));
  if (grade === 'none') return styles.dim(grade);
  return styles.bold(styles.red(padded));
}

function lifetime(cookie: ReportCookie): string {
  if (cookie.lifetimeSeconds === null) return 'browser session';
  return formatDuration(cookie.lifetimeSeconds);
}

function attributeLine(cookie: ReportCookie, styles: Styles): string {
  const flag = (name: string, on: boolean) => (on ? styles.green(`${name} yes`) : styles.red(`${name} no`));
  const a = cookie.attributes;
  if (a === null) return styles.dim('attributes unknown: seen only in requests (no Set-Cookie of this trace set it)');
  return [
    flag('Secure', a.secure),
    flag('HttpOnly', a.httpOnly),
    `SameSite ${a.sameSite ?? 'unset'}`,
    `Lifetime ${lifetime(cookie)}`,
    `Domain ${a.domain ?? 'host-only'}`,
    `Path ${a.path ?? 'default'}`,
    ...(a.partitioned ? ['Partitioned'] : []),
  ].join(styles.dim(' | '));
}

/** "set GET / -> sent x3 -> rotated POST /login -> cleared POST /logout" */
function timelineText(cookie: ReportCookie): string {
  return cookie.timeline
    .map((event) => {
      // The URL is already masked: strip its origin as text (parsing it again would re-encode the mask).
      const where = `${event.method} ${event.url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '') || '/'}`;
      return event.type === 'sent' ? `sent x${event.count}` : `${event.type} ${where}`;
    })
    .join(' -> ');
}

function cookieBlock(cookie: ReportCookie, styles: Styles): string[] {
  const lines: string[] = [];
  const grade = cookie.deletion ? styles.dim('del') : colourGrade(cookie.grade ?? '-', styles);
  const framework = cookie.session.framework === 'unknown' ? '' : `  ${styles.dim(cookie.session.framework)}`;
  const score = cookie.score === null ? '' : styles.dim(`  score ${cookie.score}`);
  const value = cookie.value === undefined ? '' : `  = ${cookie.value}`;
  lines.push(`  ${grade}  ${styles.bold(cookie.name)}${value}${framework}${score}`);
  // Without a response that set it, the host tells apart cookies of one name (SID of two hosts).
  const origin = cookie.setBy === null ? styles.dim(`seen as ${cookie.seenAs.join(', ')} on ${cookie.domain}`) : `${styles.dim('set by')} ${cookie.setBy}`;
  lines.push(
    `      ${origin}${cookie.deletion ? styles.dim('  (deletes the cookie)') : ''}${cookie.gradedFrom === 'store' ? styles.dim("  (graded from the browser's cookie store)") : ''}`,
  );
  if (cookie.deletion) return lines;
  lines.push(`      ${attributeLine(cookie, styles)}`);
  for (const finding of cookie.findings) {
    const cost = [finding.deduction ? `-${finding.deduction}` : '', finding.cap ? `cap ${finding.cap}` : ''].filter(Boolean).join(', ');
    lines.push(`      ${styles.red('x')} ${styles.bold(finding.id)}${cost ? styles.dim(` (${cost})`) : ''}: ${finding.message}`);
    for (const [framework, fix] of Object.entries(finding.fix)) {
      lines.push(`          ${styles.dim(`fix (${framework}):`)} ${fix}`);
    }
  }
  for (const note of cookie.notes) lines.push(`      ${styles.dim(`note ${note.id}:`)} ${note.message}`);
  if (cookie.timeline.length > 0) lines.push(`      ${styles.dim('timeline:')} ${timelineText(cookie)}`);
  return lines;
}

/** One line per third-party session cookie: graded, listed apart, never in the site grade (rubric section 3). */
function thirdPartyLines(cookies: readonly ReportCookie[], site: string | null, styles: Styles): string[] {
  if (cookies.length === 0) return [];
  const heading = `  Third-party session cookies (${cookies.length}, not ${site === null ? "the site's" : `${site}'s`}: not in the site grade):`;
  const lines = [styles.dim(heading)];
  for (const cookie of cookies) {
    const ids = cookie.findings.map((finding) => finding.id).join(', ');
    const grade = cookie.deletion ? styles.dim('del') : colourGrade(cookie.grade ?? '-', styles);
    lines.push(`    ${grade}  ${cookie.name} ${styles.dim(`on ${cookie.domain}`)}${ids ? styles.dim(`: ${ids}`) : ''}`);
  }
  lines.push('');
  return lines;
}

export function formatTextReport(report: JsonReport, styles: Styles = PLAIN): string {
  const sessions = report.cookies.filter((cookie) => cookie.session.isSession && !cookie.thirdParty);
  const thirdParty = report.cookies.filter((cookie) => cookie.session.isSession && cookie.thirdParty);
  const others = report.cookies.filter((cookie) => !cookie.session.isSession);
  const site = report.site === null ? '' : `  site ${styles.bold(report.site)}`;
  const lines = [`${styles.bold(report.source)}${site}  site grade ${colourGrade(report.grade, styles, 0)}`, ''];
  if (sessions.length === 0) {
    lines.push(styles.dim(`  No session cookie${report.site === null ? '' : ` of ${report.site}`} was set. Some servers send none, silently:`));
    for (const reason of SILENT_NO_COOKIE_REASONS) lines.push(styles.dim(`    - ${reason}`));
    const https = httpsAlternative(report.source);
    if (https !== null) lines.push(styles.dim(`  Over https it may: try ${https}`));
    lines.push('');
  }
  if (report.unknownSessionCookies > 0) {
    const count = report.unknownSessionCookies;
    lines.push(styles.dim(`  ${count} session ${count === 1 ? 'cookie' : 'cookies'} seen only in requests: grade unknown, not counted in the site grade.`), '');
  }
  for (const cookie of sessions) lines.push(...cookieBlock(cookie, styles), '');
  lines.push(...thirdPartyLines(thirdParty, report.site, styles));
  if (others.length > 0) {
    lines.push(styles.dim(`  Other cookies (${others.length}, not graded):`));
    for (const cookie of others) {
      const ids = cookie.findings.map((finding) => finding.id).join(', ');
      const where = cookie.thirdParty ? styles.dim(` on ${cookie.domain}`) : '';
      lines.push(`    ${cookie.name}${where}${cookie.deletion ? styles.dim(' (deletion)') : ''}${ids ? styles.dim(`: ${ids}`) : ''}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
