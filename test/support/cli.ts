/** Runs the CLI in-process and captures what it prints, as the CLI tests read it. */
import { runCli, type CliIo } from '../../src/cli/run-cli.js';

export interface Captured {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function cli(...argv: string[]): Promise<Captured> {
  return cliWith({}, ...argv);
}

/** The same, with parts of the I/O given (a progress line, colours). */
export async function cliWith(io: Partial<CliIo>, ...argv: string[]): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), color: false, ...io });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}
