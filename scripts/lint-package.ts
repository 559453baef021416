/**
 * `npm run lint:package` (in npm test, after the build): the tarball npm would publish, checked by
 * publint (package.json against the files it ships) and by Are the Types Wrong? (what TypeScript
 * finds for each entry point, imported and required, in every module resolution). The tarball is
 * packed without the prepare script: this checks the build that npm test has just made.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a dev dependency's command; false when it failed (it has said why on stderr). */
function run(command: string, ...args: string[]): boolean {
  try {
    execFileSync(join('node_modules', '.bin', command), args, { stdio: 'inherit' });
    return true;
  } catch {
    return false;
  }
}

const out = mkdtempSync(join(tmpdir(), 'sci-lint-package-'));
try {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], { encoding: 'utf8' })) as {
    filename: string;
  }[];
  const publint = run('publint', '--strict');
  const tarball = join(out, (packed as { filename: string }).filename);
  // The library and its middleware load from require() and import alike; the flow entry, like the
  // CLI it runs, is an ES module only (CommonJS loads it with import()): checked as such.
  const attw = run('attw', tarball, '--exclude-entrypoints', './flow');
  const attwFlow = run('attw', tarball, '--entrypoints', './flow', '--profile', 'esm-only');
  if (!publint || !attw || !attwFlow) process.exitCode = 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
