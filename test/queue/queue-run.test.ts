// `ot run --queue` with real `ot worker` processes, a real redis-server and a local
// OpenAI-compatible server that counts the requests of each distinct prompt.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RedisServer } from '../cache/helpers/redis-server.js';
import { findRedisServer, startRedisServer } from '../cache/helpers/redis-server.js';
import { buildDist } from '../cli/run-ot.js';
import { startChatServer, type ChatServer } from './helpers/chat-server.js';
import { writeQueueProject, type QueueProject } from './helpers/project.js';
import { startOt, startWorkerProcess, type WorkerProcess } from './helpers/workers.js';

const redisBinary = findRedisServer();
const skip = redisBinary === undefined && !process.env['CI'];
if (skip) console.warn('test/queue: redis-server is not on PATH; the queue tests are skipped');

const env = { OT_QUEUE_TEST_KEY: 'sk-test', NO_COLOR: '1' };

/**
 * The summary line without its wall time, and without how the calls, tokens and cost split into
 * made and cached: on many workers that depends on who got there first (a job a busy worker
 * seemed to drop is run again from the cache); the server's counts are what tell whether a call
 * was repeated. The totals — calls, tokens, and cost paid plus cost saved — must match.
 */
function withoutTime(stderr: string): string {
  return stderr.replace(
    / (\d+) calls: \d+ made, \d+ cached · ([^\n]*) · [\d.]+s\n/g,
    (_, calls: string, rest: string) => ` ${calls} calls · ${usageTotals(rest)}\n`,
  );
}

/** `tokens: 10 in, 10 out (cached: 5 in, 5 out) · cost $2.00, the cache saved $1.00` as totals. */
function usageTotals(rest: string): string {
  const tokens = /tokens: (\d+) in, (\d+) out(?: \(cached: (\d+) in, (\d+) out\))?/.exec(rest);
  const cost = /cost \$([\d.]+)(?:, the cache saved \$([\d.]+))?/.exec(rest);
  if (!tokens || !cost) return `no usage in ${JSON.stringify(rest)}`;
  const sum = (a?: string, b?: string) => Number(a ?? 0) + Number(b ?? 0);
  return `tokens ${sum(tokens[1], tokens[3])} in, ${sum(tokens[2], tokens[4])} out · $${sum(cost[1], cost[2]).toFixed(2)}`;
}

describe.skipIf(skip)('ot run --queue with ot workers', () => {
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(() => {
    if (redisBinary === undefined) {
      throw new Error('redis-server is not on PATH (CI installs it: apt-get install redis-server)');
    }
    buildDist();
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setUp(options: { latencyMs: number; rows: number; badRow?: number }): Promise<{
    redis: RedisServer;
    server: ChatServer;
    project: QueueProject;
    /** The local run's result, made before the queued one (the server's counts are reset after). */
    local: { code: number | null; stdout: string; stderr: string };
  }> {
    const redis = await startRedisServer(redisBinary!);
    cleanups.push(() => redis.stop());
    const server = await startChatServer(options.latencyMs);
    cleanups.push(() => server.close());
    const project = writeQueueProject(server.baseUrl, { groups: 5, ...options });
    const local = await startOt(
      ['run', project.flow, '--inputs', project.rows, '--cache', 'memory'],
      {
        cwd: project.dir,
        env,
      },
    ).done;
    server.reset();
    return { redis, server, project, local };
  }

  function workers(
    count: number,
    queue: string,
    project: QueueProject,
    lockMs = 2000,
  ): WorkerProcess[] {
    // Workers run elsewhere: they need no copy of the flow's files, only the config.
    const cwd = mkdtempSync(join(tmpdir(), 'ot-worker-'));
    const started: WorkerProcess[] = [];
    for (let i = 0; i < count; i++) {
      const worker = startWorkerProcess(
        [
          '--queue',
          queue,
          '--config',
          project.config,
          '--concurrency',
          '4',
          '--lock-ms',
          String(lockMs),
        ],
        { cwd, env },
      );
      cleanups.push(async () => {
        worker.child.kill('SIGKILL');
        await worker.exited;
      });
      started.push(worker);
    }
    return started;
  }

  it('prints what a local run prints, and makes each distinct call once across workers', async () => {
    const { redis, server, project, local } = await setUp({ latencyMs: 60, rows: 40, badRow: 7 });
    expect(local.code).toBe(1);
    const queue = `${redis.url}/plain`;
    const started = workers(3, queue, project, 5000);
    await Promise.all(started.map((w) => w.ready));

    const queued = await startOt(
      ['run', project.flow, '--inputs', project.rows, '--queue', queue],
      {
        cwd: project.dir,
        env,
      },
    ).done;

    expect(queued.stdout).toBe(local.stdout);
    expect(withoutTime(queued.stderr)).toBe(withoutTime(local.stderr));
    expect(queued.code).toBe(1);
    expect(queued.stderr).toContain('row 7: ');
    expect(queued.stderr).toContain('OT4002');
    // 39 good rows × (own + verdict) + 5 groups, each reached the server exactly once.
    expect(server.counts.size).toBe(39 * 2 + 5);
    expect([...server.counts.values()].every((n) => n === 1)).toBe(true);
  }, 120_000);

  it('completes every row once after a worker is killed with kill -9 and another stopped mid-run', async () => {
    const { redis, server, project, local } = await setUp({ latencyMs: 150, rows: 45 });
    const queue = `${redis.url}/killed`;
    // Locks of 5 s: a live worker on a loaded machine must renew in time (a lock that lapses
    // while its holder still works is the documented "not guaranteed" case).
    const started = workers(3, queue, project, 5000);
    await Promise.all(started.map((w) => w.ready));

    const producer = startOt(['run', project.flow, '--inputs', project.rows, '--queue', queue], {
      cwd: project.dir,
      env,
    });
    await server.received(30);
    // In flight at the kill: a request the server still holds, or one answered so recently that
    // the killed worker may not have written its reply to the shared cache yet.
    const inFlightAtKill = new Set([...server.pending(), ...server.answeredWithin(2000)]);
    started[0]!.child.kill('SIGKILL');
    await started[0]!.exited;
    // Another stops cleanly: it finishes the rows it holds, then exits 0.
    started[1]!.child.kill('SIGTERM');
    expect(await started[1]!.exited).toBe(0);
    expect(started[1]!.stderr()).toContain('ot: worker stopped');
    const queued = await producer.done;

    expect(queued.code).toBe(0);
    expect(queued.stdout).toBe(local.stdout);
    expect(inFlightAtKill.size).toBeGreaterThan(0);
    // A request the killed worker sent just before its death reaches the server after the kill:
    // it was in flight too (the server sees its connection close before the answer).
    for (const prompt of server.dropped()) inFlightAtKill.add(prompt);
    for (const [prompt, count] of server.counts) {
      // Only a call in flight at the kill may be made again, and only once more.
      if (count > 1) expect(inFlightAtKill.has(prompt), prompt).toBe(true);
      expect(count).toBeLessThanOrEqual(2);
    }
    expect(server.counts.size).toBe(45 * 2 + 5);
  }, 120_000);

  it('a producer killed and rerun collects the finished rows and repeats no call', async () => {
    const { redis, server, project, local } = await setUp({ latencyMs: 100, rows: 40 });
    const queue = `${redis.url}/resumed`;
    const started = workers(3, queue, project, 5000);
    await Promise.all(started.map((w) => w.ready));

    const args = ['run', project.flow, '--inputs', project.rows, '--queue', queue];
    const first = startOt(args, {
      cwd: project.dir,
      env,
      onStdout: (all) => {
        if (all.split('\n').length > 5) first.child.kill('SIGKILL');
      },
    });
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout.split('\n').length).toBeLessThan(41);

    const rerun = await startOt(args, { cwd: project.dir, env }).done;
    expect(rerun.stderr).toMatch(/resuming on .*: [1-9]\d* of 40 rows already finished/);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toBe(local.stdout);
    expect([...server.counts.values()].every((n) => n === 1)).toBe(true);
    expect(server.counts.size).toBe(40 * 2 + 5);

    // Read results are removed from the queue: a third run starts afresh (from the cache).
    const third = await startOt(args, { cwd: project.dir, env }).done;
    expect(third.stderr).not.toContain('resuming');
    expect(third.stdout).toBe(local.stdout);
    expect(third.stderr).toContain('120 calls: 0 made, 120 cached');
  }, 120_000);
});
