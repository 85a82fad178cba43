import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/ir/load-program.js';
import { buildDist, repoRoot, runOt } from '../cli/run-ot.js';
import { runNode } from '../codegen/helpers/spawn-node.js';

/*
 * An include or flow() that reaches its own file would render without end: a clear error naming
 * the cycle, at check time for literal paths (OT2020) and at run time for computed ones (OT4017),
 * never a stack overflow or a JavaScript stack trace.
 */
let work: string;

beforeAll(() => {
  buildDist();
  work = mkdtempSync(path.join(tmpdir(), 'ot-cycles-'));
}, 120_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function files(contents: Record<string, string>) {
  return (file: string) => contents[file];
}
const ROOT = { roots: [process.cwd()], allowDynamicPaths: false };

/** A fresh project dir holding `contents`. */
function project(contents: Record<string, string>): string {
  const dir = mkdtempSync(path.join(work, 'p-'));
  for (const [name, text] of Object.entries(contents)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** No JavaScript stack frames, no PromiseRejectCallback noise. */
function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toContain('PromiseRejectCallback');
  expect(stderr).not.toContain('Maximum call stack');
}

describe('check time (OT2020)', () => {
  it('names an include cycle at the include that closes it', () => {
    const loaded = loadProgram('a.ot', {
      readFile: files({ 'a.ot': 'A {% include "b.ot" %}', 'b.ot': 'B {% include "a.ot" %}' }),
      access: ROOT,
    });
    expect(loaded.diagnostics.map((d) => [d.file, d.code, d.message, d.span.start])).toEqual([
      ['b.ot', 'OT2020', 'include cycle: a.ot → b.ot → a.ot', 13],
    ]);
  });

  it('names a flow() calling its own file, and a cycle mixing include and flow()', () => {
    const self = loadProgram('s.ot', {
      readFile: files({ 's.ot': 'S << flow("s.ot") >>' }),
      access: ROOT,
    });
    expect(self.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'OT2020 flow() cycle: s.ot → s.ot',
    ]);
    const mixed = loadProgram('m.ot', {
      readFile: files({
        'm.ot': '{% include "lib/n.ot" %}',
        'lib/n.ot': '<< flow("o.ot") >>',
        'lib/o.ot': '{% include "n.ot" %}',
      }),
      access: ROOT,
    });
    expect(mixed.diagnostics.map((d) => `${d.file} ${d.code} ${d.message}`)).toEqual([
      'lib/o.ot OT2020 include and flow() cycle: lib/n.ot → lib/o.ot → lib/n.ot',
    ]);
  });

  it('a file included twice without a cycle is fine', () => {
    const loaded = loadProgram('a.ot', {
      readFile: files({ 'a.ot': '{% include "b.ot" %}{% include "b.ot" %}', 'b.ot': 'B' }),
      access: ROOT,
    });
    expect(loaded.diagnostics).toEqual([]);
  });
});

describe('through the CLI', () => {
  it('ot check and ot run report a flow() cycle as OT2020, exit 1, no stack trace', async () => {
    const dir = project({ 's.ot': 'S << flow("s.ot") >>\n' });
    for (const command of ['check', 'run']) {
      const result = await runOt([command, 's.ot'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('s.ot:1:11: error OT2020: flow() cycle: s.ot → s.ot');
      expectNoStackTrace(result.stderr);
    }
  });

  it('ot check and ot run report an include cycle as OT2020', async () => {
    const dir = project({
      'c1.ot': '{% include "c2.ot" %}\n',
      'c2.ot': '{% include "c1.ot" %}\n',
    });
    for (const command of ['check', 'run']) {
      const result = await runOt([command, 'c1.ot'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        'c2.ot:1:12: error OT2020: include cycle: c1.ot → c2.ot → c1.ot',
      );
      expectNoStackTrace(result.stderr);
    }
  });

  it('ot run stops a cycle through computed paths with OT4017 at the include or flow()', async () => {
    const dir = project({
      'ot.config.yaml': 'allow_dynamic_paths: true\n',
      'd.ot': '---\ninput:\n  page: string\n---\nD {% include page %}\n',
      'e.ot': 'E {% include "d.ot" %}\n',
      'f.ot': '---\ninput:\n  p: string\n---\nF << flow(p, p=p) >>\n',
    });
    const include = await runOt(['run', 'd.ot', '--input', 'page=e.ot'], { cwd: dir });
    expect(include.code).toBe(1);
    // e.ot's literal include closes the cycle that the input opened.
    expect(include.stderr).toContain('e.ot:1:3: error OT4017: include cycle: d.ot → e.ot → d.ot');
    expectNoStackTrace(include.stderr);
    const flow = await runOt(['run', 'f.ot', '--input', 'p=f.ot'], { cwd: dir });
    expect(flow.code).toBe(1);
    expect(flow.stderr).toBe(
      [
        'f.ot:5:3: error OT4017: flow() cycle: f.ot → f.ot',
        '  4 | ---',
        '  5 | F << flow(p, p=p) >>',
        '    |   ^^^^^^^^^^^^^^^^^^',
        '',
      ].join('\n'),
    );
  });

  it('a compiled module stops a computed include cycle the same way', async () => {
    const dir = project({
      'ot.config.yaml': 'allow_dynamic_paths: true\n',
      'd.ot': '---\ninput:\n  page: string\n---\nD {% include page %}\n',
    });
    // The module imports ot-lang/runtime, so it is written where node_modules resolves.
    const outDir = path.join(repoRoot, 'test', 'codegen', '.generated', `cycles-${process.pid}`);
    mkdirSync(outDir, { recursive: true });
    try {
      const out = path.join(outDir, 'd.mjs');
      const compiled = await runOt(['compile', 'd.ot', '-o', out], { cwd: dir });
      expect(compiled.code).toBe(0);
      // Only files compiled into the module can be included: here the entry itself.
      const result = await runNode(out, ['--input', 'page=d.ot'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('d.ot:5:3: error OT4017: include cycle: d.ot → d.ot');
      expectNoStackTrace(result.stderr);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
