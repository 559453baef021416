/**
 * `npm run package` (after `npm run build`): store-ready archives of both builds, named with
 * package.json's version, in dist/packages/:
 *   session-cookie-inspector-chrome-<version>.zip   for the Chrome Web Store (a zip of dist/chrome)
 *   session-cookie-inspector-firefox-<version>.zip  for addons.mozilla.org (web-ext build)
 * then runs Mozilla's linter on the Firefox archive itself, and fails on any error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import webExt from 'web-ext';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

export async function packageExtensions(artifactsDir = resolve('dist/packages')): Promise<Record<'chrome' | 'firefox', string>> {
  const archives: Partial<Record<'chrome' | 'firefox', string>> = {};
  for (const browser of ['chrome', 'firefox'] as const) {
    const sourceDir = resolve(`dist/${browser}`);
    if (!existsSync(resolve(sourceDir, 'manifest.json'))) throw new Error(`${sourceDir} has no manifest.json: run npm run build first`);
    const built = JSON.parse(readFileSync(resolve(sourceDir, 'manifest.json'), 'utf8')) as { version: string };
    if (built.version !== version) throw new Error(`dist/${browser} is version ${built.version}, package.json says ${version}: rebuild`);
    const filename = `session-cookie-inspector-${browser}-${version}.zip`;
    // web-ext build zips any extension folder; the Chrome Web Store takes the same kind of zip.
    const result = (await webExt.cmd.build({ sourceDir, artifactsDir, filename, overwriteDest: true }, { shouldExitProgram: false })) as {
      extensionPath: string;
    };
    archives[browser] = result.extensionPath;
  }
  return archives as Record<'chrome' | 'firefox', string>;
}

export interface LintProblem {
  readonly _type: string;
  readonly code: string;
  readonly message: string;
  readonly file?: string;
}

/** Mozilla's linter (addons-linter, as web-ext lint and AMO run it) on an archive. */
export async function lintArchive(archive: string): Promise<{ errors: LintProblem[]; warnings: LintProblem[] }> {
  // @ts-expect-error addons-linter ships no types.
  const { default: linter } = (await import('addons-linter')) as {
    default: { createInstance(options: unknown): { run(): Promise<{ errors: LintProblem[]; warnings: LintProblem[] }> } };
  };
  const instance = linter.createInstance({
    config: {
      _: [archive],
      logLevel: 'fatal',
      stack: false,
      pretty: false,
      warningsAsErrors: false,
      metadata: false,
      output: 'none',
      boring: true,
      selfHosted: false,
    },
    runAsBinary: false,
  });
  return instance.run();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const archives = await packageExtensions();
  const report = await lintArchive(archives.firefox);
  for (const [browser, path] of Object.entries(archives)) console.log(`${browser}: ${path}`);
  console.log(`addons-linter on the Firefox archive: ${report.errors.length} errors, ${report.warnings.length} warnings`);
  for (const problem of [...report.errors, ...report.warnings]) console.log(`  ${problem._type} ${problem.code} ${problem.file ?? ''}: ${problem.message}`);
  if (report.errors.length > 0) process.exit(1);
}
