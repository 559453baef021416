/**
 * The command line: grade URLs and HAR files, print a readable report or the JSON report, and
 * exit 0 (graded), 1 (below --fail-under) or 2 (bad arguments, unreadable input, network errors).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import { buildValueIndex } from '../core/value-index.js';
import { gradeInventory } from '../grade/grade-observations.js';
import { buildCookieInventory } from '../inventory/cookie-inventory.js';
import { headerValues, type HttpHeader, type Observation } from '../observation/observation.js';
import { buildJsonReport, type JsonReport } from '../report/json-report.js';
import { formatJunitReport } from '../report/junit-report.js';
import { documentedRules } from '../report/rubric-doc.js';
import { escapeControlCharacters, escapeStringsIn } from '../report/terminal-text.js';
import { formatTextReport, PLAIN, type Styles } from '../report/text-report.js';
import { NOTE_DOCS, RULE_DOCS } from '../rules/rule-docs.js';
import { LETTERS, isWorse, type Letter } from '../core/letter.js';
import { bundledSecrets } from '../secrets/bundled-secrets.js';
import { createKnownSecretChecker, type CandidateSecret, type KnownSecretChecker } from '../secrets/known-secret-check.js';
import { valuesToCheck } from '../secrets/values-to-check.js';
import { VERSION, rulesDocUrl } from '../version.js';
import { buildHar } from '../report/har-writer.js';
import { createStandIn } from '../report/stand-in.js';
import { FetchTraceError, HttpSession, type FetchTraceOptions, type RequestBody } from './fetch-trace.js';
import { FlowError, parseFlow, runFlow } from './flow.js';
import { formatBytes, NO_PROGRESS, type Progress } from './progress.js';
import { NODE_CRYPTO } from './node-crypto.js';
import { readHarFile } from './read-har-file.js';
import { buildSarifLog } from './sarif-report.js';
import { secretsFromFile } from './secret-list-file.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Colour the readable report (a terminal that wants it). */
  readonly color: boolean;
  /** A status line for long work, when stderr is a terminal. */
  readonly progress?: Progress;
}

export const USAGE = `Usage: session-cookie-inspector [options] <url-or-har-file>...
       session-cookie-inspector [options] --flow <flow.json|flow.yaml>

Grades the session cookies set by a URL (following redirects), recorded in a HAR file, or seen
while walking a flow of steps (log in, browse, log out).

Options:
  --format <f>           text (default), json, sarif (SARIF 2.1.0, for code scanning) or junit (JUnit XML)
  --json                 the same as --format json (an array when there are several inputs)
  --rules-url <url>      absolute URL of docs/rubric.md for SARIF's helpUri (default: from package.json)
  --secrets <file>       also check signatures against your own list, one secret per line (repeatable);
                         a match names the file and line, never the secret
  --explain <id>         print what a finding or note id means, and exit
  --fail-under <letter>  exit 1 when a site grade is below A+, A, B, C, D or F ("none" never fails)
  --show-values          include cookie values in the output (hidden by default)
  --insecure             accept TLS certificates that do not verify (local dev servers)
  --method <method>      HTTP method of the first request (default GET, or POST with --data)
  --data <body>          send this form-encoded body with the first request (like curl -d)
  --data-json <json>     send this JSON body with the first request
  --flow <file>          walk the steps of a JSON or YAML flow file as one trace (see README)
  --save-har <file>      also write the exchanges made as a HAR 1.2 file (headers only, values
                         replaced by stand-ins unless --show-values; credentials never)
  -H, --header <h>       extra request header "Name: value" (repeatable)
  --timeout <seconds>    per-request timeout (default 10)
  -h, --help             show this help
  --version              show the version

Exit status: 0 graded, 1 below --fail-under, 2 error.`;

const MAX_REDIRECTS = 10;
/** Credentials from a flow are masked from this length on (a cookie value from 8: see value-index). */
const CREDENTIAL_MIN_LENGTH = 3;

const FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
type Format = (typeof FORMATS)[number];

class UsageError extends Error {}

interface CliOptions {
  readonly sources: readonly string[];
  readonly format: Format;
  readonly rulesUrl: string | null;
  readonly explain: string | null;
  readonly secretFiles: readonly string[];
  readonly body: RequestBody | null;
  readonly flow: string | null;
  readonly saveHar: string | null;
  readonly failUnder: Letter | null;
  readonly showValues: boolean;
  readonly insecure: boolean;
  readonly method: string;
  readonly headers: readonly HttpHeader[];
  readonly timeoutMs: number;
  readonly help: boolean;
  readonly version: boolean;
}

function parseHeader(text: string): HttpHeader {
  const colon = text.indexOf(':');
  const name = colon < 0 ? '' : text.slice(0, colon).trim();
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    throw new UsageError(`--header "${text}" is not of the form "Name: value"`);
  }
  return { name, value: text.slice(colon + 1).trim() };
}

function parseLetter(text: string): Letter {
  const letter = LETTERS.find((candidate) => candidate === text.toUpperCase());
  if (letter === undefined) throw new UsageError(`--fail-under takes one of ${LETTERS.join(', ')}, not "${text}"`);
  return letter;
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        format: { type: 'string' },
        'rules-url': { type: 'string' },
        explain: { type: 'string' },
        secrets: { type: 'string', multiple: true, default: [] },
        'fail-under': { type: 'string' },
        'show-values': { type: 'boolean', default: false },
        insecure: { type: 'boolean', default: false },
        method: { type: 'string' },
        data: { type: 'string' },
        'data-json': { type: 'string' },
        flow: { type: 'string' },
        'save-har': { type: 'string' },
        header: { type: 'string', short: 'H', multiple: true, default: [] },
        timeout: { type: 'string', default: '10' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  const timeout = Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 600) {
    throw new UsageError(`--timeout takes a number of seconds between 0 and 600, not "${values.timeout}"`);
  }
  if (values.method !== undefined && !/^[A-Za-z]+$/.test(values.method)) throw new UsageError(`--method "${values.method}" is not an HTTP method`);
  if (values.data !== undefined && values['data-json'] !== undefined) throw new UsageError('give --data or --data-json, not both');
  let body: RequestBody | null = null;
  if (values.data !== undefined) {
    body = { contentType: 'application/x-www-form-urlencoded', text: values.data, paramNames: [...new URLSearchParams(values.data).keys()] };
  } else if (values['data-json'] !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(values['data-json']);
    } catch (error) {
      throw new UsageError(`--data-json is not valid JSON: ${(error as Error).message}`);
    }
    const keys = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? Object.keys(parsed) : [];
    body = { contentType: 'application/json', text: values['data-json'], paramNames: keys };
  }
  const format = values.format ?? (values.json ? 'json' : 'text');
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format takes ${FORMATS.join(', ')}, not "${format}"`);
  if (values.json && values.format !== undefined && values.format !== 'json') throw new UsageError('--json and --format disagree: give one');
  const rulesUrl = values['rules-url'] ?? null;
  if (rulesUrl !== null && !/^https?:\/\/\S+$/.test(rulesUrl)) throw new UsageError(`--rules-url takes an absolute http(s) URL, not "${rulesUrl}"`);
  const options: CliOptions = {
    sources: positionals,
    format: format as Format,
    rulesUrl,
    explain: values.explain ?? null,
    secretFiles: values.secrets,
    failUnder: values['fail-under'] === undefined ? null : parseLetter(values['fail-under']),
    showValues: values['show-values'],
    insecure: values.insecure,
    method: (values.method ?? (body === null ? 'GET' : 'POST')).toUpperCase(),
    body,
    flow: values.flow ?? null,
    saveHar: values['save-har'] ?? null,
    headers: values.header.map(parseHeader),
    timeoutMs: timeout * 1000,
    help: values.help,
    version: values.version,
  };
  if (!options.help && !options.version && options.explain === null && options.flow === null && options.sources.length === 0) {
    throw new UsageError('give at least one URL or HAR file (see --help)');
  }
  return options;
}

const isUrl = (source: string) => /^https?:\/\//i.test(source);

function sessionOptions(options: CliOptions, progress: Progress): FetchTraceOptions {
  return {
    method: options.method,
    headers: options.headers,
    insecure: options.insecure,
    timeoutMs: options.timeoutMs,
    maxRedirects: MAX_REDIRECTS,
    // Only the host: a path or query can carry a session id.
    onHop: (hop, url) => progress.update(`request ${hop + 1} to ${new URL(url).host}`),
  };
}

/** A flow's exchanges, and the credentials it read from the environment (masked everywhere). */
async function walkFlow(file: string, options: CliOptions, io: CliIo): Promise<{ observations: Observation[]; credentials: ReadonlySet<string> }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FetchTraceError(`cannot read the flow ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message}`);
  }
  const flow = parseFlow(text, file);
  const progress = io.progress ?? NO_PROGRESS;
  const session = new HttpSession(sessionOptions(options, progress));
  try {
    const run = await runFlow(flow, session, process.env, (step) => progress.update(step.name));
    return { observations: session.observations, credentials: run.secrets };
  } catch (error) {
    // Keep what the flow did before it failed: --save-har writes it as evidence.
    if (error instanceof FlowError || error instanceof FetchTraceError) Object.assign(error, { observations: session.observations });
    throw error;
  } finally {
    progress.done();
  }
}

async function observationsOf(source: string, options: CliOptions, io: CliIo): Promise<Observation[]> {
  const progress = io.progress ?? NO_PROGRESS;
  if (isUrl(source)) {
    const session = new HttpSession(sessionOptions(options, progress));
    try {
      await session.navigate(options.method, source, options.body);
      return session.observations;
    } finally {
      progress.done();
    }
  }
  let size: number;
  try {
    const info = await stat(source);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = info.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new FetchTraceError(`cannot read ${source}: ${reason}`);
  }
  // Streamed, entry by entry, bodies skipped: any size in bounded memory.
  const har = await readHarFile(source, (read) =>
    progress.update(`reading ${formatBytes(read)} of ${formatBytes(size)} (${size === 0 ? 100 : Math.floor((100 * read) / size)}%)`),
  );
  progress.done();
  if (!har.ok) throw new FetchTraceError(`${source} is ${har.error.startsWith('not') ? '' : 'not readable: '}${har.error}`);
  if (har.skippedEntries > 0) io.stderr(`note: ${source}: skipped ${har.skippedEntries} entries that are not HTTP exchanges`);
  const hasCookieHeaders = har.observations.some(
    (observation) => headerValues(observation.requestHeaders, 'cookie').length > 0 || headerValues(observation.responseHeaders, 'set-cookie').length > 0,
  );
  if (har.observations.length > 0 && !hasCookieHeaders) {
    io.stderr(
      `note: ${source} has no Cookie or Set-Cookie header at all. Chrome's "Export HAR" leaves them out unless DevTools' setting "Allow to generate HAR with sensitive data" is on (Settings > Preferences > Network); export again with it on.`,
    );
  }
  return har.observations;
}

/** The bundled list, then each --secrets file as it streams in (with a status line for long ones). */
function secretChecker(files: readonly string[], progress: Progress): KnownSecretChecker {
  async function* candidates(): AsyncGenerator<CandidateSecret> {
    yield* bundledSecrets();
    for (const file of files) {
      try {
        for await (const candidate of secretsFromFile(file)) {
          if (candidate.source.list === 'file' && candidate.source.line % 1000 === 0) progress.update(`checking signatures: ${file} line ${candidate.source.line}`);
          yield candidate;
        }
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new FetchTraceError(`cannot read the secrets file ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message}`);
      } finally {
        progress.done();
      }
    }
  }
  return createKnownSecretChecker(candidates, { crypto: NODE_CRYPTO, yieldEvery: () => Promise.resolve() });
}

/** `--save-har`: the exchanges made, values replaced by stand-ins (unless --show-values), credentials always masked. */
async function saveHar(options: CliOptions, exchanges: readonly Observation[], credentials: ReadonlySet<string>, io: CliIo): Promise<boolean> {
  if (options.saveHar === null) return true;
  const values = buildValueIndex(buildCookieInventory(exchanges).values);
  const standIn = createStandIn();
  const secret = buildValueIndex(credentials, { minLength: CREDENTIAL_MIN_LENGTH });
  const hide = (text: string) => secret.mask(options.showValues ? text : values.replaceEach(text, standIn));
  try {
    await writeFile(options.saveHar, `${JSON.stringify(buildHar(exchanges, hide), null, 2)}\n`);
    return true;
  } catch (error) {
    io.stderr(`session-cookie-inspector: cannot write ${options.saveHar}: ${(error as Error).message}`);
    return false;
  }
}

/** Runs the CLI and returns its exit status. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    io.stderr(`session-cookie-inspector: ${(error as Error).message}`);
    return 2;
  }
  if (options.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (options.version) {
    io.stdout(VERSION);
    return 0;
  }
  if (options.explain !== null) {
    const text = explain(options.explain);
    if (text === null) {
      io.stderr(`session-cookie-inspector: no finding or note is called "${options.explain}"; the ids are in ${rulesDocUrl()}`);
      return 2;
    }
    io.stdout(text);
    return 0;
  }
  if (options.insecure) io.stderr('warning: --insecure: TLS certificates are not verified');

  for (const file of options.secretFiles) {
    const problem = await stat(file).then(
      (info) => (info.isDirectory() ? 'it is a directory' : null),
      (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? 'no such file' : error.message),
    );
    if (problem !== null) {
      io.stderr(`session-cookie-inspector: cannot read the secrets file ${file}: ${problem}`);
      return 2;
    }
  }
  const reports: JsonReport[] = [];
  const exchanges: Observation[] = [];
  const credentials = new Set<string>();
  try {
    const checker = secretChecker(options.secretFiles, io.progress ?? NO_PROGRESS);
    const sources = [...options.sources, ...(options.flow === null ? [] : [options.flow])];
    for (const source of sources) {
      let observations: Observation[];
      if (source === options.flow) {
        const walked = await walkFlow(source, options, io);
        observations = walked.observations;
        for (const credential of walked.credentials) credentials.add(credential);
      } else {
        observations = await observationsOf(source, options, io);
      }
      exchanges.push(...observations);
      const inventory = buildCookieInventory(observations);
      // Offline: signatures are checked against the bundled list (and --secrets files) here.
      const secretMatches = await checker.check(valuesToCheck(inventory));
      const trace = gradeInventory(inventory, { secretMatches });
      reports.push(buildJsonReport(source, trace, { showValues: options.showValues, alsoMask: credentials }));
    }
  } catch (error) {
    const known = error instanceof FetchTraceError || error instanceof FlowError;
    const message = known ? (error as Error).message : `unexpected error: ${(error as Error).message}`;
    const partial = (known ? ((error as { observations?: Observation[] }).observations ?? []) : []) as Observation[];
    exchanges.push(...partial.filter((observation) => !exchanges.includes(observation)));
    // The message may quote a URL that carries a cookie value (`;jsessionid=...`): mask it too.
    const seen = buildCookieInventory(exchanges).values;
    const masked = buildValueIndex(credentials, { minLength: CREDENTIAL_MIN_LENGTH }).mask(options.showValues ? message : buildValueIndex(seen).mask(message));
    await saveHar(options, exchanges, credentials, io);
    io.stderr(`session-cookie-inspector: ${escapeControlCharacters(masked)}`);
    return 2;
  }
  if (!(await saveHar(options, exchanges, credentials, io))) return 2;

  switch (options.format) {
    case 'json':
      io.stdout(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
      break;
    case 'sarif':
      io.stdout(buildSarifLog(reports, options.rulesUrl === null ? {} : { rulesUrl: options.rulesUrl }));
      break;
    case 'junit':
      io.stdout(formatJunitReport(reports, options.failUnder));
      break;
    case 'text': {
      const styles: Styles = io.color ? pc : PLAIN;
      // Names, URLs and messages come from pages and files: no control character reaches the terminal.
      io.stdout(reports.map((report) => formatTextReport(escapeStringsIn(report), styles)).join('\n'));
      break;
    }
  }

  const threshold = options.failUnder;
  if (threshold === null) return 0;
  const failing = reports.filter((report) => report.grade !== 'none' && isWorse(report.grade, threshold));
  for (const report of failing) io.stderr(`${report.source}: site grade ${report.grade} is below --fail-under ${threshold}`);
  return failing.length > 0 ? 1 : 0;
}

/** `--explain <id>`: one finding or note, as docs/rubric.md has it. */
export function explain(id: string): string | null {
  const rule = documentedRules().find((candidate) => candidate.id === id);
  const doc = Object.hasOwn(RULE_DOCS, id) ? RULE_DOCS[id] : undefined;
  if (rule !== undefined && doc !== undefined) {
    const cost = [rule.deduction > 0 ? `-${rule.deduction} points` : 'no deduction', rule.cap === null ? 'no cap' : `caps the letter at ${rule.cap}`].join(', ');
    return [
      `${id} (${cost})`,
      `  When: ${doc.when}`,
      `  Why it matters: ${doc.why}`,
      `  Fix (express-session): ${rule.expressFix}`,
      `  Sources: ${doc.sources}`,
      `  More: ${rulesDocUrl()}#${id}`,
    ].join('\n');
  }
  if (Object.hasOwn(NOTE_DOCS, id)) return `${id} (a note: no deduction)\n  ${NOTE_DOCS[id]}`;
  return null;
}
