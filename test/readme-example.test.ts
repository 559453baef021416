/** The README's library example, run as written (against a demo server instead of port 3000). */
import { rmSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from './support/demo-servers.js';
import { readmeLibraryExample } from './support/readme-example.js';

let demo: RunningDemo;
const file = 'readme-example.tmp.mjs';
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  rmSync(file, { force: true });
  await demo.close();
});

describe('README', () => {
  it('its library example runs and its assertions hold', async () => {
    const code = readmeLibraryExample();
    expect(code).toContain("from 'session-cookie-inspector'");
    // In the repository folder, so the package resolves to itself (dist/lib, built by npm test).
    writeFileSync(file, code.replace('http://127.0.0.1:3000/', `${demo.http.origin}/`));
    // Asynchronously: the demo server answering it runs in this process.
    const run = await promisify(execFile)(process.execPath, [file], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
  });
});
