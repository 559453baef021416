/**
 * A deliberately minimal HTTP/1.1 server (plain or TLS) that writes response headers byte for
 * byte, so a Set-Cookie can hold what Node's http module refuses to send (control characters).
 * Test use only: one request per connection, loopback only.
 */
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

export type RawHandler = (path: string) => { status: number; headers: [string, string][] };

function serve(socket: Socket, handler: RawHandler): void {
  let received = '';
  socket.setEncoding('latin1');
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: string) => {
    received += chunk;
    const end = received.indexOf('\r\n\r\n');
    if (end < 0) return;
    const [requestLine = ''] = received.slice(0, end).split('\r\n');
    const path = requestLine.split(' ')[1] ?? '/';
    const { status, headers } = handler(path);
    const head = [
      `HTTP/1.1 ${status} OK`,
      'Content-Type: text/html; charset=utf-8',
      'Content-Length: 2',
      'Connection: close',
      'Access-Control-Allow-Origin: *',
      ...headers.map(([name, value]) => `${name}: ${value}`),
    ].join('\r\n');
    // Header bytes are written as UTF-8, which is what a server writing non-ASCII values sends.
    socket.end(Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'utf8'), Buffer.from('ok')]));
  });
}

export interface RawServer {
  readonly port: number;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<RawServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function rawHttpServer(handler: RawHandler): Promise<RawServer> {
  return listen(createNetServer((socket) => serve(socket, handler)));
}

export function rawHttpsServer(handler: RawHandler, key: string, cert: string): Promise<RawServer> {
  return listen(createTlsServer({ key, cert }, (socket) => serve(socket, handler)));
}
