/**
 * The command line: grade URLs, HAR files and flows, print a readable report or the JSON report,
 * and exit 0 (graded), 1 (below --fail-under) or 2 (bad arguments, unreadable input, network
 * errors). `--help`, `--version` and `--explain` answer before the grader is even loaded.
 */
import { parseCliArgs, USAGE } from './cli-arguments.js';
import type { CliIo } from './cli-io.js';
import { VERSION } from '../version.js';

export { USAGE, parseCliArgs } from './cli-arguments.js';
export type { CliIo } from './cli-io.js';

/** Runs the CLI and returns its exit status. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
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
    const { explain } = await import('./explain.js');
    const text = explain(options.explain, options.rulesUrl);
    if (text === null) {
      const { rulesDocUrl } = await import('./rules-doc.js');
      io.stderr(`session-cookie-inspector: no finding or note is called "${options.explain}"; the ids are in ${rulesDocUrl(options.rulesUrl)}`);
      return 2;
    }
    io.stdout(text);
    return 0;
  }
  try {
    const { gradeSources } = await import('./grade-sources.js');
    return await gradeSources(options, io);
  } catch (error) {
    // A bug: its message may quote input (a value), so only where it happened is printed.
    const where = ((error as Error).stack ?? '').split('\n').find((line) => line.trim().startsWith('at '));
    io.stderr(`session-cookie-inspector: unexpected ${(error as Error).name ?? 'error'}${where ? ` ${where.trim()}` : ''} (a bug: please report it)`);
    return 2;
  }
}
