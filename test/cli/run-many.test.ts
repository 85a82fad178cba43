// runMany on a forced terminal: the progress line and the comparison table, with a fake runOne.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drained } from '../../src/cli/io.js';
import { comparisonValue } from '../../src/cli/run/comparison-table.js';
import { formatProgress } from '../../src/cli/run/progress-line.js';
import { runMany, type RunManyOptions, type RunOne } from '../../src/cli/run/run-many.js';
import { formatRunSummary } from '../../src/cli/run/run-summary.js';
import type { TraceEvent } from '../../src/runtime/trace.js';
import { addToUsageTotals, emptyUsageTotals } from '../../src/runtime/usage/usage-totals.js';

function event(cached: boolean): TraceEvent {
  return {
    builtin: 'generate_text',
    prompt: 'p',
    messages: null,
    args: {},
    result: 'r',
    cached,
    sample: '',
    backend: 'fake',
    start_ms: 0,
    end_ms: 1,
    location: 'flow.ot:1:1',
  };
}

function options(overrides: Partial<RunManyOptions>, runOne: RunOne): RunManyOptions {
  return {
    file: null,
    flagInputs: {},
    backends: [null],
    runOne,
    io: { stdout: () => undefined, stderr: () => undefined, stderrColor: false },
    sources: {},
    verbose: false,
    json: false,
    dryRun: false,
    hasOutput: false,
    signal: new AbortController().signal,
    calls: emptyUsageTotals(),
    progress: null,
    tableWidth: null,
    window: 64,
    ...overrides,
  };
}

describe('the progress line of --inputs', () => {
  it('counts rows and new and cached calls, and keeps going after a failed row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ot-many-'));
    const rows = join(dir, 'rows.jsonl');
    writeFileSync(rows, '{"n": 1}\n{"n": 2}\n{"n": 3}\n');
    const calls = emptyUsageTotals();
    let drawn = '';
    const stderr: string[] = [];
    // Rows finish in order: row 2 fails after row 1, and row 3 comes after the failure.
    let previous: Promise<unknown> = Promise.resolve();
    const runOne: RunOne = (inputs, _backend, observe) => {
      const mine = previous.then(async () => {
        const cached = inputs['n'] === 3;
        addToUsageTotals(calls, event(cached));
        observe?.(event(cached));
        if (inputs['n'] === 2) throw new Error('boom');
        return { text: 't', outputs: {}, result: 't' };
      });
      previous = mine.catch(() => undefined);
      return mine;
    };
    const outcome = await runMany(
      options(
        {
          file: rows,
          calls,
          io: { stdout: () => undefined, stderr: (t) => stderr.push(t), stderrColor: false },
          progress: { write: (text) => (drawn += text), columns: 200 },
        },
        runOne,
      ),
    );
    expect(outcome).toEqual({ cancelled: false, rowsOk: 2, rowsFailed: 1 });
    const frames = drawn.split('\r\x1b[K').filter((frame) => frame !== '');
    const afterFailure = frames.slice(frames.findIndex((f) => f.includes('(1 failed)')));
    expect(afterFailure.length).toBeGreaterThan(0);
    expect(frames.at(-1)).toContain('3/3 rows (1 failed) · 3 calls: 2 new, 1 cached');
    expect(stderr.join('')).toContain('ot: error: row 2: boom');
    // The line is erased at the end: the last thing written is the clearing sequence.
    expect(drawn.endsWith('\r\x1b[K')).toBe(true);
  });

  it('formats counts with a bar, cut to the width', () => {
    const counts = { rowsDone: 5, rowsTotal: 10, rowsFailed: 0, callsMade: 7, callsCached: 3 };
    expect(formatProgress(counts, 200)).toBe(
      '[██████████░░░░░░░░░░] 5/10 rows · 10 calls: 7 new, 3 cached',
    );
    expect(formatProgress(counts, 20)).toHaveLength(19);
  });

  it('the summary line names rows, calls and wall time', () => {
    expect(
      formatRunSummary({
        rows: { ok: 9, failed: 1 },
        calls: { ...emptyUsageTotals(), callsMade: 18, callsCached: 6, callsWithoutUsage: 24 },
        dryRun: false,
        wallMs: 3240,
      }),
    ).toBe('ot: 10 rows: 9 ok, 1 failed · 24 calls: 18 made, 6 cached · 3.2s\n');
  });

  it('the summary adds tokens, the cost and what the cache saved', () => {
    const calls = emptyUsageTotals();
    const priced = (cached: boolean, cost: number): TraceEvent => ({
      ...event(cached),
      usage: { input_tokens: 1000, output_tokens: 200 },
      ...(cached ? { cost_usd: 0, saved_usd: cost } : { cost_usd: cost }),
    });
    addToUsageTotals(calls, priced(false, 0.0011));
    addToUsageTotals(calls, priced(false, 0.0011));
    addToUsageTotals(calls, priced(true, 0.0011));
    expect(formatRunSummary({ rows: null, calls, dryRun: false, wallMs: 1200 })).toBe(
      'ot: 3 calls: 2 made, 1 cached · tokens: 2000 in, 400 out (cached: 1000 in, 200 out) · cost $0.0022, the cache saved $0.0011 · 1.2s\n',
    );
  });

  it('the progress line shows the cost so far when there is one', () => {
    const counts = { rowsDone: 1, rowsTotal: 2, rowsFailed: 0, callsMade: 1, callsCached: 0 };
    expect(formatProgress({ ...counts, costUsd: 0.000045 }, 200)).toBe(
      '[██████████░░░░░░░░░░] 1/2 rows · 1 call: 1 new, 0 cached · $0.000045',
    );
  });
});

describe('the comparison table of several backends', () => {
  it("shows each backend's bound names, not the shared prompt text", async () => {
    let out = '';
    const runOne: RunOne = (_inputs, backend) =>
      Promise.resolve({
        text: `A long shared prompt that every backend sees first… ${backend}`,
        outputs: { city: backend === 'a' ? ' Menton' : ' Nice' },
        result: 'unused',
      });
    await runMany(
      options(
        {
          backends: ['a', 'b'],
          tableWidth: 80,
          io: { stdout: (t) => (out += t), stderr: () => undefined, stderrColor: false },
        },
        runOne,
      ),
    );
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^row\s+│ a\s+│ b\s*$/);
    expect(lines[2]).toMatch(/^1\s+│ city: Menton\s+│ city: Nice\s*$/);
  });

  it('shows the `output:` value when the flow names one, and the text when nothing is bound', () => {
    expect(comparisonValue({ text: 't', outputs: { a: 1 }, result: { x: 1 } }, true)).toBe(
      '{"x":1}',
    );
    expect(comparisonValue({ text: 'only text', outputs: {}, result: 'only text' }, false)).toBe(
      'only text',
    );
    expect(comparisonValue({ text: 't', outputs: { a: ' x ', n: 2 }, result: 't' }, false)).toBe(
      'a: x, n: 2',
    );
  });
});

describe('a slow reader of stdout', () => {
  it('holds back the next row until stdout has drained', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ot-many-'));
    const rows = join(dir, 'rows.jsonl');
    writeFileSync(rows, '{"n": 1}\n{"n": 2}\n{"n": 3}\n');
    const lines: string[] = [];
    const deferred = <T>() => {
      let resolve!: (value: T) => void;
      const promise = new Promise<T>((r) => (resolve = r));
      return { promise, resolve };
    };
    const firstLine = deferred<void>();
    const secondStarted = deferred<void>();
    const secondRow = deferred<{
      text: string;
      outputs: Record<string, unknown>;
      result: unknown;
    }>();
    const drain = deferred<void>();
    const result = { text: 't', outputs: {}, result: 't' };
    const runOne: RunOne = (inputs) => {
      if (inputs['n'] !== 2) return Promise.resolve(result);
      secondStarted.resolve();
      return secondRow.promise;
    };
    const run = runMany(
      options(
        {
          file: rows,
          io: {
            stdout: (text) => {
              lines.push(text);
              firstLine.resolve();
            },
            stderr: () => undefined,
            stderrColor: false,
            // stdout is full after the first line, until the test drains it.
            stdoutDrained: () => (lines.length === 1 ? drain.promise : null),
          },
        },
        runOne,
      ),
    );
    await Promise.all([firstLine.promise, secondStarted.promise]);
    secondRow.resolve(result);
    // Every promise job runs before the next macrotask: rows 2 and 3 are done by then.
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    drain.resolve();
    expect(await run).toEqual({ cancelled: false, rowsOk: 3, rowsFailed: 0 });
    expect(lines.map((line) => (JSON.parse(line) as { row: number }).row)).toEqual([1, 2, 3]);
  });

  it("waits for a stream's 'drain' only when its buffer is full", async () => {
    const written: string[] = [];
    let finish: (() => void) | null = null;
    const stream = new Writable({
      highWaterMark: 4,
      write(chunk: Buffer, _encoding, callback) {
        written.push(chunk.toString());
        finish = callback;
      },
    });
    expect(drained(stream)).toBeNull();
    stream.write('12345');
    const wait = drained(stream);
    expect(wait).not.toBeNull();
    let done = false;
    void wait!.then(() => (done = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    finish!();
    await wait;
    expect(done).toBe(true);
    expect(drained(stream)).toBeNull();
  });
});
