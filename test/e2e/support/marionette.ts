/**
 * A minimal Marionette client: Firefox's remote protocol as length-prefixed JSON over TCP
 * (`<bytes>:[0, id, "Command", params]`, answered by `[1, id, error, result]`).
 */
import { connect, type Socket } from 'node:net';

export class MarionetteError extends Error {}

export class Marionette {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private greeted: Promise<void>;

  private constructor(private readonly socket: Socket) {
    let onGreeting: () => void = () => undefined;
    this.greeted = new Promise((resolve) => (onGreeting = resolve));
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const colon = this.buffer.indexOf(0x3a);
        if (colon < 0) return;
        const length = Number(this.buffer.subarray(0, colon).toString('ascii'));
        if (this.buffer.length < colon + 1 + length) return;
        const message = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8')) as unknown;
        this.buffer = this.buffer.subarray(colon + 1 + length);
        if (!Array.isArray(message)) {
          onGreeting();
          continue;
        }
        const [, id, error, result] = message as [number, number, { error: string; message: string } | null, unknown];
        const waiter = this.pending.get(id);
        this.pending.delete(id);
        if (error) waiter?.reject(new MarionetteError(`${error.error}: ${error.message}`));
        else waiter?.resolve(result);
      }
    });
    socket.on('close', () => {
      for (const waiter of this.pending.values()) waiter.reject(new MarionetteError('Marionette connection closed'));
      this.pending.clear();
    });
  }

  static async connect(port: number, timeoutMs: number): Promise<Marionette> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const candidate = connect(port, '127.0.0.1', () => resolve(candidate));
          candidate.once('error', reject);
        });
        const client = new Marionette(socket);
        await client.greeted;
        return client;
      } catch (error) {
        if (Date.now() > deadline) throw new MarionetteError(`Firefox e2e: Marionette did not answer on port ${port}: ${String(error)}`);
        await new Promise((done) => setTimeout(done, 200));
      }
    }
  }

  send<T = unknown>(command: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    const payload = Buffer.from(JSON.stringify([0, id, command, params]), 'utf8');
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.socket.write(Buffer.concat([Buffer.from(`${payload.length}:`, 'ascii'), payload]));
    });
  }

  /** Runs `script` (a function body; `arguments` holds args) and returns its value. */
  async execute<T = unknown>(script: string, args: unknown[] = []): Promise<T> {
    const result = await this.send<{ value: T }>('WebDriver:ExecuteScript', { script, args });
    return result.value;
  }

  close(): void {
    this.socket.destroy();
  }
}
