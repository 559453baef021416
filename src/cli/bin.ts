#!/usr/bin/env node
import { colorFromEnvironment } from './color-choice.js';
import { terminalProgress } from './progress.js';
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  color: colorFromEnvironment(process.env, process.stdout.isTTY === true),
  stdin: process.stdin,
  ...(process.stderr.isTTY ? { progress: terminalProgress((text) => process.stderr.write(text)) } : {}),
});
