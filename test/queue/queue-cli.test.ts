// What `ot run --queue` and `ot worker` refuse before touching a queue, and an unreachable one.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../cache/helpers/redis-server.js';
import { buildDist, runOt } from '../cli/run-ot.js';

describe('ot run --queue and ot worker: usage', () => {
  let dir = '';
  beforeAll(() => {
    buildDist();
    dir = mkdtempSync(join(tmpdir(), 'ot-queue-cli-'));
    writeFileSync(join(dir, 'flow.ot'), 'Hello << generate_text() >>\n');
    writeFileSync(join(dir, 'rows.jsonl'), '{}\n');
  });

  it('refuses a queue that is not a redis URL, and flags that belong to workers (exit 2)', async () => {
    const notRedis = await runOt(['run', 'flow.ot', '--queue', 'http://example.com/q'], {
      cwd: dir,
    });
    expect(notRedis.code).toBe(2);
    expect(notRedis.stderr).toContain('--queue expects redis://HOST:PORT[/NAME]');
    const dryRun = await runOt(['run', 'flow.ot', '--dry-run', '--queue', 'redis://127.0.0.1:1'], {
      cwd: dir,
    });
    expect(dryRun.code).toBe(2);
    expect(dryRun.stderr).toContain('--dry-run cannot be used with --queue');
    const cache = await runOt(
      ['run', 'flow.ot', '--cache', 'here', '--queue', 'redis://127.0.0.1:1'],
      {
        cwd: dir,
      },
    );
    expect(cache.code).toBe(2);
    expect(cache.stderr).toContain('--cache must be redis://… or off');
  });

  it('reports an unreachable queue as OT4026 (exit 1), without a stack trace', async () => {
    const port = await freePort();
    const run = await runOt(
      ['run', 'flow.ot', '--inputs', 'rows.jsonl', '--queue', `redis://127.0.0.1:${port}/q`],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `ot: error: OT4026: the queue redis://127.0.0.1:${port}/q cannot be reached: connect ECONNREFUSED 127.0.0.1:${port}\n`,
    );
  });

  it('ot eval --queue refuses what belongs to workers (exit 2), and an unreachable queue is OT4026', async () => {
    writeFileSync(
      join(dir, 'eval.yaml'),
      'flow: flow.ot\ndataset: rows.jsonl\nscorers:\n  any: { regex: "." }\n',
    );
    const trace = await runOt(
      ['eval', 'eval.yaml', '--trace', 't.jsonl', '--queue', 'redis://127.0.0.1:1'],
      { cwd: dir },
    );
    expect(trace.code).toBe(2);
    expect(trace.stderr).toContain('--trace cannot be used with --queue');
    const cache = await runOt(['eval', 'eval.yaml', '--cache', 'here', '--queue', 'redis://x:1'], {
      cwd: dir,
    });
    expect(cache.code).toBe(2);
    expect(cache.stderr).toContain('--cache must be redis://… or off');
    const port = await freePort();
    const run = await runOt(['eval', 'eval.yaml', '--queue', `redis://127.0.0.1:${port}/q`], {
      cwd: dir,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `ot: error: OT4026: the queue redis://127.0.0.1:${port}/q cannot be reached: connect ECONNREFUSED 127.0.0.1:${port}\n`,
    );
  });

  it('ot worker needs --queue and positive integers (exit 2)', async () => {
    expect((await runOt(['worker'], { cwd: dir })).code).toBe(2);
    const zero = await runOt(['worker', '--queue', 'redis://127.0.0.1:1', '--concurrency', '0'], {
      cwd: dir,
    });
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('--concurrency expects a positive integer');
    const bad = await runOt(['worker', '--queue', 'ftp://x'], { cwd: dir });
    expect(bad.code).toBe(2);
  });
});
