/** `npm run package`: store-ready archives of both builds, and Mozilla's linter finds no error in the Firefox one. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintArchive, packageExtensions } from '../../scripts/package-extensions.js';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const out = mkdtempSync(join(tmpdir(), 'sci-packages-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run package', () => {
  it('writes a zip per store, named with the package version, holding the build', { timeout: 120_000 }, async () => {
    const archives = await packageExtensions(out);
    expect(archives.chrome).toBe(join(out, `session-cookie-inspector-chrome-${version}.zip`));
    expect(archives.firefox).toBe(join(out, `session-cookie-inspector-firefox-${version}.zip`));
    for (const archive of Object.values(archives)) {
      const bytes = readFileSync(archive);
      // A zip (local file header "PK\x03\x04"), whose directory names the manifest and both pages.
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
      for (const name of [
        'manifest.json',
        'extension/panel/panel.html',
        'extension/devtools/devtools.html',
        'extension/grant/grant.html',
        'extension/rules/rules.html',
      ]) {
        expect(bytes.includes(Buffer.from(name)), `${archive} holds ${name}`).toBe(true);
      }
    }
    const report = await lintArchive(archives.firefox);
    expect(report.errors).toEqual([]);
    // The only warning: the innerHTML inside Preact's own renderer (see SECURITY.md).
    expect(report.warnings.map((warning) => warning.code)).toEqual(['UNSAFE_VAR_ASSIGNMENT']);
  });
});
