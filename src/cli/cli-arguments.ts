/**
 * The command line's arguments and usage text. Loads nothing heavy: `--help` and `--version`
 * answer from here alone.
 */
import { parseArgs } from 'node:util';
import { LETTERS, type Letter } from '../core/letter.js';
import type { HttpHeader } from '../observation/observation.js';
import type { RequestBody } from './fetch-trace.js';

/** What an option's value completes to in a shell (completion.ts). */
export type ValueKind = 'file' | 'format' | 'letter' | 'finding-id' | 'text';

/** One option: its names, its value (if it takes one), its help lines, and what its value completes to. */
export interface OptionSpec {
  readonly name: string;
  readonly short?: string;
  /** The value's placeholder in the help (`<f>`); an option without one is a switch. */
  readonly value?: string;
  readonly values?: ValueKind;
  readonly multiple?: boolean;
  /** The help text; each further line is a continuation. */
  readonly help: readonly string[];
}

/** Every option, in the order --help lists them: the parser, the help text and shell completion read this one list. */
export const OPTIONS: readonly OptionSpec[] = [
  { name: 'format', value: '<f>', values: 'format', help: ['text (default), json, sarif (SARIF 2.1.0, for code scanning) or junit (JUnit XML)'] },
  { name: 'json', help: ['the same as --format json (an array when there are several inputs)'] },
  {
    name: 'site',
    value: '<domain>',
    values: 'text',
    help: [
      "the site whose cookies are graded (default: the URL's, the flow's baseUrl's,",
      "or the HAR's first page's registrable domain); others are third-party",
    ],
  },
  {
    name: 'rules-url',
    value: '<url>',
    values: 'text',
    help: ["absolute URL of docs/rubric.md for SARIF's helpUri and --explain's links", '(default: the docs/rubric.md installed with the package, a file: URL)'],
  },
  {
    name: 'secrets',
    value: '<file>',
    values: 'file',
    multiple: true,
    help: ['also check signatures against your own list, one secret per line (repeatable);', 'a match names the file and line, never the secret'],
  },
  { name: 'explain', value: '[<id>]', values: 'finding-id', help: ['print what a finding or note id means, and exit; without an id, list them all'] },
  { name: 'fail-under', value: '<letter>', values: 'letter', help: ['exit 1 when a site grade is below A+, A, B, C, D or F ("none" never fails)'] },
  { name: 'show-values', help: ['include cookie values in the output (hidden by default)'] },
  { name: 'insecure', help: ['accept TLS certificates that do not verify (local dev servers)'] },
  { name: 'method', value: '<method>', values: 'text', help: ['HTTP method of the first request (default GET, or POST with --data)'] },
  { name: 'data', value: '<body>', values: 'text', help: ['send this form-encoded body with the first request (like curl -d)'] },
  { name: 'data-json', value: '<json>', values: 'text', help: ['send this JSON body with the first request'] },
  { name: 'flow', value: '<file>', values: 'file', help: ['walk the steps of a JSON or YAML flow file as one trace (see README)'] },
  {
    name: 'active',
    help: [
      'after the flow, ask the server: send the pre-logout cookies again, and walk',
      'the flow again with planted session ids (extra requests: your own app only)',
    ],
  },
  {
    name: 'save-har',
    value: '<file>',
    values: 'file',
    help: ['also write the exchanges made as a HAR 1.2 file (headers only, values', 'replaced by stand-ins unless --show-values; credentials never)'],
  },
  { name: 'header', short: 'H', value: '<h>', values: 'text', multiple: true, help: ['extra request header "Name: value" (repeatable)'] },
  { name: 'timeout', value: '<seconds>', values: 'text', help: ['per-request timeout (default 10)'] },
  { name: 'color', help: ['colour the report even when stdout is not a terminal (as FORCE_COLOR does)'] },
  { name: 'no-color', help: ['never colour the report (as NO_COLOR does)'] },
  { name: 'help', short: 'h', help: ['show this help'] },
  { name: 'version', short: 'V', help: ['show the version'] },
];

const OPTION_COLUMN = 23;

function optionLines(option: OptionSpec): string[] {
  const names = `${option.short === undefined ? '' : `-${option.short}, `}--${option.name}${option.value === undefined ? '' : ` ${option.value}`}`;
  return option.help.map((line, index) => `  ${(index === 0 ? names : '').padEnd(OPTION_COLUMN)}${line}`);
}

export const USAGE = `Usage: session-cookie-inspector [options] <url-or-har-file>...
       session-cookie-inspector [options] --flow <flow.json|flow.yaml>
       session-cookie-inspector completion bash|zsh

Grades the session cookies set by a URL (following redirects), recorded in a HAR file (- reads
one from standard input), or seen while walking a flow of steps (log in, browse, log out).
\`completion bash\` and \`completion zsh\` print a shell completion script (see README).

Options:
${OPTIONS.flatMap(optionLines).join('\n')}

Colours: on a terminal, unless NO_COLOR is set; FORCE_COLOR (or --color) forces them, and
--color / --no-color win over both variables.

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
  /** `--active`: after the flow, the server checks of rubric section 5 ("Verified on the server"). */
  readonly active: boolean;
  readonly saveHar: string | null;
  readonly failUnder: Letter | null;
  readonly showValues: boolean;
  readonly insecure: boolean;
  readonly method: string;
  readonly headers: readonly HttpHeader[];
  readonly timeoutMs: number;
  /** `--color` (true) or `--no-color` (false); null to follow the environment. */
  readonly color: boolean | null;
  readonly help: boolean;
  readonly version: boolean;
}

/** The source `-`: a HAR read from standard input. */
export const STDIN = '-';

function parseHeader(text: string): HttpHeader {
  const colon = text.indexOf(':');
  const name = colon < 0 ? '' : text.slice(0, colon).trim();
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    // The text is not quoted: a mistyped header may be a credential (`-H "Bearer ..."`).
    throw new UsageError('a --header is not of the form "Name: value"');
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
  const site = text
    .trim()
    .toLowerCase()
    .replace(/^\.+|\.+$/g, '');
  if (!/^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/.test(site) && !/^\[[0-9a-f:.]+\]$/.test(site)) {
    throw new UsageError(`--site takes a domain such as example.com, not "${text}"`);
  }
  return site;
}

/** parseArgs' configuration, from OPTIONS. */
const PARSE_OPTIONS = Object.fromEntries(
  OPTIONS.map((option) => [
    option.name,
    {
      type: option.value === undefined ? ('boolean' as const) : ('string' as const),
      ...(option.short ? { short: option.short } : {}),
      ...(option.multiple ? { multiple: true } : {}),
    },
  ]),
);

/**
 * `--explain` with no id after it (last, or before another option) lists every id: it becomes
 * `--explain=`, since parseArgs wants a value. Arguments after `--` are left alone.
 */
function withExplainValues(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((arg, index) => {
    if (arg !== '--explain' || (end >= 0 && index > end)) return arg;
    const next = argv[index + 1];
    return next === undefined || (next.startsWith('-') && next !== STDIN) ? '--explain=' : arg;
  });
}

/** parseArgs' own messages, in this CLI's words (Node's unknown-option message loses a closing quote). */
function usageErrorFrom(error: Error & { code?: string }): UsageError {
  const unknown = /^Unknown option '([^']*)'/.exec(error.message);
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
    const option = unknown[1] as string;
    return new UsageError(`unknown option '${option}' (see --help); to give a file whose name starts with '-', put it after '--', as in '-- ${option}'`);
  }
  return new UsageError(error.message.split('\n')[0] ?? 'bad arguments');
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: withExplainValues(argv), allowPositionals: true, strict: true, options: PARSE_OPTIONS });
  } catch (error) {
    throw usageErrorFrom(error as Error);
  }
  const { positionals } = parsed;
  const values = parsed.values as {
    readonly [name: string]: string | boolean | (string | boolean)[] | undefined;
  };
  const text = (name: string) => values[name] as string | undefined;
  const texts = (name: string) => (values[name] as string[] | undefined) ?? [];
  const flag = (name: string) => values[name] === true;
  const timeoutText = text('timeout') ?? '10';
  const timeout = Number(timeoutText);
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 600) {
    throw new UsageError(`--timeout takes a number of seconds between 0 and 600, not "${timeoutText}"`);
  }
  const method = text('method');
  if (method !== undefined && !/^[A-Za-z]+$/.test(method)) throw new UsageError(`--method "${method}" is not an HTTP method`);
  const data = text('data');
  const dataJson = text('data-json');
  if (data !== undefined && dataJson !== undefined) throw new UsageError('give --data or --data-json, not both');
  let body: RequestBody | null = null;
  if (data !== undefined) {
    body = { contentType: 'application/x-www-form-urlencoded', text: data, paramNames: [...new URLSearchParams(data).keys()] };
  } else if (dataJson !== undefined) {
    let parsedJson: unknown;
    try {
      parsedJson = JSON.parse(dataJson);
    } catch (error) {
      // JSON.parse's message quotes the text, which may hold a password: only where it broke is said.
      const position = /position (\d+)/.exec((error as Error).message)?.[1];
      throw new UsageError(`--data-json is not valid JSON${position === undefined ? '' : ` (at character ${position})`}`);
    }
    const keys = typeof parsedJson === 'object' && parsedJson !== null && !Array.isArray(parsedJson) ? Object.keys(parsedJson) : [];
    body = { contentType: 'application/json', text: dataJson, paramNames: keys };
  }
  const formatText = text('format');
  const format = formatText ?? (flag('json') ? 'json' : 'text');
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format takes ${FORMATS.join(', ')}, not "${format}"`);
  if (flag('json') && formatText !== undefined && formatText !== 'json') throw new UsageError('--json and --format disagree: give one');
  const rulesUrl = text('rules-url') ?? null;
  if (rulesUrl !== null && !/^https?:\/\/\S+$/.test(rulesUrl)) throw new UsageError(`--rules-url takes an absolute http(s) URL, not "${rulesUrl}"`);
  if (flag('color') && flag('no-color')) throw new UsageError('give --color or --no-color, not both');
  if (positionals.filter((source) => source === STDIN).length > 1) throw new UsageError('standard input (-) can be read only once: give - once');
  const site = text('site');
  const failUnder = text('fail-under');
  const options: CliOptions = {
    sources: positionals,
    format: format as Format,
    site: site === undefined ? null : parseSite(site),
    rulesUrl,
    explain: text('explain') ?? null,
    secretFiles: texts('secrets'),
    failUnder: failUnder === undefined ? null : parseLetter(failUnder),
    showValues: flag('show-values'),
    insecure: flag('insecure'),
    method: (method ?? (body === null ? 'GET' : 'POST')).toUpperCase(),
    body,
    flow: text('flow') ?? null,
    active: flag('active'),
    saveHar: text('save-har') ?? null,
    headers: texts('header').map(parseHeader),
    timeoutMs: timeout * 1000,
    color: flag('color') ? true : flag('no-color') ? false : null,
    help: flag('help'),
    version: flag('version'),
  };
  if (options.active && options.flow === null && !options.help && !options.version && options.explain === null)
    throw new UsageError('--active checks a flow on the server: give it with --flow <file>');
  if (!options.help && !options.version && options.explain === null && options.flow === null && options.sources.length === 0) {
    throw new UsageError('give at least one URL or HAR file (see --help)');
  }
  return options;
}
