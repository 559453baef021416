/**
 * `npm run build:lib` (and `prepare`): the library and the CLI as ES modules in dist/lib (tsc),
 * then a CommonJS copy of what `require()` can reach in dist/cjs, so both
 * `import 'session-cookie-inspector'` and `require('session-cookie-inspector')` work.
 *
 * The CommonJS copy is each dist/lib module reachable from a `require` entry of package.json's
 * `exports`, transpiled alone by TypeScript (the sources are written for isolatedModules, so a
 * file-by-file transform is exact), the JSON those modules import, and the declarations, in a
 * folder whose package.json says `"type": "commonjs"` so that Node and TypeScript read both as
 * CommonJS. A second full `tsc` build could not do it: the JSON imports need import attributes,
 * which tsc refuses to compile to CommonJS.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ESM_DIR = 'dist/lib';
const CJS_DIR = 'dist/cjs';

interface Conditions {
  readonly import?: { readonly types: string; readonly default: string };
  readonly require?: { readonly types: string; readonly default: string };
}

/** The relative modules a file imports, statically or with import(). */
function relativeImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name));
}

/** Every file reachable from `entries` through relative imports; `declarationOf` maps `x.js` to `x.d.ts`. */
function reachable(entries: readonly string[], declarationOf: (file: string) => string = (file) => file): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    if (!existsSync(file)) throw new Error(`${relative('.', file)} is imported but was not built`);
    seen.add(file);
    if (file.endsWith('.json')) return;
    for (const imported of relativeImports(file)) visit(imported.endsWith('.json') ? imported : declarationOf(imported));
  };
  for (const entry of entries) visit(entry);
  return seen;
}

/** Copies a data file and the licence beside it (`x.LICENSE` for `x.json`), which must travel with the data. */
function copyWithLicence(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  const licence = from.replace(/\.json$/, '.LICENSE');
  if (existsSync(licence)) copyFileSync(licence, to.replace(/\.json$/, '.LICENSE'));
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function buildCommonJs(): void {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, Conditions> };
  const targets = Object.values(pkg.exports).flatMap((conditions) => (conditions.require === undefined ? [] : [conditions.require]));
  const toEsm = (file: string) => resolve(ESM_DIR, relative(resolve(CJS_DIR), resolve(file)));
  const modules = reachable(targets.map((target) => toEsm(target.default)));
  const declarations = reachable(
    targets.map((target) => toEsm(target.types)),
    (file) => file.replace(/\.js$/, '.d.ts'),
  );
  const compilerOptions: ts.CompilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  for (const file of modules) {
    const out = resolve(CJS_DIR, relative(resolve(ESM_DIR), file));
    if (file.endsWith('.json')) {
      copyWithLicence(file, out);
      continue;
    }
    const result = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions, fileName: file, reportDiagnostics: true });
    const problems = (result.diagnostics ?? []).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    // CommonJS has neither: a module that uses them belongs to the CLI, not to what require() reaches.
    if (/\bimport\.meta\b/.test(result.outputText)) problems.push('uses import.meta');
    if (problems.length > 0) throw new Error(`${relative('.', file)} cannot be CommonJS: ${problems.join('; ')}`);
    write(out, result.outputText);
  }
  for (const file of declarations) {
    if (file.endsWith('.json')) continue;
    const out = resolve(CJS_DIR, relative(resolve(ESM_DIR), file));
    mkdirSync(dirname(out), { recursive: true });
    copyFileSync(file, out);
  }
  write(join(CJS_DIR, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
}

/** tsc copies the JSON modules it compiles, never the licence of their data (`x.LICENSE` beside `x.json` in src/). */
function copyDataLicences(): void {
  for (const name of readdirSync('src', { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.LICENSE')) continue;
    if (existsSync(join(ESM_DIR, name.replace(/\.LICENSE$/, '.json')))) copyFileSync(join('src', name), join(ESM_DIR, name));
  }
}

/** `tsc -p tsconfig.lib.json`, in this process: TypeScript loads once for both builds. */
function buildEsm(): boolean {
  const host: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: ts.sys.getCurrentDirectory,
    getNewLine: () => ts.sys.newLine,
  };
  const config = ts.getParsedCommandLineOfConfigFile(
    'tsconfig.lib.json',
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.formatDiagnostic(diagnostic, host));
      },
    },
  );
  if (config === undefined) return false;
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const emitted = program.emit();
  const diagnostics = [...config.errors, ...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (diagnostics.length > 0) process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  return diagnostics.length === 0 && !emitted.emitSkipped;
}

// Stale modules of an earlier build would otherwise ship in the package.
rmSync(ESM_DIR, { recursive: true, force: true });
rmSync(CJS_DIR, { recursive: true, force: true });
if (buildEsm()) {
  copyDataLicences();
  buildCommonJs();
} else {
  process.exitCode = 1;
}
