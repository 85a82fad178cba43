import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { requireExternalProgram } from '../../helpers/external-program.js';

/**
 * The redis-server binary, or undefined when it is missing and the redis suites are skipped
 * (with one warning line); under CI a missing redis-server throws. `OT_REDIS_SERVER` names
 * another binary, e.g. `/nonexistent` to check this rule.
 */
export function findRedisServer(): string | undefined {
  return requireExternalProgram({
    name: 'redis-server',
    install: 'apt-get install redis-server',
    overrideEnv: 'OT_REDIS_SERVER',
    suites: 'redis suites',
  });
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A redis-server we started. */
export interface RedisServer {
  port: number;
  url: string;
  /** Kills it (SIGKILL: no goodbye to clients) and waits until it is gone. */
  stop(): Promise<void>;
}

/** Starts `redis-server` without persistence on `port` (a free one by default); resolves once it answers PING. */
export async function startRedisServer(binary: string, port?: number): Promise<RedisServer> {
  const chosen = port ?? (await freePort());
  const child = spawn(
    binary,
    ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForPong(chosen, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  return {
    port: chosen,
    url: `redis://127.0.0.1:${chosen}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Sends PING until the server says PONG (it starts listening a moment after it is spawned). */
async function waitForPong(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited: ${output()}`);
    if (await ping(port)) return;
    if (Date.now() > deadline)
      throw new Error(`redis-server did not answer PING within 10 s: ${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(1_000);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) {
        socket.destroy();
        resolve(reply.startsWith('+PONG'));
      }
    });
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(false));
  });
}
