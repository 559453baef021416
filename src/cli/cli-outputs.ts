/**
 * What the command line prints once its traces are graded: the reports in the asked format, and
 * the exit status `--fail-under` gives. SARIF's and JUnit's writers load only when asked for.
 */
import pc from 'picocolors';
import { isWorse, type Letter } from '../core/letter.js';
import type { JsonReport } from '../report/json-report.js';
import { escapeStringsIn } from '../report/terminal-text.js';
import { formatTextReport, PLAIN, type Styles } from '../report/text-report.js';
import type { CliOptions } from './cli-arguments.js';

/** The reports as the user asked for them (`--format`). */
export async function formatReports(
  reports: readonly JsonReport[],
  options: Pick<CliOptions, 'format' | 'rulesUrl' | 'failUnder'>,
  color: boolean,
): Promise<string> {
  switch (options.format) {
    case 'json':
      return JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2);
    case 'sarif': {
      const { buildSarifLog } = await import('./sarif-report.js');
      return buildSarifLog(reports, options.rulesUrl === null ? {} : { rulesUrl: options.rulesUrl });
    }
    case 'junit': {
      const { formatJunitReport } = await import('../report/junit-report.js');
      return formatJunitReport(reports, options.failUnder);
    }
    case 'text': {
      // picocolors' own instance colours only where it guesses a terminal: the caller has decided.
      const styles: Styles = color ? pc.createColors(true) : PLAIN;
      // Names, URLs and messages come from pages and files: no control character reaches the terminal.
      return reports.map((report) => formatTextReport(escapeStringsIn(report), styles)).join('\n');
    }
  }
}

/** The reports whose site grade is below `threshold` (a site without session cookie never is). */
export function reportsBelow(reports: readonly JsonReport[], threshold: Letter): JsonReport[] {
  return reports.filter((report) => report.grade !== 'none' && isWorse(report.grade, threshold));
}
