// `ot eval --queue` with real `ot worker` processes, a real redis-server and a local
// OpenAI-compatible server that counts the requests of each distinct prompt.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EvalCell, EvalSummary } from '../../src/eval/eval-types.js';
import { findRedisServer, startRedisServer } from '../cache/helpers/redis-server.js';
import { buildDist } from '../cli/run-ot.js';
import { startChatServer } from './helpers/chat-server.js';
import { writeQueueProject } from './helpers/project.js';
import { startOt, startWorkerProcess } from './helpers/workers.js';

const redisBinary = findRedisServer();
const skip = redisBinary === undefined && !process.env['CI'];
if (skip) console.warn('test/queue: redis-server is not on PATH; the queue eval test is skipped');

const env = { OT_QUEUE_TEST_KEY: 'sk-test', NO_COLOR: '1' };

/** A cell without what depends on timing and on which worker got a call first. */
function comparable(cell: EvalCell): unknown {
  const { latency_ms: _latency, calls, ...rest } = cell;
  return { ...rest, calls: calls.made + calls.cached };
}

/**
 * `--out` lines without their latency and cost: which row pays for a call that rows share (the
 * others replay it at no cost) depends on which got there first, locally as on workers.
 */
function outLines(path: string): unknown[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      const { latency_ms: _latency, cost_usd: _cost, ...rest } = parsed;
      return rest;
    });
}

describe.skipIf(skip)('ot eval --queue with ot workers', () => {
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

  it('gives the results of a local eval, each distinct call made once across workers', async () => {
    const redis = await startRedisServer(redisBinary!);
    cleanups.push(() => redis.stop());
    const server = await startChatServer(40);
    cleanups.push(() => server.close());
    const project = writeQueueProject(server.baseUrl, { rows: 30, groups: 5, badRow: 4 });
    writeFileSync(
      join(project.dir, 'eval.yaml'),
      [
        'flow: flow.ot',
        'dataset: rows.jsonl',
        'repeat: 1',
        'scorers:',
        '  topic: { contains: "{{ topic }}" }',
        '  chars: { regex: "chars: J" }',
        '',
      ].join('\n'),
    );
    const local = await startOt(
      ['eval', 'eval.yaml', '--json', '--cache', 'memory', '--out', 'local.jsonl'],
      { cwd: project.dir, env },
    ).done;
    expect(local.code).toBe(1);
    server.reset();

    const queue = `${redis.url}/evals`;
    // Workers run elsewhere: they need no copy of the flow's files, only the config.
    const cwd = mkdtempSync(join(tmpdir(), 'ot-worker-'));
    const workers = Array.from({ length: 3 }, () =>
      startWorkerProcess(
        ['--queue', queue, '--config', project.config, '--concurrency', '4', '--lock-ms', '10000'],
        { cwd, env },
      ),
    );
    for (const worker of workers) {
      cleanups.push(async () => {
        worker.child.kill('SIGKILL');
        await worker.exited;
      });
    }
    await Promise.all(workers.map((w) => w.ready));

    // The producer has no API key: the workers' config and keys make the calls.
    const queued = await startOt(
      ['eval', 'eval.yaml', '--json', '--queue', queue, '--out', 'queued.jsonl'],
      { cwd: project.dir, env: { NO_COLOR: '1', OT_QUEUE_TEST_KEY: '' } },
    ).done;
    expect(queued.stderr).toBe(local.stderr.replace('local.jsonl', 'queued.jsonl'));
    expect(queued.code).toBe(1);
    const a = JSON.parse(local.stdout) as EvalSummary;
    const b = JSON.parse(queued.stdout) as EvalSummary;
    expect(b.cells.map(comparable)).toEqual(a.cells.map(comparable));
    expect(b.cells[0]!.errors).toBe(1);
    expect(b.cells[0]!.usage.input_tokens).toBeGreaterThan(0);
    expect(b.comparisons).toEqual(a.comparisons);
    expect(outLines(join(project.dir, 'queued.jsonl'))).toEqual(
      outLines(join(project.dir, 'local.jsonl')),
    );
    // 29 good rows × (own + verdict) + 5 groups, each reached the server exactly once.
    expect(server.counts.size).toBe(29 * 2 + 5);
    expect([...server.counts.values()].every((n) => n === 1)).toBe(true);
  }, 120_000);
});
