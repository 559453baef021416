#!/usr/bin/env node
import pc from 'picocolors';
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  color: pc.isColorSupported && process.stdout.isTTY === true,
});
