/**
 * How every fast-check property test runs: from a fixed seed, so what it tries never depends on
 * the clock and a failure comes back the same on every machine, and with a stated number of runs
 * (`runs(n)`). fast-check-setup.ts makes the same seed (and 100 runs) fast-check's defaults in
 * every test file, so a property test that names neither still runs the same way every time.
 */
export const PROPERTY_SEED = 6_122_026;

export function runs(numRuns: number): { readonly numRuns: number; readonly seed: number } {
  return { numRuns, seed: PROPERTY_SEED };
}
