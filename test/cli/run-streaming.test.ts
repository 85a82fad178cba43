// `ot run --inputs` streams: results are written while later rows still run, and a long file
// runs to the end (the ordered window keeps memory bounded; no timings are asserted).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDist, runOt } from './run-ot.js';

const bin = fileURLToPath(new URL('../../bin/ot.js', import.meta.url));

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ot-streaming-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

beforeAll(() => buildDist());

describe('ot run --inputs streams its results', () => {
  it('writes the first result while the last row is still running', async () => {
    const dir = project({
      'flow.ot': [
        '---',
        'input:',
        '  n: integer',
        '---',
        '{% if n > 0 %}<< generate_text("slow " ~ n) >>{% else %}quick{% endif %}',
        '',
      ].join('\n'),
      // Only the last row makes a call, and that call takes a minute.
      'slow.yaml': 'default: "done"\nlatency_ms: 60000\n',
      'rows.jsonl': '{"n": 0}\n{"n": 0}\n{"n": 0}\n{"n": 1}\n',
    });
    const child = spawn(
      process.execPath,
      [
        bin,
        'run',
        'flow.ot',
        '--inputs',
        'rows.jsonl',
        '--backend',
        'fake:slow.yaml',
        '--cache',
        'off',
      ],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    let exited = false;
    void closed.then(() => (exited = true));
    let stdout = '';
    const firstLines = await new Promise<string>((resolve) =>
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.split('\n').length > 3) resolve(stdout);
      }),
    );
    expect(exited).toBe(false);
    expect(
      firstLines
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { row: number }).row),
    ).toEqual([1, 2, 3]);
    child.kill('SIGKILL');
    await closed;
  });

  it('runs 20,000 rows to the end, in input order', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ n: i })).join('\n');
    const dir = project({
      'flow.ot': [
        '---',
        'input:',
        '  n: integer',
        '---',
        'A {{ n }}: << a = generate_text() >> B {{ n }}: << b = generate_text() >>',
        'Both: << generate_text(a ~ b) >>',
        '',
      ].join('\n'),
      'fake.yaml': 'default: "ok"\n',
      'rows.jsonl': `${rows}\n`,
    });
    const result = await runOt(
      ['run', 'flow.ot', '--inputs', 'rows.jsonl', '--backend', 'fake:fake.yaml', '--cache', 'off'],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(20_000);
    lines.forEach((line, i) => {
      if ((JSON.parse(line) as { row: number }).row !== i + 1)
        throw new Error(`line ${i}: ${line}`);
    });
    expect(result.stderr).toContain('ot: 20000 rows: 20000 ok, 0 failed · 60000 calls');
  }, 300_000);
});
