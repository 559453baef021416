/** Where the command line writes: its standard output and error, colours, and a status line. */
import type { Progress } from './progress.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Colour the readable report (a terminal that wants it). */
  readonly color: boolean;
  /** A status line for long work, when stderr is a terminal. */
  readonly progress?: Progress;
}
