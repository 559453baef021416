/**
 * What users run, measured as they run it: the whole CLI process (`--json`, output discarded) on
 * HAR files of real entries (about 100 MB and 7 MB, made from the corpus's exports), on a 400 MB
 * HAR whose size is response bodies, and on reports of 3,000 and 30,000 session cookies each
 * found later in a URL; start-up for `--version`, `--help` and a one-entry HAR. Each row stands
 * beside a `node` process doing `JSON.parse` of the same file (or `node -e 0`), in the same run.
 * Wall time is measured around the child; peak memory is the child's own (its max RSS).
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRealEntryHar } from './real-entry-har.js';

const CLI = fileURLToPath(new URL('../cli/bin.js', import.meta.url));

interface Run {
  readonly ms: number;
  readonly peakMb: number;
  readonly status: number | null;
}

/** Runs `node <args>` with a preload that records the child's peak memory; the best of `runs` (a quiet moment). */
function run(dir: string, args: readonly string[], runs = 1): Run {
  const usage = join(dir, 'usage.json');
  const preload = join(dir, 'record-usage.cjs');
  writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(usage)}, String(process.resourceUsage().maxRSS)));`);
  let best: Run | null = null;
  for (let attempt = 0; attempt < runs; attempt++) {
    const began = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['-r', preload, ...args], { stdio: 'ignore', maxBuffer: 1 });
    const ms = Number(process.hrtime.bigint() - began) / 1e6;
    const peakMb = Number(readFileSync(usage, 'utf8')) / 1024;
    if (best === null || ms < best.ms) best = { ms, peakMb, status: child.status };
  }
  return best as Run;
}

const parseFile = (file: string) => ['-e', `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`];

/** A HAR whose size is response bodies (100 KB each), entries setting and sending one cookie. */
async function writeBodyHeavyHar(path: string, megabytes: number): Promise<void> {
  const out = createWriteStream(path);
  const body = 'x'.repeat(100_000);
  const entries = Math.ceil((megabytes * 1e6) / (body.length + 400));
  out.write('{"log":{"version":"1.2","entries":[');
  for (let i = 0; i < entries; i++) {
    const entry = {
      startedDateTime: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      request: { method: 'GET', url: `https://app.example.com/p${i}`, headers: [{ name: 'Cookie', value: `sid=${i.toString(36).padStart(24, 'k')}` }] },
      response: {
        status: 200,
        headers: [{ name: 'Set-Cookie', value: `sid=${(i + 1).toString(36).padStart(24, 'k')}; Path=/; HttpOnly` }],
        content: { size: body.length, mimeType: 'text/html', text: body },
      },
    };
    if (!out.write((i ? ',' : '') + JSON.stringify(entry))) await once(out, 'drain');
  }
  out.end(']}}');
  await once(out, 'finish');
}

/** `count` session cookies, each set by one response and found in the next request's URL (id-in-url). */
function writeIdInUrlHar(path: string, count: number): void {
  const id = (index: number) => `${((index * 2654435761) % 4294967296).toString(36).padStart(8, 'q')}${index.toString(36).padStart(24, 'k')}`;
  const entries: unknown[] = [];
  for (let index = 0; index < count; index++) {
    const time = Date.UTC(2026, 0, 1) + index * 2000;
    entries.push(
      {
        startedDateTime: new Date(time).toISOString(),
        request: { method: 'GET', url: `https://app.example.com/set/${index}`, headers: [] },
        response: { status: 200, headers: [{ name: 'Set-Cookie', value: `c${index}.sid=${id(index)}; Path=/; HttpOnly` }] },
      },
      {
        startedDateTime: new Date(time + 1000).toISOString(),
        request: { method: 'GET', url: `https://app.example.com/page?token=${id(index)}`, headers: [{ name: 'Cookie', value: `c${index}.sid=${id(index)}` }] },
        response: { status: 200, headers: [] },
      },
    );
  }
  writeFileSync(path, JSON.stringify({ log: { version: '1.2', entries } }));
}

const mb = (path: string) => statSync(path).size / 1e6;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function row(label: string, cli: Run, baseline: Run, baselineName: string, target: string): void {
  const failed = cli.status === 0 ? '' : ` (exit ${cli.status})`;
  console.log(
    `  ${label.padEnd(44)} CLI ${seconds(cli.ms)}, peak ${cli.peakMb.toFixed(0)} MB${failed}; ${baselineName} ${seconds(baseline.ms)}, peak ${baseline.peakMb.toFixed(0)} MB: x${(cli.ms / baseline.ms).toFixed(2)} (${target})`,
  );
}

export async function cliFigures(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sci-bench-cli-'));
  try {
    console.log('\nThe whole CLI process (--json), beside a node process doing JSON.parse of the same file');
    for (const megabytes of [100, 7]) {
      const path = join(dir, `real-${megabytes}.har`);
      const { entries } = await writeRealEntryHar(path, megabytes);
      const cli = run(dir, [CLI, '--json', path], 3);
      const parse = run(dir, parseFile(path), 3);
      row(
        `real entries, ${mb(path).toFixed(0)} MB (${entries.toLocaleString('en')} entries)`,
        cli,
        parse,
        'JSON.parse',
        megabytes === 100 ? 'target <= 2, peak <= 300 MB' : 'target <= 3',
      );
    }
    const heavy = join(dir, 'bodies.har');
    await writeBodyHeavyHar(heavy, 400);
    row(`response bodies, ${mb(heavy).toFixed(0)} MB`, run(dir, [CLI, '--json', heavy]), run(dir, parseFile(heavy)), 'JSON.parse', 'target <= 2');
    rmSync(heavy);

    console.log('\nStart-up, beside a bare node -e 0 (best of 5)');
    const bare = run(dir, ['-e', '0'], 5);
    const one = join(dir, 'one.har');
    writeFileSync(
      one,
      JSON.stringify({
        log: {
          version: '1.2',
          entries: [
            {
              startedDateTime: '2026-01-01T00:00:00Z',
              request: { method: 'GET', url: 'https://app.example.com/', headers: [] },
              response: { status: 200, headers: [{ name: 'Set-Cookie', value: 'sid=Xk2Q9fYt3nB0aLp7ZcR1mVw8eJ4hUd12; Path=/; HttpOnly; Secure' }] },
            },
          ],
        },
      }),
    );
    row('--version', run(dir, [CLI, '--version'], 5), bare, 'node -e 0', 'target <= 3');
    row('--help', run(dir, [CLI, '--help'], 5), bare, 'node -e 0', 'target <= 3');
    row('a one-entry HAR', run(dir, [CLI, '--json', one], 5), bare, 'node -e 0', 'target <= 5');

    console.log('\nReports through the CLI: session cookies each found later in a URL (id-in-url)');
    const times: number[] = [];
    for (const count of [3_000, 30_000]) {
      const path = join(dir, `url-${count}.har`);
      writeIdInUrlHar(path, count);
      const cli = run(dir, [CLI, '--json', path]);
      times.push(cli.ms);
      console.log(
        `  ${count.toLocaleString('en').padStart(6)} cookies (${(2 * count).toLocaleString('en')} entries): ${seconds(cli.ms)}, peak ${cli.peakMb.toFixed(0)} MB${cli.status === 0 ? '' : ` (exit ${cli.status})`}`,
      );
    }
    console.log(`  ratio 30,000 / 3,000: ${((times[1] as number) / (times[0] as number)).toFixed(1)} (target <= 12; linear is 10)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
