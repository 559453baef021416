/**
 * SARIF 2.1.0 for code scanning (`--format sarif`), built with node-sarif-builder: one rule per
 * rubric id (its text, and a helpUri into docs/rubric.md), one result per finding of each graded
 * session cookie, its level from the finding's cap (`note` for a third-party cookie's). Built from
 * the JSON report: values masked.
 */
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import type { CapLetter } from '../core/letter.js';
import type { JsonReport } from '../report/json-report.js';
import { EVERY_RULE } from '../grade/every-rule.js';
import { VERSION } from '../version.js';
import { rulesDocUrl } from './rules-doc.js';

/** error: the browser drops it or it can be hijacked (caps D or F); warning: caps B or C; note: deductions only. */
export function sarifLevel(cap: CapLetter | null): 'error' | 'warning' | 'note' {
  if (cap === 'F' || cap === 'D') return 'error';
  if (cap === 'C' || cap === 'B' || cap === 'A') return 'warning';
  return 'note';
}

export interface SarifOptions {
  /** The absolute URL of docs/rubric.md (default: the packaged docs/rubric.md, a file: URL). */
  readonly rulesUrl?: string;
}

export function buildSarifLog(reports: readonly JsonReport[], options: SarifOptions = {}): string {
  const rulesUrl = rulesDocUrl(options.rulesUrl ?? null);
  const run = new SarifRunBuilder().initSimple({
    toolDriverName: 'session-cookie-inspector',
    toolDriverVersion: VERSION,
    url: rulesUrl,
  });
  for (const rule of EVERY_RULE) {
    const builder = new SarifRuleBuilder().initSimple({
      ruleId: rule.id,
      shortDescriptionText: rule.doc.when,
      fullDescriptionText: `${rule.doc.why} Fix (express-session): ${rule.fix['express-session']}`,
      helpUri: `${rulesUrl}#${rule.id}`,
    });
    builder.rule.defaultConfiguration = { level: sarifLevel(rule.cap as CapLetter | null) };
    run.addRule(builder);
  }
  for (const report of reports) {
    for (const cookie of report.cookies) {
      if (!cookie.session.isSession || cookie.deletion) continue;
      for (const finding of cookie.findings) {
        // Another site's cookie is not the user's to fix: reported as a note, which never fails a build.
        const result = new SarifResultBuilder().initSimple({
          ruleId: finding.id,
          level: cookie.thirdParty ? 'note' : sarifLevel(finding.cap),
          messageText: `${cookie.name}${cookie.thirdParty ? ` (third-party, on ${cookie.domain})` : ''} (grade ${cookie.grade ?? 'none'}): ${finding.message}`,
          fileUri: report.source,
        });
        result.result.properties = { cookie: cookie.name, grade: cookie.grade, deduction: finding.deduction, cap: finding.cap, thirdParty: cookie.thirdParty };
        run.addResult(result);
      }
    }
  }
  const log = new SarifBuilder();
  log.addRun(run);
  return log.buildSarifJsonString({ indent: true });
}
