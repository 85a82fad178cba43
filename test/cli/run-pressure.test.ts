// `ot run` under pressure: no silent wrong answers (mistyped inputs, formats), bad paths and
// values refused before any call, Ctrl-C over --inputs, failed rows traceable, the summary.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDist, runOt } from './run-ot.js';
import { chain, fake } from './chain-flow.js';

const bin = fileURLToPath(new URL('../../bin/ot.js', import.meta.url));

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ot-pressure-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const typed = [
  '---',
  'input:',
  '  n: integer',
  '  x: number',
  '  ok: boolean',
  '  tags: list',
  '  opts: object',
  '  name: { type: string, default: "Ann" }',
  '---',
  '{{ n + 1 }} {{ x * 2 }} {{ "yes" if ok else "no" }} {{ tags | length }} {{ opts.k }} {{ name }}',
  '',
].join('\n');

beforeAll(() => buildDist());

describe('inputs the template does not declare', () => {
  it('a mistyped --input is an error before any call, with a suggestion', async () => {
    const result = await runOt([
      'run',
      'samples/qa-chain.ot',
      '--input',
      'contry=Spain',
      '--cache',
      'off',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'error OT4021: `contry` is not an input of `samples/qa-chain.ot`; did you mean `country`?',
    );
  });

  it('an --inputs row with an undeclared field fails that row only', async () => {
    const dir = project({
      'flow.ot': chain,
      'fake.yaml': fake,
      'rows.jsonl': '{"country": "France"}\n{"country": "France", "contry": "Spain"}\n',
    });
    const result = await runOt(
      ['run', 'flow.ot', '--inputs', 'rows.jsonl', '--backend', 'fake:fake.yaml', '--cache', 'off'],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    const lines = jsonLines(result.stdout);
    expect(lines[0]).toMatchObject({ row: 1, outputs: { mayor: ' Yves Juhel' } });
    expect(String(lines[1]!.error)).toContain('OT4021: `contry` is not an input');
    expect(result.stderr).toContain('did you mean `country`?');
  });
});

describe('--input values take the declared type', () => {
  it('coerces number, integer, boolean, list and object; strings stay text', async () => {
    const dir = project({ 'flow.ot': typed });
    const result = await runOt(
      [
        'run',
        'flow.ot',
        '--input',
        'n=2',
        '--input',
        'x=1.5',
        '--input',
        'ok=false',
        '--input',
        'tags=["a","b"]',
        '--input',
        'opts={"k":"v"}',
        '--input',
        'name=007',
        '--cache',
        'off',
      ],
      { cwd: dir },
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe('3 3 no 2 v 007\n');
  });

  it('refuses a value that does not parse as its type (exit 2, naming the input)', async () => {
    const dir = project({ 'flow.ot': typed });
    const base = ['run', 'flow.ot', '--input', 'x=1', '--input', 'ok=true', '--cache', 'off'];
    const more = ['--input', 'tags=[]', '--input', 'opts={}'];
    const badInteger = await runOt([...base, ...more, '--input', 'n=2.5'], { cwd: dir });
    expect(badInteger.code).toBe(2);
    expect(badInteger.stderr).toContain('--input n: expected an integer, got "2.5"');
    const badList = await runOt([...base, '--input', 'n=1', '--input', 'tags=a,b'], {
      cwd: dir,
    });
    expect(badList.code).toBe(2);
    expect(badList.stderr).toContain('--input tags: expected a list (JSON), got "a,b"');
  });
});

describe('output paths', () => {
  it('--trace where no file can be written is exit 2 before any call, without a stack', async () => {
    const dir = project({ 'flow.ot': chain, 'fake.yaml': fake });
    mkdirSync(join(dir, 'adir'));
    for (const trace of ['missing/dir/t.jsonl', 'adir']) {
      const result = await runOt(
        [
          'run',
          'flow.ot',
          '--input',
          'country=France',
          '--backend',
          'fake:fake.yaml',
          '--trace',
          trace,
          '--cache',
          'off',
        ],
        { cwd: dir },
      );
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`ot: --trace ${trace}: cannot write there`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('compile -o where no file can be written is exit 2', async () => {
    const dir = project({ 'flow.ot': 'Hi' });
    const result = await runOt(['compile', 'flow.ot', '-o', 'missing/flow.mjs'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'ot: -o missing/flow.mjs: cannot write there: no such directory',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('--inputs: failed rows, the summary, dry runs', () => {
  const rows = '{"country": "France"}\n{"country": "Nowhere"}\n{"country": "France"}\n';

  it('names the failed row on stderr, traces the failed call, and ends with a summary', async () => {
    const dir = project({ 'flow.ot': chain, 'fake.yaml': fake, 'rows.jsonl': rows });
    const result = await runOt(
      [
        'run',
        'flow.ot',
        '--inputs',
        'rows.jsonl',
        '--backend',
        'fake:fake.yaml',
        '--cache',
        'off',
        '--trace',
        't.jsonl',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'row 2: flow.ot:5:37: error OT4004: generate_text on backend `fake:fake.yaml` failed: no such country',
    );
    // Rows 1 and 3 ask the same two calls: two are made, two joined; row 2's one call fails.
    expect(result.stderr).toMatch(
      /\not: 3 rows: 2 ok, 1 failed · 5 calls: 3 made, 2 cached · tokens: \d+ in, \d+ out \(cached: \d+ in, \d+ out\); 1 call without usage · \d+\.\ds\n$/,
    );
    const failed = jsonLines(readFileSync(join(dir, 't.jsonl'), 'utf8')).filter(
      (event) => 'error' in event,
    );
    expect(failed).toEqual([
      expect.objectContaining({
        prompt: 'Southernmost city in Nowhere? ',
        result: null,
        error: 'no such country',
        location: 'flow.ot:5:37',
      }),
    ]);
  });

  it('--dry-run prints one block per row; with --json, one JSON line per row', async () => {
    const dir = project({ 'flow.ot': chain, 'fake.yaml': fake, 'rows.jsonl': rows });
    const args = [
      'run',
      'flow.ot',
      '--inputs',
      'rows.jsonl',
      '--backend',
      'fake:fake.yaml',
      '--cache',
      'off',
      '--dry-run',
    ];
    const text = await runOt(args, { cwd: dir });
    expect(text.code).toBe(0);
    const blocks = text.stdout.split(/^══ /m).filter((block) => block !== '');
    expect(blocks.map((block) => block.split('\n')[0])).toEqual(['row 1', 'row 2', 'row 3']);
    expect(blocks[1]).toContain('Southernmost city in Nowhere? \n');
    expect(blocks[1]).toMatch(/── 2 calls: 0 cached, 2 would call the backend\n$/);
    expect(text.stderr).toMatch(/ot: 3 rows: 3 ok, 0 failed · 6 calls: \d to make, \d cached/);

    const json = await runOt([...args, '--json'], { cwd: dir });
    expect(json.code).toBe(0);
    const lines = jsonLines(json.stdout) as { row: number; calls: { prompt: string }[] }[];
    expect(lines.map((line) => line.row)).toEqual([1, 2, 3]);
    expect(lines[1]!.calls[0]!.prompt).toBe('Southernmost city in Nowhere? ');
    const single = await runOt(
      [
        'run',
        'flow.ot',
        '--input',
        'country=France',
        '--backend',
        'fake:fake.yaml',
        '--cache',
        'off',
        '--dry-run',
        '--json',
      ],
      { cwd: dir },
    );
    const parsed = JSON.parse(single.stdout) as { calls: { location: string; cached: boolean }[] };
    expect(parsed.calls.map((call) => [call.location, call.cached])).toEqual([
      ['flow.ot:5:37', false],
      ['flow.ot:6:29', false],
    ]);
  });
});

describe('Ctrl-C over --inputs', () => {
  it('exits 130, says cancelled once, writes only the rows that finished, keeps the cache', async () => {
    const flow = [
      '---',
      'input:',
      '  n: integer',
      '---',
      '{% if n > 0 %}<< generate_text("slow " ~ n) >>{% else %}none{% endif %}',
      '',
    ].join('\n');
    const dir = project({
      'flow.ot': flow,
      'slow.yaml': 'default: "done"\nlatency_ms: 20000\n',
      'rows.jsonl': '{"n": 0}\n{"n": 1}\n{"n": 2}\n{"n": 0}\n',
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
        'cache',
      ],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Row 1 makes no call: once it is written, rows 2 and 3 are waiting on the slow backend.
    await new Promise<void>((resolve) =>
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('\n')) resolve();
      }),
    );
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stderr.match(/cancelled/g)).toEqual(['cancelled']);
    expect(stderr).not.toContain('error');
    const lines = jsonLines(stdout);
    expect(lines.map((line) => line.row)).toEqual([1, 4]);
    expect(lines.every((line) => !('error' in line))).toBe(true);
    // The cache is intact: a run over it (the backend now quick) works and warns about nothing.
    writeFileSync(join(dir, 'slow.yaml'), 'default: "done"\n');
    const again = await runOt(
      [
        'run',
        'flow.ot',
        '--inputs',
        'rows.jsonl',
        '--backend',
        'fake:slow.yaml',
        '--cache',
        'cache',
      ],
      { cwd: dir },
    );
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('warning');
    expect(jsonLines(again.stdout).map((line) => line.row)).toEqual([1, 2, 3, 4]);
  });
});

describe('schema formats', () => {
  it('format: email validates, without warnings', async () => {
    const dir = project({
      'flow.ot': '---\ninput:\n  mail: { type: string, format: email }\n---\nTo {{ mail }}\n',
    });
    const good = await runOt(['run', 'flow.ot', '--input', 'mail=a@b.co', '--cache', 'off'], {
      cwd: dir,
    });
    expect(good).toMatchObject({ code: 0, stdout: 'To a@b.co\n', stderr: '' });
    const bad = await runOt(['run', 'flow.ot', '--input', 'mail=nope', '--cache', 'off'], {
      cwd: dir,
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'error OT4003: input `mail` is invalid: must match format "email"',
    );
    expect(bad.stderr).not.toContain('unknown format');
  });
});
