/**
 * Writes test/fixtures/combined-fix/real-frameworks.json: each framework's combined fix (issue 11)
 * pasted into a real app of that framework, and the headers of the response that sets its session
 * cookie. `src/rules/combined-fix/real-frameworks.test.ts` then checks, with no Python, PHP, Ruby
 * or Java, that the blocks are still the ones tested and that the cookies grade with none of the
 * findings the blocks fix.
 *
 *     apt-get install -y python3-django python3-flask php-cli ruby-rails tomcat10
 *     npx tsx scripts/make-combined-fix-cookies.ts
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Framework } from '../src/detect/framework.js';
import { combinedFix } from '../src/rules/combined-fix/combined-fix.js';
import { freePort } from '../test/support/free-port.js';

/** A cookie with every finding a configuration can fix. */
export const COMBINED_FIX_FINDINGS = [
  'secure-missing',
  'httponly-missing',
  'samesite-missing',
  'prefix-none',
  'name-default',
  'path-missing',
  'domain-parent',
  'lifetime-week',
  'cache-control-missing',
  'hsts-missing',
];

const HARNESS = 'scripts/combined-fix-harness';
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const CATALINA_HOME = process.env.CATALINA_HOME ?? '/usr/share/tomcat10';

interface Produced {
  readonly producer: string;
  readonly headers?: readonly (readonly [string, string])[];
  readonly config?: unknown;
}

/** A framework's default session cookie name, as the block is asked to fix it. */
const CASES: readonly { framework: Framework; cookieName: string; run(blockFile: string): Promise<Produced> }[] = [
  { framework: 'django', cookieName: 'sessionid', run: async (file) => json(execFileSync(PYTHON, [`${HARNESS}/django_app.py`, file], { encoding: 'utf8' })) },
  { framework: 'flask', cookieName: 'session', run: async (file) => json(execFileSync(PYTHON, [`${HARNESS}/flask_app.py`, file], { encoding: 'utf8' })) },
  { framework: 'rails', cookieName: '_app_session', run: async (file) => json(execFileSync('ruby', [`${HARNESS}/rails_app.rb`, file], { encoding: 'utf8' })) },
  {
    framework: 'laravel',
    cookieName: 'laravel_session',
    run: async (file) => json(execFileSync('php', ['-n', `${HARNESS}/laravel_array.php`, file], { encoding: 'utf8' })),
  },
  { framework: 'php', cookieName: 'PHPSESSID', run: phpServer },
  { framework: 'java-servlet', cookieName: 'JSESSIONID', run: tomcat },
];

function json(text: string): Produced {
  return JSON.parse(text) as Produced;
}

async function headersOf(url: string, producer: string): Promise<Produced> {
  const response = await fetch(url);
  return {
    producer,
    headers: [...response.headers.entries()].flatMap(([name, value]) =>
      name === 'set-cookie' ? response.headers.getSetCookie().map((line) => [name, line] as const) : [[name, value] as const],
    ),
  };
}

/** Waits until a server answers, for at most `seconds`. */
async function answered(url: string, seconds: number): Promise<void> {
  for (let waited = 0; waited < seconds * 10; waited++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

/** PHP's built-in server with the block as its only php.ini. */
async function phpServer(file: string): Promise<Produced> {
  const port = await freePort();
  const server = spawn('php', ['-n', '-c', file, '-S', `127.0.0.1:${port}`, `${HARNESS}/session.php`], { stdio: 'ignore' });
  try {
    await answered(`http://127.0.0.1:${port}/`, 10);
    const version = execFileSync('php', ['-n', '-r', 'echo PHP_VERSION;'], { encoding: 'utf8' });
    return await headersOf(`http://127.0.0.1:${port}/`, `PHP ${version}`);
  } finally {
    server.kill();
  }
}

/** Debian's Tomcat 10 with a ROOT app whose web.xml holds the block. */
async function tomcat(file: string): Promise<Produced> {
  const base = mkdtempSync(join(tmpdir(), 'combined-fix-tomcat-'));
  const port = await freePort();
  mkdirSync(join(base, 'conf'));
  mkdirSync(join(base, 'logs'));
  mkdirSync(join(base, 'webapps/ROOT/WEB-INF'), { recursive: true });
  writeFileSync(join(base, 'conf/server.xml'), readFileSync(`${HARNESS}/tomcat/server.xml`, 'utf8').replaceAll('@PORT@', String(port)));
  for (const name of ['web.xml', 'catalina.properties', 'logging.properties', 'context.xml']) cpSync(`/etc/tomcat10/${name}`, join(base, 'conf', name));
  writeFileSync(
    join(base, 'webapps/ROOT/WEB-INF/web.xml'),
    readFileSync(`${HARNESS}/tomcat/web-app.xml`, 'utf8').replaceAll('@SESSION_CONFIG@', readFileSync(file, 'utf8')),
  );
  cpSync(`${HARNESS}/tomcat/index.jsp`, join(base, 'webapps/ROOT/index.jsp'));
  const server = spawn(`${CATALINA_HOME}/bin/catalina.sh`, ['run'], {
    env: { ...process.env, CATALINA_HOME, CATALINA_BASE: base },
    stdio: process.env.HARNESS_DEBUG ? 'inherit' : 'ignore',
    detached: true,
  });
  try {
    await answered(`http://127.0.0.1:${port}/`, 60);
    const version =
      /Server number:\s*(\S+)/.exec(execFileSync(`${CATALINA_HOME}/bin/version.sh`, { encoding: 'utf8', env: { ...process.env, CATALINA_HOME } }))?.[1] ?? '10';
    return await headersOf(`http://127.0.0.1:${port}/index.jsp`, `Tomcat ${version}`);
  } finally {
    if (server.pid !== undefined) process.kill(-server.pid);
    rmSync(base, { recursive: true, force: true });
  }
}

const work = mkdtempSync(join(tmpdir(), 'combined-fix-'));
const cases = [];
for (const { framework, cookieName, run } of CASES) {
  const fix = combinedFix(framework, COMBINED_FIX_FINDINGS, cookieName);
  const file = join(work, `${framework}.block`);
  writeFileSync(file, fix.code);
  const produced = await run(file);
  cases.push({ framework, cookieName, findings: COMBINED_FIX_FINDINGS, code: fix.code, ...produced });
  console.error(`${framework}: ${produced.producer}`);
}
rmSync(work, { recursive: true, force: true });
mkdirSync('test/fixtures/combined-fix', { recursive: true });
writeFileSync('test/fixtures/combined-fix/real-frameworks.json', `${JSON.stringify({ madeBy: 'scripts/make-combined-fix-cookies.ts', cases }, null, 2)}\n`);
