import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDist, repoRoot, runOt } from './run-ot.js';

const diagnosticsDir = path.join(repoRoot, 'test/fixtures/diagnostics');
let work: string;

beforeAll(() => {
  buildDist();
  work = mkdtempSync(path.join(tmpdir(), 'ot-check-'));
}, 120_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const file = path.join(work, name);
  writeFileSync(file, text);
  return file;
}

describe('ot check', () => {
  it('passes a clean file with exit code 0 and a summary', async () => {
    const result = await runOt(['check', 'input.ot'], {
      cwd: path.join(diagnosticsDir, 'clean-file'),
    });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '0 errors, 0 warnings\n' });
  });

  it('prints every error of a broken file with code, location and frame, and exits 1', async () => {
    const cwd = path.join(diagnosticsDir, 'broken-file');
    const result = await runOt(['check', 'input.ot'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    // Exactly what the golden fixture holds: the CLI adds nothing and loses nothing.
    expect(result.stderr).toBe(readFileSync(path.join(cwd, 'expected.txt'), 'utf8'));
    for (const code of ['OT2004', 'OT2007', 'OT2006', 'OT2001', 'OT2002', 'OT2008', 'OT2010']) {
      expect(result.stderr).toMatch(new RegExp(`^input\\.ot:\\d+:\\d+: error ${code}: `, 'm'));
    }
    expect(result.stderr).toMatch(/^\s+\d+ \| .+\n\s+\| +\^+$/m);
    expect(result.stderr).toMatch(/^\d+ errors, \d+ warnings?\n$/m);
    // Not a terminal: no colour codes.
    expect(result.stderr).not.toContain('\u001b[');
  });

  it('exits 0 when there are only warnings', async () => {
    const file = write('warn.ot', 'Hello {{ nobody }}\n');
    const result = await runOt(['check', file]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${file}:1:10: warning OT2003: undefined variable \`nobody\``);
    expect(result.stderr.endsWith('\n0 errors, 1 warning\n')).toBe(true);
  });

  it('checks several files and their includes, reporting a shared include once', async () => {
    write('shared.ot', '{{ "x" | nope }}\n');
    write('a.ot', '{% include "shared.ot" %}\n');
    write('b.ot', '{% include "shared.ot" %}{{ 1 is nada }}\n');
    const result = await runOt(['check', 'a.ot', 'b.ot'], { cwd: work });
    expect(result.code).toBe(1);
    expect(result.stderr.match(/OT2006/g)).toHaveLength(1);
    expect(result.stderr).toContain('shared.ot:1:10: error OT2006: unknown filter `nope`');
    expect(result.stderr).toContain('b.ot:1:34: error OT2010: unknown test `nada`');
    expect(result.stderr.endsWith('2 errors, 0 warnings\n')).toBe(true);
  });

  it('reports a file that does not exist as an error, not a crash', async () => {
    const result = await runOt(['check', 'does-not-exist.ot'], { cwd: work });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'does-not-exist.ot: error OT2014: cannot read file `does-not-exist.ot`: no such file, or it is not readable\n\n1 error, 0 warnings\n',
    );
  });

  it('exits 2 with a short usage message when no file is given', async () => {
    const result = await runOt(['check']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: missing required argument 'files'");
    expect(result.stderr).toContain('ot --help');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on an unknown option or command', async () => {
    const option = await runOt(['check', '--frobnicate', 'x.ot']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("error: unknown option '--frobnicate'");
    const command = await runOt(['chekc', 'x.ot']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("error: unknown command 'chekc'");
    const nothing = await runOt([]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('Usage: ot');
  });

  it('prints help and the version with exit code 0', async () => {
    const help = await runOt(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('check');
    const version = await runOt(['--version']);
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});
