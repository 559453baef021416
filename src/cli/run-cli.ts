/**
 * The command line: grade URLs, HAR files and flows, print a readable report or the JSON report,
 * and exit 0 (graded), 1 (below --fail-under) or 2 (bad arguments, unreadable input, network
 * errors). `--help`, `--version`, `--explain` and `completion` answer before the grader is even
 * loaded.
 */
import { parseCliArgs, USAGE } from './cli-arguments.js';
import type { CliIo } from './cli-io.js';
import { VERSION } from '../version.js';

export { USAGE, parseCliArgs } from './cli-arguments.js';
export type { CliIo } from './cli-io.js';

/** `completion bash|zsh`: a completion script for the shell, on stdout. */
async function printCompletion(shell: string | undefined, io: CliIo): Promise<number> {
  const { completionScript, SHELLS } = await import('./completion.js');
  const script = shell === undefined ? null : completionScript(shell);
  if (script === null) {
    io.stderr(`session-cookie-inspector: completion takes the shell: ${SHELLS.join(' or ')}${shell === undefined ? '' : `, not "${shell}"`}`);
    return 2;
  }
  io.stdout(script);
  return 0;
}

/** Runs the CLI and returns its exit status. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === 'completion') {
    if (argv.length > 2) {
      io.stderr('session-cookie-inspector: completion takes one argument, the shell (bash or zsh)');
      return 2;
    }
    return printCompletion(argv[1], io);
  }
  let options;
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
    const { explain, explainIndex } = await import('./explain.js');
    if (options.explain === '') {
      io.stdout(explainIndex());
      return 0;
    }
    const text = explain(options.explain, options.rulesUrl);
    if (text === null) {
      io.stderr(`session-cookie-inspector: no finding or note is called "${options.explain}"; --explain with no id lists them`);
      return 2;
    }
    io.stdout(text);
    return 0;
  }
  try {
    const { gradeSources } = await import('./grade-sources.js');
    return await gradeSources(options, { ...io, color: options.color ?? io.color });
  } catch (error) {
    // A bug: its message may quote input (a value), so only where it happened is printed.
    const where = ((error as Error).stack ?? '').split('\n').find((line) => line.trim().startsWith('at '));
    io.stderr(`session-cookie-inspector: unexpected ${(error as Error).name ?? 'error'}${where ? ` ${where.trim()}` : ''} (a bug: please report it)`);
    return 2;
  }
}
