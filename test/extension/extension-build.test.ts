/**
 * The built extensions (npm test builds them first): least privilege in both manifests, and
 * Mozilla's linter finds no errors in the Firefox build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import webExt from 'web-ext';

function manifest(browser: 'chrome' | 'firefox'): Record<string, unknown> {
  const path = `dist/${browser}/manifest.json`;
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first`);
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

describe.each(['chrome', 'firefox'] as const)('the %s build', (browser) => {
  it('asks for no permission at install time: devtools.network needs none', () => {
    const built = manifest(browser);
    expect(built).not.toHaveProperty('permissions');
    expect(built).not.toHaveProperty('host_permissions');
  });

  it("lists only the store reader's and exact capture's permissions as optional, asked for on a click for one host", () => {
    const built = manifest(browser);
    expect(built.optional_permissions).toEqual(['cookies', 'webRequest']);
    expect(built.optional_host_permissions).toEqual(['*://*/*']);
  });

  it('keeps the default content security policy, runs no content script, and a background script only in Firefox', () => {
    const built = manifest(browser);
    expect(built).not.toHaveProperty('content_security_policy');
    expect(built).not.toHaveProperty('content_scripts');
    // Firefox gives DevTools panels no webRequest: its background script relays exact capture.
    if (browser === 'chrome') expect(built).not.toHaveProperty('background');
    else expect(built.background).toEqual({ scripts: ['service-worker-loader.js'], type: 'module' });
    expect(built.devtools_page).toBe('extension/devtools/devtools.html');
  });
});

describe.each(['chrome', 'firefox'] as const)('the %s store listing', (browser) => {
  it("has a description within the Chrome Web Store's 132 characters", () => {
    const { description } = manifest(browser) as { description: string };
    expect(description.length).toBeGreaterThan(0);
    expect(description.length).toBeLessThanOrEqual(132);
  });
});

describe('the Firefox build', () => {
  it('has an add-on id of the GUID form, which needs no domain', () => {
    const { id } = (manifest('firefox').browser_specific_settings as { gecko: { id: string } }).gecko;
    expect(id).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
  });

  it('declares its add-on id, minimum version and that it collects no data', () => {
    expect(manifest('firefox').browser_specific_settings).toEqual({
      gecko: {
        id: '{c6803cfb-14c3-453b-a1fa-e226c0bfdfbf}',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    });
  });

  it('passes web-ext lint with no errors; the only warning allowed is innerHTML inside Preact', async () => {
    manifest('firefox');
    const result = (await webExt.cmd.lint(
      { sourceDir: 'dist/firefox', output: 'none', selfHosted: false, boring: true, pretty: false, warningsAsErrors: false },
      { shouldExitProgram: false },
    )) as { errors: { code: string }[]; warnings: { code: string; file: string }[] };
    expect(result.errors).toEqual([]);
    for (const warning of result.warnings) {
      expect(warning.code).toBe('UNSAFE_VAR_ASSIGNMENT');
      const bundle = readFileSync(`dist/firefox/${warning.file}`, 'utf8');
      // Preact's diff, setting dangerouslySetInnerHTML (which our own code never uses: lint forbids it).
      // Matched by shape: the minifier's names change with the chunks.
      expect(bundle).toMatch(/\b\w\.innerHTML=\w\.__html\b/);
    }
  }, 60_000);
});
