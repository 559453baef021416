/**
 * Where the command line points for what a finding means (SARIF's helpUri, `--explain`'s
 * "More:"): the `--rules-url` the user gave, else docs/rubric.md as shipped in the installed
 * package, as a file: URL (the package has no web address of its own).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** docs/rubric.md of the package `from` belongs to (the nearest folder above that has one), or null. */
export function packagedRulesDoc(from: string = fileURLToPath(import.meta.url)): string | null {
  for (let folder = dirname(from); ; folder = dirname(folder)) {
    const doc = join(folder, 'docs', 'rubric.md');
    if (existsSync(doc)) return pathToFileURL(doc).href;
    if (dirname(folder) === folder) return null;
  }
}

/** The address of the rules page: `rulesUrl` when given, else the packaged docs/rubric.md. */
export function rulesDocUrl(rulesUrl: string | null = null): string {
  return rulesUrl ?? packagedRulesDoc() ?? 'docs/rubric.md';
}
