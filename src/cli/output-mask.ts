/**
 * One mask over everything the command line writes (rubric section 7): stdout, stderr, the status
 * line and the saved HAR go through it, so no path, a failing one included, can print a secret or
 * a cookie value. It is made before the first request; credentials, flow secrets and the values of
 * each exchange join it as they become known, and its indexes are rebuilt only when they grew.
 */
import { buildValueIndex, type ValueIndex, type ValueIndexOptions } from '../core/value-index.js';
import type { CliIo } from './cli-io.js';
import type { Progress } from './progress.js';

/** The index of a growing set, built again only when the set grew since it was last asked for. */
class GrowingIndex {
  readonly items = new Set<string>();
  readonly #options: ValueIndexOptions;
  #index: ValueIndex = buildValueIndex([]);
  #indexedCount = 0;

  constructor(options: ValueIndexOptions) {
    this.#options = options;
  }

  index(): ValueIndex {
    if (this.#indexedCount !== this.items.size) {
      this.#index = buildValueIndex(this.items, this.#options);
      this.#indexedCount = this.items.size;
    }
    return this.#index;
  }
}

export class OutputMask {
  readonly #secrets = new GrowingIndex({ of: 'secrets' });
  readonly #values = new GrowingIndex({ of: 'cookie values' });
  readonly #showValues: boolean;

  /** `showValues`: the user asked to see cookie values (`--show-values`); secrets stay masked. */
  constructor(showValues: boolean) {
    this.#showValues = showValues;
  }

  /** Secrets the user handed over (credentials, flow secrets): masked at any length, always. */
  get secrets(): Set<string> {
    return this.#secrets.items;
  }

  /** Cookie values seen in the trace. */
  addValues(values: Iterable<string>): void {
    if (this.#showValues) return;
    for (const value of values) this.#values.items.add(value);
  }

  /** The index of the cookie values known so far. */
  values(): ValueIndex {
    return this.#values.index();
  }

  /** The index of the secrets known so far. */
  secretIndex(): ValueIndex {
    return this.#secrets.index();
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
