// Two backends that can answer differently never share cache entries or single flight.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDist, runOt } from './run-ot.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ot-identity-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const config = [
  'backends:',
  '  a: { provider: fake, file: a.yaml }',
  '  b: { provider: fake, file: b.yaml }',
  'default_backend: a',
  '',
].join('\n');

function parseLines(stdout: string): { row: number; backend: string; text: string }[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { row: number; backend: string; text: string })
    .sort((x, y) => x.row - y.row || x.backend.localeCompare(y.backend));
}

beforeAll(() => buildDist());

describe('backend identity through the CLI', () => {
  for (const cache of ['off', 'cache-dir']) {
    it(`two fake backends of the config answer each for itself (--cache ${cache})`, async () => {
      const dir = project({
        'ot.config.yaml': config,
        'flow.ot':
          '---\ninput:\n  country: string\n---\nCapital of {{ country }}? << generate_text() >>',
        'a.yaml': 'default: "from a"\n',
        'b.yaml': 'default: "from b"\n',
        'rows.jsonl': '{"country": "France"}\n{"country": "Chile"}\n',
      });
      const result = await runOt(
        ['run', 'flow.ot', '--inputs', 'rows.jsonl', '--backend', 'a', '--backend', 'b'].concat([
          '--cache',
          cache,
        ]),
        { cwd: dir },
      );
      // Nothing but the run summary (2 rows × 2 backends): none of b's calls answered by a's entries.
      expect(result.stderr).toMatch(
        /^ot: 4 rows: 4 ok, 0 failed · 4 calls: 4 made, 0 cached · [^\n]*\n$/,
      );
      expect(result.code).toBe(0);
      expect(parseLines(result.stdout).map((l) => [l.row, l.backend, l.text])).toEqual([
        [1, 'a', 'Capital of France? from a'],
        [1, 'b', 'Capital of France? from b'],
        [2, 'a', 'Capital of Chile? from a'],
        [2, 'b', 'Capital of Chile? from b'],
      ]);
    });
  }

  it('editing a reply in a fake file changes the answer, though the old one is cached', async () => {
    const dir = project({
      'flow.ot': 'Say hi. << generate_text() >>',
      'fake.yaml': 'default: "hello"\n',
    });
    const args = ['run', 'flow.ot', '--backend', 'fake:fake.yaml', '--cache', 'cache'];
    const first = await runOt(args, { cwd: dir });
    expect(first.stdout.trim()).toBe('Say hi. hello');
    writeFileSync(join(dir, 'fake.yaml'), 'default: "bonjour"\n');
    const second = await runOt(args, { cwd: dir });
    expect(second.stdout.trim()).toBe('Say hi. bonjour');
    // The first file's entries are still there: putting it back replays them.
    writeFileSync(join(dir, 'fake.yaml'), 'default: "hello"\n');
    const third = await runOt([...args, '--json'], { cwd: dir });
    expect(JSON.parse(third.stdout)).toMatchObject({ text: 'Say hi. hello' });
  });

  it('a match_last fake answers by the last turn, also when another flow cached the same prompt', async () => {
    const dir = project({
      // Both flows send the prompt `Q: x`; only in split.ot did a call reply `Q:` before ` x`.
      'whole.ot': 'Q: x<< generate_text() >>',
      'split.ot': "<< generate_text('start') >> x<< generate_text() >>",
      'fake.yaml': [
        'replies:',
        '  - { match_last: "/^start$/", reply: "Q:" }',
        '  - { match_last: "/^ x$/", reply: " SPLIT" }',
        '  - { match_last: "/^Q: x$/", reply: " WHOLE" }',
        '',
      ].join('\n'),
    });
    const args = ['--backend', 'fake:fake.yaml', '--cache', 'cache'];
    const whole = await runOt(['run', 'whole.ot', ...args], { cwd: dir });
    expect(whole.stdout.trim()).toBe('Q: x WHOLE');
    const split = await runOt(['run', 'split.ot', ...args], { cwd: dir });
    expect(split.stdout.trim()).toBe('Q: x SPLIT');
  });
});
