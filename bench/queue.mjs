// Rows per second of `ot run --queue` with 1, 2 and 4 `ot worker` processes against a 50 ms
// OpenAI-compatible server (speed-up as a ratio to one worker). Needs redis-server on PATH.
// Run `npx tsc -p tsconfig.build.json` first, then `node bench/queue.mjs`, or call benchQueue()
// from bench/index.mjs. The producer runs in this process (its start-up is not measured); the
// workers are real subprocesses of bin/ot.js, started and ready before the clock starts.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCli } from '../dist/cli/main.js';

const ROWS = 80;
const LATENCY_MS = 50;
/** Rows each worker runs at once: small, so that the number of workers is what scales. */
const WORKER_CONCURRENCY = 2;
const bin = fileURLToPath(new URL('../bin/ot.js', import.meta.url));

/** Rows `{ workers, rows_per_s, speed_up }`. */
export async function benchQueue() {
  const redisBinary = findOnPath('redis-server');
  if (!redisBinary) throw new Error('redis-server is not on PATH');
  const port = await freePort();
  const redis = spawn(redisBinary, ['--port', String(port), '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const server = await chatServer(LATENCY_MS);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ot-bench-queue-'));
  writeFileSync(
    path.join(dir, 'ot.config.yaml'),
    `backends:\n  local:\n    provider: openai-compatible\n    model: m\n    base_url: ${server.url}\n    api_key_env: OT_BENCH_KEY\ndefault_backend: local\n`,
  );
  writeFileSync(
    path.join(dir, 'flow.ot'),
    "---\ninput:\n  q: { type: string }\n---\n<< generate_text('Answer ' ~ q) >>\n",
  );
  const env = { ...process.env, OT_BENCH_KEY: 'k' };
  const rows = [];
  try {
    await waitForRedis(port);
    let base = 0;
    for (const count of [1, 2, 4]) {
      const queue = `redis://127.0.0.1:${port}/bench${count}`;
      const workers = await startWorkers(count, queue, dir, env);
      // Distinct prompts each round: nothing is replayed from the previous one's cache.
      const file = path.join(dir, `rows-${count}.jsonl`);
      writeFileSync(
        file,
        Array.from({ length: ROWS }, (_, i) => JSON.stringify({ q: `${count}-${i}` })).join('\n'),
      );
      const io = { stdout: () => undefined, stderr: () => undefined, stderrColor: false };
      const started = performance.now();
      const code = await runCli(
        ['run', path.join(dir, 'flow.ot'), '--inputs', file, '--queue', queue],
        io,
      );
      const seconds = (performance.now() - started) / 1000;
      for (const worker of workers) worker.kill('SIGKILL');
      if (code !== 0) throw new Error(`the queued run exited ${code}`);
      const perSecond = ROWS / seconds;
      if (count === 1) base = perSecond;
      rows.push({
        workers: count,
        rows_per_s: Number(perSecond.toFixed(1)),
        speed_up: `${(perSecond / base).toFixed(2)}×`,
      });
    }
  } finally {
    redis.kill('SIGKILL');
    await server.close();
  }
  return rows;
}

function startWorkers(count, queue, cwd, env) {
  return Promise.all(
    Array.from({ length: count }, () => {
      const child = spawn(
        process.execPath,
        [bin, 'worker', '--queue', queue, '--concurrency', String(WORKER_CONCURRENCY)],
        { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      return new Promise((resolve, reject) => {
        let text = '';
        child.stderr.setEncoding('utf8').on('data', (chunk) => {
          text += chunk;
          if (text.includes('worker ready')) resolve(child);
        });
        child.once('exit', () => reject(new Error(`worker exited: ${text}`)));
      });
    }),
  );
}

function chatServer(latencyMs) {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const prompt = JSON.parse(body).messages.at(-1).content;
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'c',
            object: 'chat.completion',
            created: 1,
            model: 'm',
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content: `re ${prompt}` },
                finish_reason: 'stop',
              },
            ],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }),
        );
      }, latencyMs);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}/v1`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(done);
          }),
      }),
    ),
  );
}

function findOnPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return path.join(dir, name);
    } catch {
      // not here
    }
  }
  return undefined;
}

async function freePort() {
  const probe = net.createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitForRedis(port) {
  for (let i = 0; i < 400; i++) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('redis-server did not start');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  console.table(await benchQueue());
  process.exit(0);
}
