import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { terminalProgress } from './progress.js';

describe('terminalProgress', () => {
  it('rewrites one line in place, at most every 100 ms, and clears it when done', () => {
    const written: string[] = [];
    let clock = 0;
    const progress = terminalProgress(
      (text) => written.push(text),
      () => clock,
    );
    progress.update('reading 1 MB');
    clock = 50;
    progress.update('reading 2 MB');
    clock = 150;
    progress.update('reading 3 MB');
    progress.done();
    expect(written).toEqual(['\r\u001b[Kreading 1 MB', '\r\u001b[Kreading 3 MB', '\r\u001b[K']);
  });
});

describe('the CLI on a terminal', () => {
  it('shows how far it read a HAR file, then clears the line', async () => {
    const updates: string[] = [];
    let cleared = 0;
    const status = await runCli(['test/fixtures/demo-login-flow.chromium.har'], {
      stdout: () => undefined,
      stderr: () => undefined,
      color: false,
      progress: { update: (text) => updates.push(text), done: () => cleared++ },
    });
    expect(status).toBe(0);
    expect(updates.at(-1)).toMatch(/^reading \d+ KB of \d+ KB \(100%\)$/);
    expect(cleared).toBeGreaterThan(0);
  });
});
