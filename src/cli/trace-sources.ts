/**
 * Where a trace comes from on the command line: a URL (requested, redirects followed), a HAR file
 * or standard input (read in bounded memory) or a flow (walked step by step). Each gives its exchanges and the page
 * its site comes from, or says in one line why it could not, with the exchanges made before it
 * failed (a saved HAR keeps them as evidence). Never throws for what the user can act on.
 */
import { readFile, stat } from 'node:fs/promises';
import { siteOfHost, siteOfUrl } from '../core/site.js';
import type { ServerCheckResults } from '../trace/server-checks.js';
import type { ActiveExchange } from './active-checks.js';
import { headerValues, type Observation } from '../observation/observation.js';
import { STDIN, type CliOptions } from './cli-arguments.js';
import type { StandardInput } from './cli-io.js';
import { FetchTraceError, HttpSession, type FetchTraceOptions } from './fetch-trace.js';
import { describeFileError } from './file-errors.js';
import { formatBytes, NO_PROGRESS, type Progress } from './progress.js';
import { readHarFile, readHarStream, type HarFileResult } from './read-har-file.js';

const MAX_REDIRECTS = 10;

/** What one source gave: its exchanges in order and the URL of its first top-level document. */
export interface SourceTrace {
  readonly ok: true;
  readonly source: string;
  readonly observations: readonly Observation[];
  /** The trace's first top-level document (rubric section 1): its site is the trace's site. */
  readonly pageUrl: string | null;
  /** What the user should know about the input (skipped entries, cookies left out by the exporter). */
  readonly notes: readonly string[];
  /** A flow with `--active`: what the server answered (rubric section 5, "Verified on the server"). */
  readonly serverChecks?: ServerCheckResults;
  /** The exchanges `--active` made: saved and masked, never graded as part of the trace. */
  readonly activeExchanges?: readonly ActiveExchange[];
}

/** A source that could not be read or walked to its end: why, and what was exchanged before. */
export interface FailedSource {
  readonly ok: false;
  readonly source: string;
  /** One line; may quote URLs that carry values: mask it before printing. */
  readonly error: string;
  readonly observations: readonly Observation[];
  readonly activeExchanges?: readonly ActiveExchange[];
}

export type SourceReading = SourceTrace | FailedSource;

export const isUrl = (source: string) => /^https?:\/\//i.test(source);

/** The scheme of a URL this CLI cannot request (`ftp:`, `file:`), or null for a URL it can, or a file name. */
export function unsupportedScheme(source: string): string | null {
  // Two letters at least: `C:\trace.har` is a Windows path, not a URL.
  const scheme = /^([a-z][a-z0-9+.-]+):\/\//i.exec(source)?.[1] ?? (/^file:/i.test(source) ? 'file' : null);
  return scheme === null || /^https?$/i.test(scheme) ? null : `${scheme.toLowerCase()}:`;
}

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

/** A URL: one navigation, its redirects followed; the site is the URL's, before redirects. */
export async function readUrl(source: string, options: CliOptions, progress: Progress = NO_PROGRESS): Promise<SourceReading> {
  const session = new HttpSession(sessionOptions(options, progress));
  try {
    await session.navigate(options.method, source, options.body);
    return { ok: true, source, observations: session.observations, pageUrl: source, notes: [] };
  } catch (error) {
    if (!(error instanceof FetchTraceError)) throw error;
    return { ok: false, source, error: error.message, observations: session.observations };
  } finally {
    progress.done();
  }
}

/**
 * The hint for a HAR without a single Cookie or Set-Cookie header (rubric section 1): the
 * exporter's own setting where one is known, else what to look for.
 */
export function missingCookiesHint(source: string, creator: string | null): string {
  const lead = `${source} has no Cookie or Set-Cookie header at all.`;
  // Chrome and Edge both write "WebInspector" as the creator.
  if (creator === 'WebInspector') {
    return `${lead} Chrome's and Edge's "Export HAR" leave them out unless DevTools' setting "Allow to generate HAR with sensitive data" is on (Settings > Preferences > Network); export again with it on.`;
  }
  const tool = creator === null ? 'the tool that wrote it' : `${creator}, which wrote it,`;
  return `${lead} Check whether ${tool} leaves cookies out of its exports, or whether the recording began after the session cookie was set.`;
}

/** A HAR file (or `-`: standard input), streamed; the site is its first page's. */
export async function readHarSource(source: string, progress: Progress = NO_PROGRESS, stdin?: StandardInput): Promise<SourceReading> {
  const scheme = unsupportedScheme(source);
  if (scheme !== null)
    return {
      ok: false,
      source,
      error: `${source}: unsupported scheme ${scheme} (give an http(s) URL, a HAR file, or - for a HAR on standard input)`,
      observations: [],
    };
  if (source === STDIN) return readHarFromStdin(stdin, progress);
  let size: number;
  try {
    const info = await stat(source);
    if (info.isDirectory()) return { ok: false, source, error: `cannot read ${source}: it is a directory`, observations: [] };
    size = info.size;
  } catch (error) {
    return { ok: false, source, error: `cannot read ${source}: ${describeFileError(error)}`, observations: [] };
  }
  let har;
  try {
    har = await readHarFile(source, {
      onProgress: (read) => progress.update(`reading ${formatBytes(read)} of ${formatBytes(size)} (${size === 0 ? 100 : Math.floor((100 * read) / size)}%)`),
    });
  } catch (error) {
    return { ok: false, source, error: `cannot read ${source}: ${describeFileError(error)}`, observations: [] };
  } finally {
    progress.done();
  }
  return harReading(source, har);
}

/** The label of standard input in reports and messages. */
const STDIN_SOURCE = 'stdin';

/** `-`: a HAR piped in (never a terminal: that would wait for a HAR typed by hand). */
async function readHarFromStdin(stdin: StandardInput | undefined, progress: Progress): Promise<SourceReading> {
  const source = STDIN_SOURCE;
  if (stdin === undefined || stdin.isTTY === true) {
    return { ok: false, source, error: '- reads a HAR from standard input, which is a terminal here: pipe or redirect a HAR file into it', observations: [] };
  }
  let har;
  try {
    har = await readHarStream(stdin, { onProgress: (read) => progress.update(`reading ${formatBytes(read)} from standard input`) });
  } catch (error) {
    return { ok: false, source, error: `cannot read standard input: ${describeFileError(error)}`, observations: [] };
  } finally {
    progress.done();
  }
  return harReading(source, har);
}

/** A HAR read (from a file or standard input) as a source, with what the user should know about it. */
function harReading(source: string, har: HarFileResult): SourceReading {
  if (!har.ok) return { ok: false, source, error: `${source} is ${har.error.startsWith('not') ? '' : 'not readable: '}${har.error}`, observations: [] };
  const notes: string[] = [];
  if (har.skippedEntries > 0) notes.push(`${source}: skipped ${har.skippedEntries} entries that are not HTTP exchanges`);
  const hasCookieHeaders = har.observations.some(
    (observation) => headerValues(observation.requestHeaders, 'cookie').length > 0 || headerValues(observation.responseHeaders, 'set-cookie').length > 0,
  );
  if (har.observations.length > 0 && !hasCookieHeaders) notes.push(missingCookiesHint(source, har.har.creator));
  return { ok: true, source, observations: har.observations, pageUrl: har.har.pageUrl, notes };
}

/**
 * A flow: its steps walked in one session. Every secret it reads from the environment goes into
 * `secrets` as it is read, so a flow that fails still has them masked. With `--active`, the
 * server checks run after it (rubric section 5, "Verified on the server"); each value they make
 * up goes to `onPlanted` before it is sent, and their exchanges come back apart from the trace.
 */
export async function walkFlowSource(
  file: string,
  options: CliOptions,
  secrets: Set<string>,
  progress: Progress = NO_PROGRESS,
  onPlanted: (values: readonly string[]) => void = () => {},
): Promise<SourceReading> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, source: file, error: `cannot read the flow ${file}: ${describeFileError(error)}`, observations: [] };
  }
  // cheerio and yaml load only for a flow.
  const { FlowError, flowStartUrl, parseFlow, runFlow } = await import('./flow.js');
  const fetchOptions = sessionOptions(options, progress);
  const session = new HttpSession(fetchOptions);
  const activeExchanges: ActiveExchange[] = [];
  try {
    const flow = parseFlow(text, file);
    const runs = await runFlow(flow, session, process.env, secrets, { onStep: (step) => progress.update(step.name) });
    const pageUrl = flowStartUrl(flow);
    if (!options.active) return { ok: true, source: file, observations: session.observations, pageUrl, notes: [] };
    const { runActiveChecks } = await import('./active-checks.js');
    progress.update('--active: asking the server');
    const outcome = await runActiveChecks({
      flow,
      runs,
      observations: session.observations,
      site: options.site !== null ? siteOfHost(options.site) : pageUrl === null ? null : siteOfUrl(pageUrl),
      options: fetchOptions,
      headersOrigin: session.headersOrigin,
      env: process.env,
      secrets,
      onPlanted,
      onExchange: (exchange) => activeExchanges.push(exchange),
    });
    return { ok: true, source: file, observations: session.observations, pageUrl, notes: [], serverChecks: outcome.results, activeExchanges };
  } catch (error) {
    if (!(error instanceof FlowError || error instanceof FetchTraceError)) throw error;
    return { ok: false, source: file, error: error.message, observations: session.observations, activeExchanges };
  } finally {
    progress.done();
  }
}
