#!/usr/bin/env node
import pc from 'picocolors';
import { terminalProgress } from './progress.js';
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  color: pc.isColorSupported && process.stdout.isTTY === true,
  ...(process.stderr.isTTY ? { progress: terminalProgress((text) => process.stderr.write(text)) } : {}),
});
