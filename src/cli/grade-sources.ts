/**
 * The command line's work once its arguments are known: read each source (URL, HAR file, flow),
 * grade its trace for its site, and print the reports; a source that cannot be read is named on
 * stderr and the others are still reported (exit 2 then says one failed).
 */
import { stat, writeFile } from 'node:fs/promises';
import { siteOfHost, siteOfUrl } from '../core/site.js';
import { gradeInventory } from '../grade/grade-observations.js';
import { buildCookieInventory } from '../inventory/cookie-inventory.js';
import type { Observation } from '../observation/observation.js';
import { buildHar } from '../report/har-writer.js';
import { buildJsonReport, type JsonReport } from '../report/json-report.js';
import { createStandIn } from '../report/stand-in.js';
import { escapeControlCharacters } from '../report/terminal-text.js';
import { createKnownSecretChecker, type CandidateSecret, type KnownSecretChecker } from '../secrets/known-secret-check.js';
import { valuesToCheck } from '../secrets/values-to-check.js';
import type { CliOptions } from './cli-arguments.js';
import { formatReports, reportsBelow } from './cli-outputs.js';
import { describeFileError } from './file-errors.js';
import { NODE_CRYPTO } from './node-crypto.js';
import { NO_PROGRESS, type Progress } from './progress.js';
import type { CliIo } from './cli-io.js';
import { credentialsOf } from './credentials.js';
import { OutputMask, maskedIo } from './output-mask.js';
import { secretsFromFile } from './secret-list-file.js';
import { isUrl, readHarSource, readUrl, walkFlowSource, type SourceReading } from './trace-sources.js';

/** A secrets file that cannot be read stops the run before any request. */
class SecretsFileError extends Error {}

/** The bundled list (loaded only when a value needs checking), then each --secrets file as it streams in. */
function secretChecker(files: readonly string[], progress: Progress): KnownSecretChecker {
  async function* candidates(): AsyncGenerator<CandidateSecret> {
    const { bundledSecrets } = await import('../secrets/bundled-secrets.js');
    yield* bundledSecrets();
    for (const file of files) {
      try {
        for await (const candidate of secretsFromFile(file)) {
          if (candidate.source.list === 'file' && candidate.source.line % 1000 === 0)
            progress.update(`checking signatures: ${file} line ${candidate.source.line}`);
          yield candidate;
        }
      } catch (error) {
        throw new SecretsFileError(`cannot read the secrets file ${file}: ${describeFileError(error)}`);
      } finally {
        progress.done();
      }
    }
  }
  return createKnownSecretChecker(candidates, { crypto: NODE_CRYPTO, yieldEvery: () => Promise.resolve() });
}

function readSource(source: string, options: CliOptions, mask: OutputMask, io: CliIo, progress: Progress): Promise<SourceReading> {
  if (source === options.flow) return walkFlowSource(source, options, mask.secrets, progress, (planted) => mask.addValues(planted));
  return isUrl(source) ? readUrl(source, options, progress) : readHarSource(source, progress, io.stdin);
}

/** The site a trace is graded for: `--site`, else its first top-level document's (rubric section 1). */
function siteOf(options: CliOptions, pageUrl: string | null): string | null {
  if (options.site !== null) return siteOfHost(options.site);
  return pageUrl === null ? null : siteOfUrl(pageUrl);
}

/**
 * `--save-har`: the exchanges made, values replaced by stand-ins (unless --show-values), credentials
 * always masked; those `--active` made are marked with the check they were made for.
 */
async function saveHar(
  file: string,
  exchanges: readonly Observation[],
  marks: ReadonlyMap<Observation, string>,
  mask: OutputMask,
  io: CliIo,
): Promise<boolean> {
  const values = mask.values();
  const standIn = createStandIn();
  const secrets = mask.secretIndex();
  const hide = (text: string) => secrets.mask(values.replaceEach(text, standIn));
  try {
    await writeFile(file, `${JSON.stringify(buildHar(exchanges, hide, marks), null, 2)}\n`);
    return true;
  } catch (error) {
    io.stderr(`session-cookie-inspector: cannot write ${file}: ${describeFileError(error)}`);
    return false;
  }
}

/**
 * Grades every source of the command line and prints the reports; returns the exit status. Every
 * text it writes goes through one OutputMask, made before the first request.
 */
export async function gradeSources(options: CliOptions, unmaskedIo: CliIo): Promise<number> {
  const mask = new OutputMask(options.showValues);
  for (const credential of credentialsOf(options)) mask.secrets.add(credential);
  const io = maskedIo(unmaskedIo, mask);
  if (options.insecure) io.stderr('warning: --insecure: TLS certificates are not verified');
  for (const file of options.secretFiles) {
    const problem = await stat(file).then(
      (info) => (info.isDirectory() ? 'it is a directory' : null),
      (error: unknown) => describeFileError(error),
    );
    if (problem !== null) {
      io.stderr(`session-cookie-inspector: cannot read the secrets file ${file}: ${problem}`);
      return 2;
    }
  }
  const progress = io.progress ?? NO_PROGRESS;
  const checker = secretChecker(options.secretFiles, progress);
  const reports: JsonReport[] = [];
  const failures: string[] = [];
  const exchanges: Observation[] = [];
  const activeMarks = new Map<Observation, string>();
  const sources = options.flow === null ? options.sources : [...options.sources, options.flow];
  try {
    for (const source of sources) {
      const reading = await readSource(source, options, mask, io, progress);
      for (const observation of reading.observations) exchanges.push(observation);
      const inventory = buildCookieInventory(reading.observations);
      mask.addValues(inventory.values);
      // What --active sent and got (old cookies, planted ids, the ids the server answered with) is masked too, never graded as the trace.
      const active = reading.activeExchanges ?? [];
      for (const { observation, check } of active) {
        exchanges.push(observation);
        activeMarks.set(observation, check);
      }
      mask.addValues(buildCookieInventory(active.map((exchange) => exchange.observation)).values);
      if (!reading.ok) {
        failures.push(reading.error);
        continue;
      }
      for (const note of reading.notes) io.stderr(`note: ${note}`);
      for (const skipped of reading.serverChecks?.skipped ?? []) io.stderr(`note: --active: ${skipped}`);
      // Offline: signatures are checked against the bundled list (and --secrets files) here.
      const secretMatches = await checker.check(valuesToCheck(inventory));
      const trace = gradeInventory(inventory, { secretMatches, site: siteOf(options, reading.pageUrl), serverChecks: reading.serverChecks });
      reports.push(buildJsonReport(reading.source, trace, { showValues: options.showValues, alsoMask: mask.secrets }));
    }
  } catch (error) {
    if (!(error instanceof SecretsFileError)) throw error;
    failures.push(error.message);
  }
  // A message may quote a URL that carries a cookie value (`;jsessionid=...`) or a credential: io masks both.
  for (const failure of failures) io.stderr(`session-cookie-inspector: ${escapeControlCharacters(failure)}`);
  const saved = options.saveHar === null || (await saveHar(options.saveHar, exchanges, activeMarks, mask, io));
  if (reports.length > 0) io.stdout(await formatReports(reports, options, io.color));
  if (failures.length > 0 || !saved) return 2;
  if (options.failUnder === null) return 0;
  const failing = reportsBelow(reports, options.failUnder);
  for (const report of failing) io.stderr(`${report.source}: site grade ${report.grade} is below --fail-under ${options.failUnder}`);
  return failing.length > 0 ? 1 : 0;
}
