/**
 * Packs the project as npm would publish it and installs the tarball into a new app, as a user
 * would, without the network: `npm ci --offline` takes every package from npm's local cache.
 *
 * The app gets a lockfile made from the project's own: the tarball's dependencies at the versions
 * (and integrity hashes) the project installed and tested. With it npm needs only the packages'
 * tarballs, which `npm ci` of the project left in the cache, and never their registry metadata,
 * which `npm ci` does not fetch and a fresh machine's cache therefore lacks.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

interface LockedPackage {
  readonly version?: string;
  readonly dev?: boolean;
  readonly devOptional?: boolean;
  readonly optional?: boolean;
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  readonly [field: string]: unknown;
}

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly dependencies?: Record<string, string>;
  readonly [field: string]: unknown;
}

export interface InstalledApp {
  /** The app's folder: `node_modules/session-cookie-inspector` in it is the installed tarball. */
  readonly dir: string;
  /** The installed package's folder. */
  readonly packageDir: string;
}

/** Where Node would find `name` from the package at `from` (a lockfile path, '' for the root). */
function locate(packages: Record<string, LockedPackage>, from: string, name: string): string | null {
  for (let base = from; ;) {
    const candidate = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
    if (packages[candidate] !== undefined) return candidate;
    if (base === '') return null;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent < 0 ? '' : base.slice(0, parent);
  }
}

/** The project's lockfile entries for `dependencies` and everything they need, as prod packages. */
function lockedClosure(dependencies: Record<string, string>): Record<string, LockedPackage> {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockedPackage> };
  const closure: Record<string, LockedPackage> = {};
  const visit = (from: string, name: string, optional: boolean) => {
    const path = locate(lock.packages, from, name);
    if (path === null) {
      if (optional) return;
      throw new Error(`package-lock.json has no ${name} for ${from || 'the project'}: run npm install`);
    }
    if (closure[path] !== undefined) return;
    const { dev: _dev, devOptional: _devOptional, ...entry } = lock.packages[path] as LockedPackage;
    closure[path] = entry;
    for (const dependency of Object.keys(entry.dependencies ?? {})) visit(path, dependency, false);
    for (const dependency of Object.keys(entry.optionalDependencies ?? {})) visit(path, dependency, true);
    for (const dependency of Object.keys(entry.peerDependencies ?? {})) visit(path, dependency, entry.peerDependenciesMeta?.[dependency]?.optional === true);
  };
  for (const name of Object.keys(dependencies)) visit('', name, false);
  return closure;
}

/** npm without the settings of an `npm run` around the test (its prefix, its script), offline. */
async function npm(cwd: string, ...args: string[]): Promise<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_(?!config_cache$)/i.test(name)));
  const { stdout } = await run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return stdout;
}

/** `npm pack` of the project (its build as it is: npm test builds first), installed into a new app. */
export async function packAndInstall(): Promise<InstalledApp> {
  const dir = mkdtempSync(join(tmpdir(), 'sci-app-'));
  const [packed] = JSON.parse(await npm(resolve('.'), 'pack', '--ignore-scripts', '--json', '--pack-destination', dir)) as {
    filename: string;
    integrity: string;
  }[];
  if (packed === undefined) throw new Error('npm pack wrote no tarball');
  const tarball = `file:${packed.filename}`;
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
  const dependencies = manifest.dependencies ?? {};
  const app = { name: 'sci-test-app', version: '1.0.0', private: true, dependencies: { [manifest.name]: tarball } };
  const lock = {
    name: app.name,
    version: app.version,
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: app.name, version: app.version, dependencies: app.dependencies },
      [`node_modules/${manifest.name}`]: {
        version: manifest.version,
        resolved: tarball,
        integrity: packed.integrity,
        license: manifest.license,
        dependencies,
        bin: manifest.bin,
        engines: manifest.engines,
      },
      ...lockedClosure(dependencies),
    },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(app, null, 2)}\n`);
  writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  await npm(dir, 'ci', '--offline', '--ignore-scripts');
  return { dir, packageDir: join(dir, 'node_modules', manifest.name) };
}
