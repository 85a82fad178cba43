import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

/** Runs `ot …` in-process against buffers. */
async function ot(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stderrColor: false,
  });
  return { code, stdout, stderr };
}

const messy = '{%if x%}Hi {{x|upper}}!{%endif%}\n';
const formatted = '{% if x %}Hi {{ x | upper }}!{% endif %}\n';

describe('ot fmt', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ot-fmt-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('formats files in place and names the ones it changed', async () => {
    writeFileSync(file('a.ot'), messy);
    writeFileSync(file('b.ot'), formatted);
    const result = await ot(['fmt', file('a.ot'), file('b.ot')]);
    expect(result).toEqual({ code: 0, stdout: `${file('a.ot')}\n`, stderr: '' });
    expect(readFileSync(file('a.ot'), 'utf8')).toBe(formatted);
    expect(readFileSync(file('b.ot'), 'utf8')).toBe(formatted);
  });

  it('--check lists unformatted files, writes nothing and exits 1', async () => {
    writeFileSync(file('a.ot'), messy);
    writeFileSync(file('b.ot'), formatted);
    const result = await ot(['fmt', '--check', file('a.ot'), file('b.ot')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`${file('a.ot')}\n`);
    expect(result.stderr).toContain('1 file is not formatted');
    expect(readFileSync(file('a.ot'), 'utf8')).toBe(messy);
  });

  it('--check exits 0 when every file is formatted', async () => {
    writeFileSync(file('b.ot'), formatted);
    expect(await ot(['fmt', '--check', file('b.ot')])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it("honours the user's prettier config", async () => {
    writeFileSync(file('.prettierrc'), JSON.stringify({ singleQuote: true, tabWidth: 4 }));
    writeFileSync(file('a.ot'), '{%- if x -%}\n{{ "y" }}\n{%- endif -%}\n');
    expect((await ot(['fmt', file('a.ot')])).code).toBe(0);
    expect(readFileSync(file('a.ot'), 'utf8')).toBe("{%- if x -%}\n    {{ 'y' }}\n{%- endif -%}\n");
  });

  it('keeps the line endings of the file whatever the config says', async () => {
    writeFileSync(file('.prettierrc'), JSON.stringify({ endOfLine: 'lf' }));
    writeFileSync(file('a.ot'), 'Line one {{x}}\r\nLine two\r\n');
    expect((await ot(['fmt', file('a.ot')])).code).toBe(0);
    expect(readFileSync(file('a.ot'), 'utf8')).toBe('Line one {{ x }}\r\nLine two\r\n');
  });

  it('leaves a file that mixes line endings alone: prettier would unify them', async () => {
    const mixed = 'One {{x}}\r\nTwo\n';
    writeFileSync(file('mixed.ot'), mixed);
    const result = await ot(['fmt', file('mixed.ot')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('mixes line endings');
    expect(readFileSync(file('mixed.ot'), 'utf8')).toBe(mixed);
  });

  it('leaves a file with syntax errors byte-identical and prints the diagnostics with code frames', async () => {
    const broken = 'Hello {{ name }\n{%if x%}{{x}}{%endif%}\n';
    writeFileSync(file('bad.ot'), broken);
    writeFileSync(file('a.ot'), messy);
    const result = await ot(['fmt', file('bad.ot'), file('a.ot')]);
    expect(result.code).toBe(1);
    expect(readFileSync(file('bad.ot'), 'utf8')).toBe(broken);
    expect(result.stderr).toContain(`${file('bad.ot')}:1:`);
    expect(result.stderr).toMatch(/error OT1\d{3}/);
    expect(result.stderr).toContain('1 | Hello {{ name }');
    expect(result.stderr).toContain('has syntax errors; it was not formatted');
    // The other file is still formatted.
    expect(readFileSync(file('a.ot'), 'utf8')).toBe(formatted);
  });

  it('reports a file it cannot read', async () => {
    const result = await ot(['fmt', file('missing.ot')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`ot fmt: cannot read ${file('missing.ot')}`);
  });

  it('needs at least one file', async () => {
    expect((await ot(['fmt'])).code).toBe(2);
  });
});
