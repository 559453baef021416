/**
 * One mask over everything the command line writes (rubric section 7): stdout, stderr, the status
 * line and the saved HAR go through it, so no path, a failing one included, can print a secret or
 * a cookie value. It is made before the first request; credentials, flow secrets and the values of
 * each exchange join it as they become known, and its indexes are rebuilt only when they grew.
 */
import { buildValueIndex, type ValueIndex } from '../core/value-index.js';
import type { CliIo } from './cli-io.js';
import type { Progress } from './progress.js';

export class OutputMask {
  /** Secrets the user handed over (credentials, flow secrets): masked at any length, always. */
  readonly secrets = new Set<string>();
  readonly #values = new Set<string>();
  readonly #showValues: boolean;
  #secretIndex: ValueIndex = buildValueIndex([]);
  #secretCount = 0;
  #valueIndex: ValueIndex = buildValueIndex([]);
  #valueCount = 0;

  /** `showValues`: the user asked to see cookie values (`--show-values`); secrets stay masked. */
  constructor(showValues: boolean) {
    this.#showValues = showValues;
  }

  /** Cookie values seen in the trace. */
  addValues(values: Iterable<string>): void {
    if (this.#showValues) return;
    for (const value of values) this.#values.add(value);
  }

  /** The index of the cookie values known so far. */
  values(): ValueIndex {
    if (this.#valueCount !== this.#values.size) {
      this.#valueIndex = buildValueIndex(this.#values);
      this.#valueCount = this.#values.size;
    }
    return this.#valueIndex;
  }

  /** The index of the secrets known so far. */
  secretIndex(): ValueIndex {
    if (this.#secretCount !== this.secrets.size) {
      this.#secretIndex = buildValueIndex(this.secrets, { of: 'secrets' });
      this.#secretCount = this.secrets.size;
    }
    return this.#secretIndex;
  }

  mask(text: string): string {
    return this.secretIndex().mask(this.values().mask(text));
  }
}

/** `io` with every text it writes masked by `mask`. */
export function maskedIo(io: CliIo, mask: OutputMask): CliIo {
  const progress: Progress | undefined = io.progress && {
    update: (text: string) => io.progress?.update(mask.mask(text)),
    done: () => io.progress?.done(),
  };
  return {
    ...io,
    stdout: (text) => io.stdout(mask.mask(text)),
    stderr: (text) => io.stderr(mask.mask(text)),
    ...(progress === undefined ? {} : { progress }),
  };
}
