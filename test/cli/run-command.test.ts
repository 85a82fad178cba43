import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDist, runOt } from './run-ot.js';
import { chain, fake } from './chain-flow.js';

const bin = fileURLToPath(new URL('../../bin/ot.js', import.meta.url));

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ot-run-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

beforeAll(() => buildDist());

describe('ot run', () => {
  it('prints the text; --json prints text and outputs', async () => {
    const dir = project({ 'flow.ot': chain, 'fake.yaml': fake });
    const plain = await runOt(
      [
        'run',
        'flow.ot',
        '--input',
        'country=France',
        '--backend',
        'fake:fake.yaml',
        '--cache',
        'off',
      ],
      { cwd: dir },
    );
    expect(plain).toMatchObject({ code: 0, stderr: '' });
    expect(plain.stdout).toBe(
      'Southernmost city in France?  Menton\nMayor of Menton?  Yves Juhel\n',
    );
    const json = await runOt(
      [
        'run',
        'flow.ot',
        '--input-json',
        'country="France"',
        '--backend',
        'fake:fake.yaml',
        '--json',
        '--cache',
        'off',
      ],
      { cwd: dir },
    );
    expect(JSON.parse(json.stdout)).toEqual({
      text: 'Southernmost city in France?  Menton\nMayor of Menton?  Yves Juhel\n',
      outputs: { city: ' Menton', mayor: ' Yves Juhel' },
    });
  });

  it('writes the trace in the documented format, and replays from the cache', async () => {
    const dir = project({ 'flow.ot': chain, 'fake.yaml': fake });
    const args = [
      'run',
      'flow.ot',
      '--input',
      'country=France',
      '--backend',
      'fake:fake.yaml',
      '--cache',
      'cache',
      '--trace',
      'trace.jsonl',
    ];
    expect((await runOt(args, { cwd: dir })).code).toBe(0);
    const first = readFileSync(join(dir, 'trace.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toHaveLength(2);
    expect(Object.keys(first[0]!).sort()).toEqual(
      [
        'args',
        'backend',
        'builtin',
        'cached',
        'end_ms',
        'location',
        'messages',
        'prompt',
        'result',
        'sample',
        'start_ms',
        // The fake backend's counted tokens; no cost_usd without a price in the config.
        'usage',
      ].sort(),
    );
    expect(first[0]).toMatchObject({
      builtin: 'generate_text',
      prompt: 'Southernmost city in France? ',
      cached: false,
      sample: '',
      location: 'flow.ot:5:37',
    });
    expect((await runOt(args, { cwd: dir })).code).toBe(0);
    const second = readFileSync(join(dir, 'trace.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { cached: boolean });
    expect(second.map((e) => e.cached)).toEqual([true, true]);
  });

  it('--dry-run prints each prompt and its cache status without calling the backend', async () => {
    const dir = project({ 'flow.ot': chain, 'fake.yaml': fake });
    const result = await runOt(
      [
        'run',
        'flow.ot',
        '--input',
        'country=France',
        '--backend',
        'fake:fake.yaml',
        '--dry-run',
        '--cache',
        'off',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '── flow.ot:5:37 generate_text on fake:fake.yaml [not cached: would call the backend]\nSouthernmost city in France? \n',
    );
    expect(result.stdout).toContain('Mayor of <generate_text flow.ot:5:37>?');
    expect(result.stdout).toContain('2 calls: 0 cached, 2 would call the backend');
  });

  it('--inputs runs one row per line, reports a failing row and completes the others', async () => {
    const dir = project({
      'flow.ot': chain,
      'fake.yaml': fake,
      'rows.jsonl':
        '{"country": "France"}\n{"country": "Nowhere"}\n\nnot json\n{"country": "France"}\n',
    });
    const result = await runOt(
      ['run', 'flow.ot', '--inputs', 'rows.jsonl', '--backend', 'fake:fake.yaml', '--cache', 'off'],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l.row)).toEqual([1, 2, 4, 5]);
    expect(lines[0]).toMatchObject({ outputs: { mayor: ' Yves Juhel' } });
    expect(String(lines[1]!.error)).toContain('no such country');
    expect(String(lines[2]!.error)).toContain('invalid JSON');
    expect(lines[3]).toMatchObject({ outputs: { city: ' Menton' } });
    expect(result.stderr).toContain(
      'flow.ot:5:37: error OT4004: generate_text on backend `fake:fake.yaml` failed: no such country',
    );
  });

  it('--backend twice compares backends as JSON lines off a terminal', async () => {
    const dir = project({
      'flow.ot': 'Say hi. << generate_text() >>',
      'a.yaml': 'model: a\ndefault: "hello"\n',
      'b.yaml': 'model: b\ndefault: "bonjour"\n',
    });
    const result = await runOt(
      ['run', 'flow.ot', '--backend', 'fake:a.yaml', '--backend', 'fake:b.yaml', '--cache', 'off'],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { backend: string; text: string });
    expect(lines.map((l) => [l.backend, l.text])).toEqual([
      ['fake:a.yaml', 'Say hi. hello'],
      ['fake:b.yaml', 'Say hi. bonjour'],
    ]);
  });

  it('reports missing inputs before any call, and template errors with a code frame', async () => {
    const dir = project({
      'flow.ot': chain,
      'fake.yaml': fake,
      'broken.ot': 'Hello {{ name | nosuchfilter }} << generate_text( >>\n',
    });
    const missing = await runOt(
      ['run', 'flow.ot', '--backend', 'fake:fake.yaml', '--trace', 't.jsonl', '--cache', 'off'],
      { cwd: dir },
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('error OT4002: missing required input `country`');
    expect(readFileSync(join(dir, 't.jsonl'), 'utf8')).toBe('');
    const broken = await runOt(['run', 'broken.ot', '--cache', 'off'], { cwd: dir });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.ot:1:\d+: error OT1\d{3}/);
    expect(broken.stderr).toContain(' | Hello {{ name | nosuchfilter }}');
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on bad usage', async () => {
    const result = await runOt(['run', 'flow.ot', '--input', 'novalue']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--input expects NAME=VALUE');
  });

  it('stops promptly on Ctrl-C with exit 130, leaving a readable cache', async () => {
    const dir = project({
      'flow.ot':
        '{% for i in range(6) %}<< generate_text("slow " ~ i) >>{% endfor %}<< generate_text("fast") >>',
      'slow.yaml':
        'replies:\n  - match: "fast"\n    reply: "quick"\ndefault: "done"\nlatency_ms: 20000\n',
      'quick.yaml': 'default: "done"\n',
    });
    const child = spawn(
      process.execPath,
      [bin, 'run', 'flow.ot', '--backend', 'fake:slow.yaml', '--cache', 'cache'],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Whether the signal lands while the flow loads or while its calls wait, the exit is 130.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const sent = Date.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(Date.now() - sent).toBeLessThan(5000);
    expect(stderr).not.toContain('warning');
    // Only the quick call can have finished (and been cached) before the signal.
    const entries = existsSync(join(dir, 'cache'))
      ? readdirSync(join(dir, 'cache'), { recursive: true }).filter((name) =>
          String(name).endsWith('.json'),
        )
      : [];
    expect(entries.length).toBeLessThanOrEqual(1);
    // The cache is intact: a run over it works and warns about nothing.
    const again = await runOt(
      ['run', 'flow.ot', '--backend', 'fake:quick.yaml', '--cache', 'cache'],
      { cwd: dir },
    );
    expect(again).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('the samples run offline with no flag', () => {
  const samples = readdirSync(fileURLToPath(new URL('../../samples/', import.meta.url))).filter(
    (name) => name.endsWith('.ot'),
  );
  it.each(samples)('%s', async (name) => {
    const result = await runOt(['run', `samples/${name}`, '--cache', 'off']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(0);
  });
});
