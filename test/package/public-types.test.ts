/**
 * The types users get (dist/lib's declarations, built by npm test): every type the public API
 * names is exported by name, so users can write it down; and the README's library example
 * compiles under `tsc --strict` against them.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { readmeLibraryExample } from '../support/readme-example.js';

const ENTRIES = ['dist/lib/index.d.ts', 'dist/lib/express/session-cookie-audit.d.ts', 'dist/lib/cli/grade-flow.d.ts'].map((file) => resolve(file));
const LIBRARY = resolve('dist/lib');
const STRICT: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts'],
  types: ['node'],
  skipLibCheck: true,
};

beforeAll(() => {
  for (const entry of ENTRIES) if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build:lib first`);
});

/** Names of the types declared in the package that its exported declarations mention, but that it does not export. */
function unexportedPublicTypes(): string[] {
  const program = ts.createProgram(ENTRIES, { ...STRICT, types: [] });
  const checker = program.getTypeChecker();
  const target = (symbol: ts.Symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  const exported = new Set<ts.Symbol>();
  for (const entry of ENTRIES) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(entry) as ts.SourceFile) as ts.Symbol;
    for (const symbol of checker.getExportsOfModule(module)) exported.add(target(symbol));
  }
  const missing = new Set<string>();
  const visited = new Set<ts.Symbol>();
  const visitSymbol = (found: ts.Symbol) => {
    const symbol = target(found);
    if (visited.has(symbol)) return;
    visited.add(symbol);
    for (const declaration of symbol.declarations ?? []) {
      if (!declaration.getSourceFile().fileName.startsWith(LIBRARY)) continue;
      const declaresType =
        ts.isInterfaceDeclaration(declaration) ||
        ts.isTypeAliasDeclaration(declaration) ||
        ts.isEnumDeclaration(declaration) ||
        ts.isClassDeclaration(declaration);
      if (declaresType && !exported.has(symbol)) missing.add(symbol.name);
      visitNode(declaration);
    }
  };
  const visitNode = (node: ts.Node): void => {
    const name = ts.isTypeReferenceNode(node)
      ? node.typeName
      : ts.isTypeQueryNode(node)
        ? node.exprName
        : ts.isExpressionWithTypeArguments(node)
          ? node.expression
          : ts.isImportTypeNode(node)
            ? node.qualifier
            : undefined;
    const symbol = name === undefined ? undefined : checker.getSymbolAtLocation(name);
    if (symbol !== undefined) visitSymbol(symbol);
    node.forEachChild(visitNode);
  };
  for (const symbol of exported) visitSymbol(symbol);
  return [...missing].sort();
}

/** tsc's errors for `code` as a strict TypeScript module in the repository folder, where the package resolves to itself. */
function strictErrors(code: string): string[] {
  const file = resolve('readme-example.strict.mts');
  const host = ts.createCompilerHost(STRICT);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => name === file || fileExists(name);
  host.readFile = (name) => (name === file ? code : readFile(name));
  host.getSourceFile = (name, version, ...rest) => (name === file ? ts.createSourceFile(name, code, version) : getSourceFile(name, version, ...rest));
  const program = ts.createProgram([file], STRICT, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('the published types', () => {
  it('export every type the public API names', { timeout: 60_000 }, () => {
    expect(unexportedPublicTypes()).toEqual([]);
  });

  it("compile the README's library example under --strict", { timeout: 60_000 }, () => {
    expect(strictErrors(readmeLibraryExample())).toEqual([]);
  });

  it('let storedCookie() results be narrowed by isDropped() or by `dropped`', { timeout: 60_000 }, () => {
    const code = `import { isDropped, storedCookie, type DroppedCookie, type StoredCookie } from 'session-cookie-inspector';
const result = storedCookie('sid=1', { url: 'https://a.example/', browser: 'chromium' });
if (isDropped(result)) { const dropped: DroppedCookie = result; void dropped; } else { const stored: StoredCookie = result; void stored.name; }
if (result.dropped !== undefined) { const reason: string = result.explanation; void reason; } else { const name: string = result.name; void name; }
`;
    expect(strictErrors(code)).toEqual([]);
    expect(
      strictErrors(
        `import { storedCookie } from 'session-cookie-inspector';\nvoid storedCookie('sid=1', { url: 'https://a.example/', browser: 'chromium' }).name;\n`,
      ),
    ).toEqual([expect.stringContaining("Property 'name' does not exist")]);
  });
});
