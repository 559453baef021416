/**
 * What users expect of any command line: -V, `-` for standard input, an index of ids, --color and
 * --no-color with FORCE_COLOR and NO_COLOR, a clear word for URLs it cannot fetch, shell
 * completion, and --help and --version that load nothing heavy. Run in-process (test/support/cli.ts).
 */
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { OPTIONS, USAGE } from '../../src/cli/cli-arguments.js';
import { colorFromEnvironment } from '../../src/cli/color-choice.js';
import { EVERY_RULE } from '../../src/grade/every-rule.js';
import { NOTE_DOCS } from '../../src/grade/note-docs.js';
import { VERSION } from '../../src/version.js';
import { cli, cliWith } from '../support/cli.js';

const HAR = 'test/fixtures/demo-login-flow.chromium.har';
/** An ANSI colour sequence (ESC [ n m). */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`);
const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'sci-cli-conventions-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('-V and --version', () => {
  it('print the version', async () => {
    expect(await cli('-V')).toEqual({ status: 0, stdout: VERSION, stderr: '' });
    expect(await cli('--version')).toEqual({ status: 0, stdout: VERSION, stderr: '' });
  });

  it('--help and --version load nothing heavy: their static imports stay within the argument parser', () => {
    // The modules bin.ts loads before it knows what was asked (dynamic import() loads the rest).
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
      for (const statement of source.statements) {
        if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) || statement.moduleSpecifier === undefined) continue;
        const typeOnly = ts.isImportDeclaration(statement) ? statement.importClause?.isTypeOnly === true : statement.isTypeOnly;
        const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
        if (typeOnly) continue;
        if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
        else reached.add(specifier);
      }
    };
    visit(resolve('src/cli/bin.ts'));
    const names = [...reached].map((file) => (file.startsWith('/') ? relative('src', file) : file)).sort();
    expect(names).toEqual([
      'cli/bin.ts',
      'cli/cli-arguments.ts',
      'cli/color-choice.ts',
      'cli/progress.ts',
      'cli/run-cli.ts',
      'core/letter.ts',
      'node:util',
      'version.ts',
    ]);
  });
});

describe('unknown options', () => {
  it('are named in one line whose quotes all close', async () => {
    const { status, stderr } = await cli('--bogus', HAR);
    expect(status).toBe(2);
    expect(stderr).toBe(
      "session-cookie-inspector: unknown option '--bogus' (see --help); to give a file whose name starts with '-', put it after '--', as in '-- --bogus'",
    );
    expect(stderr.split("'").length % 2).toBe(1);
  });
});

describe('- reads a HAR from standard input', () => {
  it('grades it as it grades the file', async () => {
    const fromFile = JSON.parse((await cli('--json', HAR)).stdout) as { grade: string; cookies: unknown[] };
    const { status, stdout } = await cliWith({ stdin: createReadStream(HAR) }, '--json', '-');
    expect(status).toBe(0);
    const fromStdin = JSON.parse(stdout) as { source: string; grade: string; cookies: unknown[] };
    expect(fromStdin.source).toBe('stdin');
    expect(fromStdin.grade).toBe(fromFile.grade);
    expect(fromStdin.cookies).toEqual(fromFile.cookies);
  });

  it('says what is wrong with what was piped in', async () => {
    expect(await cliWith({ stdin: Readable.from([Buffer.from('{"not":"a har"}')]) }, '-')).toMatchObject({
      status: 2,
      stderr: 'session-cookie-inspector: stdin is not a HAR file: no "log" object',
    });
  });

  it('refuses a terminal (it would wait for a HAR typed by hand) and a second -', async () => {
    const terminal = Object.assign(Readable.from([]), { isTTY: true });
    expect((await cliWith({ stdin: terminal }, '-')).stderr).toContain('which is a terminal here: pipe or redirect a HAR file into it');
    expect(await cli('-', '-')).toMatchObject({ status: 2, stderr: expect.stringContaining('standard input (-) can be read only once') });
  });
});

describe('--explain without an id', () => {
  it('lists every finding and note id, the findings with their cost', async () => {
    for (const argv of [['--explain'], ['--explain', '--rules-url', 'https://example.test/rubric.md']]) {
      const { status, stdout } = await cli(...argv);
      expect(status).toBe(0);
      const ids = stdout
        .split('\n')
        .filter((line) => line.startsWith('  '))
        .map((line) => line.trim().split(/\s+/)[0]);
      expect(ids).toEqual([...EVERY_RULE.map((rule) => rule.id), ...Object.keys(NOTE_DOCS)]);
    }
    expect((await cli('--explain')).stdout).toMatch(/^ {2}secure-missing +-40, cap D +No Secure attribute\.$/m);
  });

  it('still explains one id, and points an unknown one at the list', async () => {
    expect((await cli('--explain', 'secure-missing')).stdout).toMatch(/^secure-missing \(-40 points, caps the letter at D\)/);
    expect((await cli('--explain', 'nope')).stderr).toBe('session-cookie-inspector: no finding or note is called "nope"; --explain with no id lists them');
  });
});

describe('colours', () => {
  it('--color colours the report where the environment would not, --no-color never does', async () => {
    expect((await cliWith({ color: false }, HAR)).stdout).not.toMatch(ANSI);
    expect((await cliWith({ color: false }, '--color', HAR)).stdout).toMatch(ANSI);
    expect((await cliWith({ color: true }, HAR)).stdout).toMatch(ANSI);
    expect((await cliWith({ color: true }, '--no-color', HAR)).stdout).not.toMatch(ANSI);
    expect((await cli('--color', '--no-color', HAR)).stderr).toContain('give --color or --no-color, not both');
  });

  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ TERM: 'dumb' }, true, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
  ])('the environment %j on a terminal: %s gives colours: %s', (env, terminal, expected) => {
    expect(colorFromEnvironment(env, terminal)).toBe(expected);
  });
});

describe('URLs of other schemes', () => {
  it.each(['ftp://files.example.com/trace.har', 'file:///tmp/trace.har', 'FILE:trace.har'])('%s: an unsupported scheme, not a missing file', async (source) => {
    const { status, stderr } = await cli(source);
    expect(status).toBe(2);
    expect(stderr).toMatch(
      /^session-cookie-inspector: \S+: unsupported scheme (ftp|file): \(give an http\(s\) URL, a HAR file, or - for a HAR on standard input\)$/,
    );
  });
});

describe('shell completion', () => {
  /** What bash's completion function offers for the words typed so far (the last one is being completed). */
  async function bashCompletes(...words: string[]): Promise<string[]> {
    const script = join(scratch, 'completion.bash');
    writeFileSync(script, (await cli('completion', 'bash')).stdout);
    const quoted = words.map((word) => `'${word}'`).join(' ');
    const { stdout } = await run(
      'bash',
      [
        '-c',
        `source '${script}'; COMP_WORDS=(session-cookie-inspector ${quoted}); COMP_CWORD=${words.length}; _session_cookie_inspector; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ],
      {
        cwd: scratch,
        encoding: 'utf8',
      },
    );
    return stdout.split('\n').filter(Boolean);
  }

  it('bash: completes options, their values, --explain ids, the shell, and files', { timeout: 30_000 }, async () => {
    writeFileSync(join(scratch, 'recording.har'), '{}');
    expect(await bashCompletes('--fo')).toEqual(['--format']);
    expect(await bashCompletes('--format', '')).toEqual(['text', 'json', 'sarif', 'junit']);
    expect(await bashCompletes('--fail-under', '')).toEqual(['A+', 'A', 'B', 'C', 'D', 'F']);
    expect(await bashCompletes('--explain', 'secu')).toEqual(['secure-missing']);
    expect(await bashCompletes('completion', '')).toEqual(['bash', 'zsh']);
    expect(await bashCompletes('--json', 'rec')).toEqual(['recording.har']);
    expect(await bashCompletes('-')).toEqual(expect.arrayContaining(OPTIONS.map((option) => `--${option.name}`)));
  });

  it('zsh: a #compdef script with every option', async () => {
    const { status, stdout } = await cli('completion', 'zsh');
    expect(status).toBe(0);
    expect(stdout.startsWith('#compdef session-cookie-inspector\n')).toBe(true);
    for (const option of OPTIONS) expect(stdout).toContain(`--${option.name}`);
  });

  it.runIf(existsSync('/usr/bin/zsh') || existsSync('/bin/zsh'))(
    'zsh: the script parses and registers its completion function',
    { timeout: 30_000 },
    async () => {
      const script = join(scratch, '_session-cookie-inspector');
      writeFileSync(script, (await cli('completion', 'zsh')).stdout);
      await run('zsh', ['-n', script]);
      const { stdout } = await run(
        'zsh',
        ['-fc', `autoload -U compinit; compinit -u -d '${join(scratch, 'zcompdump')}'; source '${script}'; print -r -- $_comps[session-cookie-inspector]`],
        { encoding: 'utf8' },
      );
      expect(stdout.trim()).toBe('_session-cookie-inspector');
    },
  );

  it('names the shells it knows when given another', async () => {
    expect(await cli('completion', 'fish')).toMatchObject({
      status: 2,
      stderr: 'session-cookie-inspector: completion takes the shell: bash or zsh, not "fish"',
    });
    expect((await cli('completion')).status).toBe(2);
  });
});

describe('the help', () => {
  it('lists every option, and the README documents every one', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const option of OPTIONS) {
      expect(USAGE).toContain(`--${option.name}`);
      // In the first column of the options table.
      expect(readme).toMatch(new RegExp(`^\\|[^|]*(?<![\\w-])--${option.name}(?![\\w-])[^|]*\\|`, 'm'));
    }
  });
});
