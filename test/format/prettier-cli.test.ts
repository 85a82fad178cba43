import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSource } from '../../src/format/format-source.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const prettierBin = join(repoRoot, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
const pluginPath = './dist/format/index.js';

/** Runs the real prettier CLI from the repository root. */
function prettier(
  args: string[],
  cwd = repoRoot,
  input?: string,
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [prettierBin, ...args], {
    cwd,
    encoding: 'utf8',
    input,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const messy =
  '---\ninput:   {x: string}\n---\n{%-if x-%}\n{{x|upper}} << y=generate_text(max_tokens=5) >>\n{%-endif-%}\n';

describe('the real prettier CLI with the built plugin', () => {
  let dir: string;

  beforeAll(() => {
    // test/global-setup.ts builds dist/ once before the suites run.
    if (!existsSync(join(repoRoot, 'dist', 'format', 'index.js'))) {
      throw new Error('dist/format/index.js is missing: run `npm run build`');
    }
    dir = mkdtempSync(join(tmpdir(), 'ot-prettier-'));
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('--check passes on the samples', () => {
    const samples = readdirSync(join(repoRoot, 'samples'))
      .filter((name) => name.endsWith('.ot'))
      .map((name) => join('samples', name));
    const result = prettier(['--plugin', pluginPath, '--check', ...samples]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('--check reports an unformatted file and --write formats it as the API does', async () => {
    const file = join(dir, 'messy.ot');
    writeFileSync(file, messy);
    const check = prettier(['--plugin', pluginPath, '--check', file]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('messy.ot');
    const write = prettier(['--plugin', pluginPath, '--write', file]);
    expect(write.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(await formatSource(messy));
    expect(prettier(['--plugin', pluginPath, '--check', file]).code).toBe(0);
  });

  it('finds the plugin by its package name and by a .prettierrc', async () => {
    // The package's own name resolves from inside the package (Node's self-reference).
    const byName = prettier(
      ['--plugin', 'ot-lang/prettier', '--stdin-filepath', 'x.ot'],
      repoRoot,
      '{{x}}',
    );
    expect(byName).toEqual({ code: 0, stdout: '{{ x }}', stderr: '' });
    writeFileSync(
      join(dir, '.prettierrc'),
      JSON.stringify({ plugins: [join(repoRoot, 'dist', 'format', 'index.js')] }),
    );
    const file = join(dir, 'configured.ot');
    writeFileSync(file, messy);
    const write = prettier(['--write', 'configured.ot'], dir);
    expect(write.stderr).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(await formatSource(messy));
  });

  it('formats only a range with --range-start/--range-end', () => {
    const file = join(dir, 'range.ot');
    const source = 'A {{x|upper}} B {{x|lower}}\n';
    writeFileSync(file, source);
    const start = source.indexOf('{{x|lower}}');
    const result = prettier([
      '--plugin',
      pluginPath,
      `--range-start=${start}`,
      `--range-end=${start + 5}`,
      file,
    ]);
    expect(result.stdout).toBe('A {{x|upper}} B {{ x | lower }}\n');
  });

  it('prints a syntax error with its code frame and leaves the file alone', () => {
    const file = join(dir, 'broken.ot');
    const broken = 'Hello {{ name }\n';
    writeFileSync(file, broken);
    const result = prettier(['--plugin', pluginPath, '--write', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/broken\.ot: SyntaxError: OT1\d{3}: .*\(1:\d+\)/);
    expect(result.stderr).toContain('> 1 | Hello {{ name }');
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });
});
