/** Starts a Node request handler on 127.0.0.1 (http or https) on a free port. */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export interface Listening {
  readonly origin: string;
  close(): Promise<void>;
}

type Handler = http.RequestListener;

async function listen(server: http.Server | https.Server, scheme: 'http' | 'https'): Promise<Listening> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${scheme}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function listenHttp(handler: Handler): Promise<Listening> {
  return listen(http.createServer(handler), 'http');
}

export async function listenHttps(handler: Handler): Promise<Listening> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return listen(https.createServer({ key: pems.private, cert: pems.cert }, handler), 'https');
}
