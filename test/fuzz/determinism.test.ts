/**
 * The suite does not depend on the machine's load: every property test runs from a fixed seed a
 * stated number of times, and no test times itself with a clock (a busy machine makes any
 * duration fail; time limits belong to the test runner, which only catches hangs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROPERTY_SEED } from '../support/property-runs.js';

/** Every test file of the unit suite (the browser tests under test/e2e measure the panel's latency on purpose). */
function testFiles(): string[] {
  return ['src', 'test', 'demo-server', 'extension'].flatMap((root) =>
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.test\.tsx?$/.test(name) && !join(root, name).startsWith(join('test', 'e2e')))
      .map((name) => join(root, name)),
  );
}

describe('a suite that does not depend on the machine', () => {
  it("makes a fixed seed and 100 runs fast-check's defaults in every test file", () => {
    expect(fc.readConfigureGlobal()).toMatchObject({ seed: PROPERTY_SEED, numRuns: 100 });
  });

  it('has no stopwatch: no test subtracts a clock reading', () => {
    const stopwatches = testFiles().filter((file) => /\b(?:Date|performance)\.now\(\)\s*-/.test(readFileSync(file, 'utf8')));
    expect(stopwatches).toEqual([]);
  });
});
