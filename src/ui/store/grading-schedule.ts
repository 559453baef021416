/**
 * When the panel's store grades (architecture.md, incremental grading). It owns the grader: a
 * batch of new exchanges is graded at once while grading is cheap, and later, several batches
 * together, while it stays costly (the safety net); past the cap, the kept exchanges are graded again
 * by a new grader a slice per task, while the current one goes on taking batches. The store hands
 * it the kept exchanges and readings; it hands back every new grade through `publish`. Time comes
 * from an injected clock, so tests set what grading costs and when tasks run.
 */
import { IncrementalGrader } from '../../grade/incremental-grader.js';
import type { InventoryGradeOptions } from '../../grade/grade-observations.js';
import type { Observation } from '../../observation/observation.js';
import type { Reading } from '../../observation/readings.js';

export interface Clock {
  /** Milliseconds, for measuring what a grading cost. */
  now(): number;
  setTimeout(run: () => void, milliseconds: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => performance.now(),
  setTimeout: (run, milliseconds) => setTimeout(run, milliseconds),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What grading reads from the store, at the moment it grades (never a signal dependency). */
export interface GradingInputs {
  observations(): readonly Observation[];
  readings(): readonly Reading[];
  /** The marks, the secrets found and the site, as a new grader takes them. */
  options(): InventoryGradeOptions;
}

/**
 * The safety net: when every one of the last few gradings took longer than this, the next batches
 * wait and are graded together (at most MAX_GRADING_DELAY_MILLISECONDS later), so a burst of
 * requests on a trace where even incremental grading is costly never keeps DevTools busy batch after
 * batch. Incremental grading takes a couple of milliseconds a batch; a collection pause can make
 * one batch take 50 to 100 ms, and when a single such batch held the next one back (by four times
 * its cost), a card now and then came 400 ms late at 5,000 entries. So one costly batch is a pause,
 * not a cost: only a cost that lasts defers.
 */
const IMMEDIATE_GRADING_MILLISECONDS = 50;
const MAX_GRADING_DELAY_MILLISECONDS = 2000;
const COSTS_KEPT = 3;

/**
 * Exchanges a rebuilding grader takes per task. Past the cap the kept exchanges are graded again
 * by a new grader, a slice per task from the task after the drop: dropping the oldest tenth never
 * costs one long task (in the bench the loop was blocked 368 ms at once, 19 ms at most in slices;
 * in the panel, where grading runs two to three times slower than in Node, a slice of 250 took 70
 * to 100 ms).
 */
export const REBUILD_SLICE = 100;

/** A grader of the kept exchanges being built in slices, to take over once it has them all. */
interface Rebuild {
  readonly grader: IncrementalGrader;
  /** How many of the kept exchanges, from the first, it has taken. */
  fed: number;
  /** How many of its oldest exchanges the store dropped while it was being built. */
  dropped: number;
  timer: unknown;
}

export class GradingSchedule {
  readonly #inputs: GradingInputs;
  readonly #publish: (grader: IncrementalGrader) => void;
  readonly #clock: Clock;
  #grader: IncrementalGrader;
  #timer: unknown = null;
  /** What the last few gradings cost, most recent last. */
  #costs: number[] = [];
  /** How many of the grader's oldest exchanges the store has dropped since (past the cap). */
  #droppedSinceGraded = 0;
  #rebuild: Rebuild | null = null;

  constructor(inputs: GradingInputs, publish: (grader: IncrementalGrader) => void, clock: Clock = SYSTEM_CLOCK) {
    this.#inputs = inputs;
    this.#publish = publish;
    this.#clock = clock;
    this.#grader = new IncrementalGrader(inputs.options());
  }

  /** The grader whose grade is published. */
  get grader(): IncrementalGrader {
    return this.#grader;
  }

  /** How many of the kept exchanges, from the first, the current grader has graded. */
  gradedCount(): number {
    return Math.max(0, this.#grader.inventory.observations.length - this.#droppedSinceGraded);
  }

  /** New exchanges were kept, and the `dropped` oldest let go (past the cap). */
  observed(dropped: number): void {
    this.#droppedSinceGraded += dropped;
    this.#schedule();
    if (dropped > 0) this.#rebuildAfterDropping(dropped);
  }

  /** Grades the whole trace again, with the current marks, secrets and readings. */
  regradeAll(): void {
    this.#cancelPending();
    this.#cancelRebuild();
    const grader = new IncrementalGrader(this.#inputs.options());
    grader.append(this.#inputs.observations());
    grader.addReadings(this.#inputs.readings());
    this.#grader = grader;
    this.#droppedSinceGraded = 0;
    this.#publish(grader);
  }

  /** A store or script reading joined the trace. */
  read(reading: Reading): void {
    this.#grader.addReadings([reading]);
    this.#publish(this.#grader);
  }

  /** The inspected tab went to another site: the same grades, another site grade. */
  siteChanged(site: string | null): void {
    this.#rebuild?.grader.setSite(site);
    this.#grader.setSite(site);
    this.#publish(this.#grader);
  }

  /** The trace was emptied: costs are forgotten, and nothing is left to grade. */
  cleared(): void {
    this.#costs = [];
    this.regradeAll();
  }

  #schedule(): void {
    if (this.#timer !== null) return;
    // The cheapest of the last few: one pause (a collection) is not what grading costs.
    const cost = this.#costs.length < COSTS_KEPT ? 0 : Math.min(...this.#costs);
    if (cost < IMMEDIATE_GRADING_MILLISECONDS) {
      this.#gradeAppended();
      return;
    }
    this.#timer = this.#clock.setTimeout(
      () => {
        this.#timer = null;
        this.#gradeAppended();
      },
      Math.min(MAX_GRADING_DELAY_MILLISECONDS, 4 * cost),
    );
  }

  /** Grades what was appended since the grader last looked, or everything when the kept exchanges changed otherwise. */
  #gradeAppended(): void {
    const started = this.#clock.now();
    const current = this.#inputs.observations();
    const graded = this.#grader.inventory.observations;
    // Exchanges are only ever inserted after the graded ones, and dropped from the front (counted in
    // droppedSinceGraded), so the graded part still ends where it did unless the trace was cleared.
    const kept = this.gradedCount();
    const dropped = this.#droppedSinceGraded;
    const appended =
      graded.length === 0 || (kept > 0 && current.length >= kept && current[0] === graded[dropped] && current[kept - 1] === graded[graded.length - 1]);
    if (appended) {
      this.#grader.append(current.slice(kept));
      this.#publish(this.#grader);
    } else {
      this.regradeAll();
    }
    this.#costs.push(this.#clock.now() - started);
    if (this.#costs.length > COSTS_KEPT) this.#costs.shift();
  }

  /**
   * The store dropped `count` more of its oldest exchanges: a rebuild starts. One under way goes on
   * (starting again at every drop, one that needs more tasks than there are between two drops would
   * never end, and the current grader would hold every exchange dropped meanwhile): what it had
   * taken of them counts as dropped from its front, and once it takes over, another rebuild sheds them.
   */
  #rebuildAfterDropping(count: number): void {
    const rebuild = this.#rebuild;
    if (rebuild === null || rebuild.fed <= count) {
      this.#startRebuild();
      return;
    }
    rebuild.fed -= count;
    rebuild.dropped += count;
  }

  #startRebuild(): void {
    this.#cancelRebuild();
    const rebuild: Rebuild = { grader: new IncrementalGrader(this.#inputs.options()), fed: 0, dropped: 0, timer: null };
    this.#rebuild = rebuild;
    rebuild.timer = this.#clock.setTimeout(() => this.#continueRebuild(), 0);
  }

  #continueRebuild(): void {
    const rebuild = this.#rebuild;
    if (rebuild === null) return;
    rebuild.timer = null;
    const current = this.#inputs.observations();
    const slice = current.slice(rebuild.fed, rebuild.fed + REBUILD_SLICE);
    rebuild.grader.append(slice);
    rebuild.fed += slice.length;
    if (rebuild.fed < current.length) {
      rebuild.timer = this.#clock.setTimeout(() => this.#continueRebuild(), 0);
      return;
    }
    // It has every kept exchange: it takes over, with the readings, as a whole re-grade would.
    rebuild.grader.addReadings(this.#inputs.readings());
    this.#grader = rebuild.grader;
    this.#droppedSinceGraded = rebuild.dropped;
    this.#rebuild = null;
    this.#publish(this.#grader);
    if (rebuild.dropped > 0) this.#startRebuild();
  }

  #cancelRebuild(): void {
    if (this.#rebuild?.timer != null) this.#clock.clearTimeout(this.#rebuild.timer);
    this.#rebuild = null;
  }

  #cancelPending(): void {
    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
  }
}
