/**
 * The streaming HAR reader in the bench: a generated 400 MB HAR with response bodies, read by
 * `JSON.parse` of the whole text and by the CLI's streaming reader, each in a child process so
 * its peak memory (max RSS) is its own. Prints MB/s and peak memory for both.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const READER = fileURLToPath(new URL('../cli/read-har-file.js', import.meta.url));

async function writeHar(path: string, megabytes: number): Promise<number> {
  const out = createWriteStream(path);
  const body = 'x'.repeat(100_000);
  const entries = Math.ceil((megabytes * 1e6) / (body.length + 400));
  out.write('{"log":{"version":"1.2","entries":[');
  for (let i = 0; i < entries; i++) {
    const entry = {
      startedDateTime: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      request: { method: 'GET', url: `https://app.example.com/p${i}`, headers: [{ name: 'Cookie', value: `sid=${i.toString(36).padStart(24, 'k')}` }] },
      response: { status: 200, headers: [{ name: 'Set-Cookie', value: `sid=${(i + 1).toString(36).padStart(24, 'k')}; Path=/; HttpOnly` }], content: { size: body.length, mimeType: 'text/html', text: body } },
    };
    if (!out.write((i ? ',' : '') + JSON.stringify(entry))) await once(out, 'drain');
  }
  out.end(']}}');
  await once(out, 'finish');
  return statSync(path).size;
}

/** Runs `code` in a fresh Node; returns its wall time (ms) and peak resident memory (MB). */
function measure(code: string, path: string): { ms: number; peakMb: number; error: string | null } {
  const script = `const t = performance.now(); let error = null; try { ${code} } catch (e) { error = String(e.message).slice(0, 80); }
    console.log(JSON.stringify({ ms: performance.now() - t, peakMb: process.resourceUsage().maxRSS / 1024, error }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, path], { encoding: 'utf8', maxBuffer: 1e6 });
  return JSON.parse(out.trim().split('\n').pop() as string) as { ms: number; peakMb: number; error: string | null };
}

export async function harStreamFigures(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sci-bench-har-'));
  try {
    const path = join(dir, 'big.har');
    const bytes = await writeHar(path, 400);
    const megabytes = bytes / 1e6;
    const parse = measure(`const { readFileSync } = await import('node:fs'); JSON.parse(readFileSync(process.argv[1], 'utf8'));`, path);
    const stream = measure(`const { readHarFile } = await import(${JSON.stringify(READER)}); const r = await readHarFile(process.argv[1]); if (!r.ok) throw new Error(r.error);`, path);
    console.log(`\nHAR reading (a generated ${megabytes.toFixed(0)} MB HAR with response bodies, each in its own process)`);
    const line = (name: string, m: { ms: number; peakMb: number; error: string | null }) =>
      console.log(`  ${name.padEnd(26)} ${m.error ? `fails: ${m.error}` : `${(megabytes / (m.ms / 1000)).toFixed(0)} MB/s`}, peak ${m.peakMb.toFixed(0)} MB`);
    line('JSON.parse of the text', parse);
    line('streaming reader (CLI)', stream);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
