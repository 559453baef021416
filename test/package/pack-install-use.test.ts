/**
 * The package as users get it: `npm pack` of the build (npm test builds first), installed into a
 * new app with `npm ci --offline` (see install-tarball.ts), then used the three ways users do:
 * from a CommonJS file, from an ES module, and from strict TypeScript, which compiles the README's
 * library example (read from README.md, so it cannot drift) and runs it against a demo server in
 * this process.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configWith, startDemo, type RunningDemo } from '../support/demo-servers.js';
import { readmeLibraryExample } from '../support/readme-example.js';
import { packAndInstall, type InstalledApp } from './install-tarball.js';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
/** The user's own Express and express-session: the package never ships them. */
const USER_MODULES = { EXPRESS: require.resolve('express'), EXPRESS_SESSION: require.resolve('express-session') };
const HAR = resolve('test/fixtures/demo-login-flow.chromium.har');
const TSC = require.resolve('typescript/bin/tsc');

let app: InstalledApp;
let demo: RunningDemo;

beforeAll(async () => {
  for (const entry of ['dist/lib/index.js', 'dist/cjs/index.js']) if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build:lib first`);
  [app, demo] = await Promise.all([packAndInstall(), startDemo()]);
}, 120_000);

afterAll(async () => {
  await demo?.close();
  if (app !== undefined) rmSync(app.dir, { recursive: true, force: true });
});

/** Runs `file` (in the app) with Node; returns what it printed as JSON. */
async function node(file: string, ...args: string[]): Promise<unknown> {
  const { stdout, stderr } = await run(process.execPath, [file, ...args], {
    cwd: app.dir,
    env: { ...process.env, ...USER_MODULES },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(stderr).toBe('');
  return JSON.parse(stdout);
}

/** What the CommonJS and the ES module files report: the same checks, in each module system. */
const EXPECTED = {
  grade: 'F',
  dropped: 'nameless-prefixed-value',
  // Then, after the response, the known-secrets check (its list loads only then) finds `keyboard cat`.
  lines: [
    expect.stringMatching(/^session-cookie-inspector: connect\.sid grade D: secure-missing \(cap D\)/),
    expect.stringMatching(/^session-cookie-inspector: connect\.sid grade F: secret-known \(cap F\)/),
  ],
};

const PROBE = `
  const trace = lib.gradeObservations([lib.observationFromResponse({ url: 'http://127.0.0.1/', status: 200, headers: { 'set-cookie': ['connect.sid=s%3Aabc; Path=/; HttpOnly'] } })]);
  const stored = lib.storedCookie('__Host-sid; Secure; Path=/', { url: 'https://app.example.com/', browser: 'chromium' });
  const lines = [];
  const server = express()
    .use(audit.sessionCookieAudit({ logger: (line) => lines.push(line) }))
    .use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: true }))
    .get('/', (_req, res) => res.send('ok'))
    .listen(0, '127.0.0.1', async () => {
      await fetch('http://127.0.0.1:' + server.address().port + '/');
      for (let waited = 0; lines.length < 2 && waited < 20000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      server.close();
      console.log(JSON.stringify({ resolved, grade: trace.grade, dropped: lib.isDropped(stored) ? stored.dropped : null, lines }));
    });
`;

describe('the packed package, installed in an app', () => {
  it('ships the build, its licence and its rules page; no sources, tests or source maps', () => {
    const pkg = JSON.parse(readFileSync(join(app.packageDir, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toEqual(['dist/lib', 'dist/cjs', 'docs/rubric.md']);
    for (const file of [
      'LICENSE',
      'README.md',
      'docs/rubric.md',
      'dist/lib/index.js',
      'dist/cjs/index.js',
      'dist/cjs/package.json',
      'dist/lib/detect/open-cookie-database.LICENSE',
    ]) {
      expect(existsSync(join(app.packageDir, file)), file).toBe(true);
    }
    expect(readFileSync(join(app.packageDir, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} Session Cookie Inspector contributors\n/);
    for (const absent of ['src', 'test', 'dist/lib/index.js.map']) expect(existsSync(join(app.packageDir, absent)), absent).toBe(false);
  });

  it('works from a CommonJS file: require() of the library and of its Express middleware', { timeout: 30_000 }, async () => {
    writeFileSync(
      join(app.dir, 'use.cjs'),
      `
      const lib = require('session-cookie-inspector');
      const audit = require('session-cookie-inspector/express');
      const express = require(process.env.EXPRESS);
      const session = require(process.env.EXPRESS_SESSION);
      const resolved = [require.resolve('session-cookie-inspector'), require.resolve('session-cookie-inspector/express')];
      ${PROBE}`,
    );
    expect(await node('use.cjs')).toEqual({
      ...EXPECTED,
      resolved: [join(app.packageDir, 'dist/cjs/index.js'), join(app.packageDir, 'dist/cjs/express/session-cookie-audit.js')],
    });
  });

  it('works from an ES module: import of the library and of its Express middleware', { timeout: 30_000 }, async () => {
    writeFileSync(
      join(app.dir, 'use.mjs'),
      `
      import { fileURLToPath } from 'node:url';
      import * as lib from 'session-cookie-inspector';
      import * as audit from 'session-cookie-inspector/express';
      const { default: express } = await import(process.env.EXPRESS);
      const { default: session } = await import(process.env.EXPRESS_SESSION);
      const resolved = [import.meta.resolve('session-cookie-inspector'), import.meta.resolve('session-cookie-inspector/express')].map((url) => fileURLToPath(url));
      ${PROBE}`,
    );
    expect(await node('use.mjs')).toEqual({
      ...EXPECTED,
      resolved: [join(app.packageDir, 'dist/lib/index.js'), join(app.packageDir, 'dist/lib/express/session-cookie-audit.js')],
    });
  });

  it(
    'walks a flow with --active through the flow entry (ES modules only, as the CLI is), from an ES module and from CommonJS by import()',
    { timeout: 60_000 },
    async () => {
      // A demo whose logout only clears the cookie: the active check finds the session alive.
      const leaky = await startDemo(configWith({ app: { logout: 'clear-cookie' } }));
      try {
        const flow = readFileSync('test/flows/demo-login.flow.yaml', 'utf8').replace('http://127.0.0.1:3000', leaky.http.origin);
        writeFileSync(join(app.dir, 'login.flow.yaml'), flow);
        const probe = `.then((grade) => console.log(JSON.stringify({
          exitCode: grade.exitCode,
          findings: grade.report.cookies.flatMap((cookie) => cookie.findings.map((finding) => finding.id)).filter((id) => id.startsWith('session-')),
          leaked: JSON.stringify(grade).includes(process.env.DEMO_PASSWORD),
        })))`;
        writeFileSync(
          join(app.dir, 'flow.cjs'),
          `import('session-cookie-inspector/flow').then(({ gradeFlow }) => gradeFlow('login.flow.yaml', { active: true }))${probe};`,
        );
        writeFileSync(
          join(app.dir, 'flow.mjs'),
          `import { gradeFlow } from 'session-cookie-inspector/flow';\ngradeFlow('login.flow.yaml', { active: true })${probe};`,
        );
        process.env.DEMO_PASSWORD = 'demo';
        const expected = { exitCode: 0, findings: ['session-alive-after-logout'], leaked: false };
        expect(await node('flow.cjs')).toEqual(expected);
        expect(await node('flow.mjs')).toEqual(expected);
      } finally {
        await leaky.close();
      }
    },
  );

  it("compiles the README's library example with tsc --strict, and runs it against the demo server", { timeout: 60_000 }, async () => {
    const example = readmeLibraryExample().replace('http://127.0.0.1:3000/', `${demo.http.origin}/`);
    writeFileSync(join(app.dir, 'readme-example.mts'), example);
    // The same types from CommonJS: `import` compiles to require() in a .cts file.
    writeFileSync(
      join(app.dir, 'use-types.cts'),
      `
      import { isDropped, storedCookie, type StoredCookie } from 'session-cookie-inspector';
      import { sessionCookieAudit, type SessionCookieAuditOptions } from 'session-cookie-inspector/express';
      const options: SessionCookieAuditOptions = { failUnder: 'B', logger: (line: string) => void line };
      const result = storedCookie('sid=1; Secure', { url: 'https://app.example.com/', browser: 'firefox' });
      const stored: StoredCookie | null = isDropped(result) ? null : result;
      export const used = [stored?.name, sessionCookieAudit(options)];
    `,
    );
    const types = dirname(dirname(require.resolve('@types/node/package.json')));
    await run(
      process.execPath,
      [
        TSC,
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        '--skipLibCheck',
        '--types',
        'node',
        '--typeRoots',
        types,
        '--outDir',
        'out',
        'readme-example.mts',
        'use-types.cts',
      ],
      { cwd: app.dir, encoding: 'utf8', timeout: 60_000 },
    ).catch((error: { stdout?: string }) => {
      throw new Error(`tsc --strict failed:\n${error.stdout ?? String(error)}`);
    });
    const { stderr } = await run(process.execPath, [join('out', 'readme-example.mjs')], { cwd: app.dir, encoding: 'utf8', timeout: 30_000 });
    expect(stderr).toBe('');
  });

  it('installs the command line, whose links point into the rules page it ships', { timeout: 30_000 }, async () => {
    const bin = join(app.dir, 'node_modules', '.bin', 'session-cookie-inspector');
    const version = await run(bin, ['--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
    const sarif = JSON.parse((await run(bin, ['--format', 'sarif', HAR], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })).stdout) as {
      runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } } }[];
    };
    const rule = sarif.runs[0]?.tool.driver.rules[0];
    expect(rule?.helpUri).toBe(`${pathToFileURL(join(app.packageDir, 'docs/rubric.md')).href}#${rule?.id}`);
  });

  it('loads no Node built-in from the library or its middleware, in either build', () => {
    const seen = new Set<string>();
    const builtins = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      // TypeScript's scanner: imports, import() and require() calls, never the text of a string (a fix's code sample).
      for (const { fileName: specifier } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
        if (specifier.startsWith('.')) {
          if (specifier.endsWith('.js')) visit(resolve(dirname(file), specifier));
        } else if (specifier.startsWith('node:') || builtinModules.includes(specifier)) {
          builtins.add(`${specifier} in ${file.slice(app.packageDir.length + 1)}`);
        }
      }
    };
    for (const build of ['dist/lib', 'dist/cjs'])
      for (const entry of ['index.js', 'express/session-cookie-audit.js']) visit(join(app.packageDir, build, entry));
    expect(seen.size).toBeGreaterThan(100);
    expect([...builtins]).toEqual([]);
  });
});
