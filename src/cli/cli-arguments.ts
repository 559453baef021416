/**
 * The command line's arguments and usage text. Loads nothing heavy: `--help` and `--version`
 * answer from here alone.
 */
import { parseArgs } from 'node:util';
import { LETTERS, type Letter } from '../core/letter.js';
import type { HttpHeader } from '../observation/observation.js';
import type { RequestBody } from './fetch-trace.js';

export const USAGE = `Usage: session-cookie-inspector [options] <url-or-har-file>...
       session-cookie-inspector [options] --flow <flow.json|flow.yaml>

Grades the session cookies set by a URL (following redirects), recorded in a HAR file, or seen
while walking a flow of steps (log in, browse, log out).

Options:
  --format <f>           text (default), json, sarif (SARIF 2.1.0, for code scanning) or junit (JUnit XML)
  --json                 the same as --format json (an array when there are several inputs)
  --site <domain>        the site whose cookies are graded (default: the URL's, the flow's baseUrl's,
                         or the HAR's first page's registrable domain); others are third-party
  --rules-url <url>      absolute URL of docs/rubric.md for SARIF's helpUri and --explain's links
                         (default: the docs/rubric.md installed with the package, a file: URL)
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

Exit status: 0 graded, 1 below --fail-under, 2 error (also when one of several inputs could not
be read: the others are still reported).`;

export const FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

/** Arguments the user got wrong: the message says which and how. */
export class UsageError extends Error {}

export interface CliOptions {
  readonly sources: readonly string[];
  readonly format: Format;
  /** A registrable domain given with `--site`, lower-cased; null to take the trace's own. */
  readonly site: string | null;
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

/** A host name (`example.com`, `shop.example.co.uk`) or an IP address, as `--site` takes it. */
function parseSite(text: string): string {
  const site = text.trim().toLowerCase().replace(/^\.+|\.+$/g, '');
  if (!/^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/.test(site) && !/^\[[0-9a-f:.]+\]$/.test(site)) {
    throw new UsageError(`--site takes a domain such as example.com, not "${text}"`);
  }
  return site;
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
        site: { type: 'string' },
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
    site: values.site === undefined ? null : parseSite(values.site),
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
