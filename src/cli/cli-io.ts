/** Where the command line reads and writes: standard input, output and error, colours, and a status line. */
import type { Progress } from './progress.js';

/** Standard input, as the source `-` reads it: bytes, and whether a terminal is typing them. */
export type StandardInput = AsyncIterable<Uint8Array> & { readonly isTTY?: boolean };

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Colour the readable report (what the environment wants: see color-choice.ts); --color and --no-color override it. */
  readonly color: boolean;
  /** A status line for long work, when stderr is a terminal. */
  readonly progress?: Progress;
  /** What the source `-` reads: a HAR on standard input. */
  readonly stdin?: StandardInput;
}
