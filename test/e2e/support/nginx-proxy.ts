/**
 * Debian's nginx as a TLS-terminating reverse proxy in front of a local app, the way production
 * apps are deployed (issue 23). Its server block is the README's nginx snippet itself, with only
 * the ports, the certificate and the upstream filled in, so the README's snippet is what the browser
 * tests run. It runs as a child of the test (no daemon, one process, its own pid, log and temp
 * paths in a temporary directory) with a certificate made at test time by the `selfsigned` package
 * (no openssl binary needed), and listens twice on loopback: once with `http2`, once without, so a
 * test can compare the two protocols through the same proxy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { freePort } from '../../support/free-port.js';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** The ports the proxy will listen on, chosen first: the app behind it must know them (DEMO_ALLOWED_HOSTS). */
export interface ProxyPorts {
  readonly h2: number;
  readonly h1: number;
}

export async function reserveProxyPorts(): Promise<ProxyPorts> {
  const h2 = await freePort();
  let h1 = await freePort();
  while (h1 === h2) h1 = await freePort();
  return { h2, h1 };
}

export interface NginxProxyOptions {
  /** The name the browser uses (mapped to 127.0.0.1 in the browser), and the certificate's. */
  readonly serverName: string;
  readonly ports: ProxyPorts;
  /** The app behind the proxy, e.g. `http://127.0.0.1:3000` (the README's proxy_pass). */
  readonly upstream: string;
  /** Further `location` blocks, path prefix to upstream, proxied with the snippet's own headers. */
  readonly locations?: Readonly<Record<string, string>>;
}

export interface NginxProxy {
  /** `https://<serverName>:<port>` over HTTP/2 (ALPN h2). */
  readonly h2Origin: string;
  /** `https://<serverName>:<port>` over HTTP/1.1 through the same nginx. */
  readonly h1Origin: string;
  /** The `host:port` names the app must accept (DEMO_ALLOWED_HOSTS). */
  readonly allowedHosts: readonly string[];
  /** The configuration nginx runs, for a failure message. */
  readonly config: string;
  close(): Promise<void>;
}

/** The ```nginx block of the README: the snippet users copy. */
export function readmeNginxSnippet(readme = readFileSync('README.md', 'utf8')): string {
  const match = /```nginx\n([\s\S]*?)```/.exec(readme);
  if (match === null) throw new Error('nginx e2e: README.md has no ```nginx snippet');
  return match[1] as string;
}

/** Replaces exactly one line of the snippet matching `pattern`, or fails naming it. */
function replaceLine(snippet: string, pattern: RegExp, replacement: string): string {
  const lines = snippet.split('\n');
  const index = lines.findIndex((line) => pattern.test(line));
  if (index < 0) throw new Error(`nginx e2e: the README's nginx snippet has no line matching ${pattern}; update this helper with it`);
  const indent = /^\s*/.exec(lines[index] as string)?.[0] ?? '';
  lines.splice(index, 1, ...replacement.split('\n').map((line) => indent + line));
  return lines.join('\n');
}

/** The README's server block with this run's ports, certificate, upstream and extra locations. */
export function serverBlockFromReadme(snippet: string, options: NginxProxyOptions, certificate: { cert: string; key: string }): string {
  let block = snippet;
  block = replaceLine(block, /^\s*listen 443 ssl http2;/, `listen 127.0.0.1:${options.ports.h2} ssl http2;\nlisten 127.0.0.1:${options.ports.h1} ssl;`);
  block = replaceLine(block, /^\s*server_name /, `server_name ${options.serverName};`);
  block = replaceLine(block, /^\s*ssl_certificate /, `ssl_certificate ${certificate.cert};`);
  block = replaceLine(block, /^\s*ssl_certificate_key /, `ssl_certificate_key ${certificate.key};`);
  block = replaceLine(block, /^\s*proxy_pass http:\/\/127\.0\.0\.1:3000;/, `proxy_pass ${options.upstream};`);
  // Each extra location copies the snippet's own `location /` block, with its upstream.
  const location = /^(\s*)location \/ \{\n[\s\S]*?\n\1\}/m.exec(block);
  if (location === null) throw new Error("nginx e2e: the README's nginx snippet has no `location / { ... }` block");
  const extra = Object.entries(options.locations ?? {}).map(([prefix, upstream]) =>
    location[0].replace('location / {', `location ${prefix} {`).replace(`proxy_pass ${options.upstream};`, `proxy_pass ${upstream};`),
  );
  return block.replace(location[0], [...extra, location[0]].join('\n'));
}

function waitForPort(port: number, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`nginx e2e: nginx exited with ${child.exitCode}: ${output()}`));
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nginx e2e: nginx did not listen on ${port} within ${timeoutMs} ms: ${output()}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

export async function startNginxProxy(options: NginxProxyOptions): Promise<NginxProxy> {
  if (!existsSync(NGINX)) {
    throw new Error(`nginx e2e: no nginx at ${NGINX}. Install Debian's nginx-light (apt-get install -y nginx-light; .ci/run does) or set NGINX_PATH.`);
  }
  const directory = mkdtempSync(join(tmpdir(), 'sci-nginx-'));
  const pems = await generate([{ name: 'commonName', value: options.serverName }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: options.serverName }] }],
  });
  const certificate = { cert: join(directory, 'proxy.pem'), key: join(directory, 'proxy.key') };
  writeFileSync(certificate.cert, pems.cert);
  writeFileSync(certificate.key, pems.private, { mode: 0o600 });
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(directory, temp));
  const config = `# Written by test/e2e/support/nginx-proxy.ts: one process in the foreground, every path its own.
daemon off;
master_process off;
pid ${join(directory, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 4096; }
http {
  access_log off;
  # A busy single-page app sends thousands of requests on one connection: nginx's default of 1,000
  # per connection closes it under the page's fetches, which then fail in Chromium.
  keepalive_requests 100000;
  client_body_temp_path ${join(directory, 'body')};
  proxy_temp_path ${join(directory, 'proxy')};
  fastcgi_temp_path ${join(directory, 'fastcgi')};
  uwsgi_temp_path ${join(directory, 'uwsgi')};
  scgi_temp_path ${join(directory, 'scgi')};
${serverBlockFromReadme(readmeNginxSnippet(), options, certificate)}
}
`;
  const configFile = join(directory, 'nginx.conf');
  writeFileSync(configFile, config);
  let output = '';
  const child = spawn(NGINX, ['-p', directory, '-e', 'stderr', '-c', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    await waitForPort(options.ports.h2, child, () => `${output}\n${config}`, 10_000);
    await waitForPort(options.ports.h1, child, () => `${output}\n${config}`, 10_000);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    h2Origin: `https://${options.serverName}:${options.ports.h2}`,
    h1Origin: `https://${options.serverName}:${options.ports.h1}`,
    allowedHosts: [`${options.serverName}:${options.ports.h2}`, `${options.serverName}:${options.ports.h1}`],
    config,
    close,
  };
}
