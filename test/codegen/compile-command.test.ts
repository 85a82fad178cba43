import { builtinModules } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { otBin, repoRoot, runNode } from './helpers/spawn-node.js';

/*
 * End to end, through the built package (the test setup builds dist/): `ot compile` writes a
 * module; `node OUT.mjs [flags]` must behave as `ot run FILE [flags]` — same stdout, stderr and
 * exit code — and a `--bundle`d module must run where there is no node_modules at all.
 */

const outDir = join(repoRoot, 'test', 'codegen', '.generated', `e2e-${process.pid}`);
mkdirSync(outDir, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'ot-compile-'));
afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

async function compile(flow: string, name: string, extra: string[] = []): Promise<string> {
  const out = join(extra.includes('--bundle') ? scratch : outDir, `${name}.mjs`);
  const result = await runNode(otBin, ['compile', flow, '-o', out, ...extra]);
  expect(result.stderr).toContain('ot: wrote');
  expect(result.code).toBe(0);
  return out;
}

const chain = 'test/fixtures/runtime/chain/flow.ot';

describe('node OUT.mjs behaves as ot run', () => {
  const runs: [string, string, string[]][] = [
    [
      'plain text',
      chain,
      ['--input', 'country=France', '--backend', 'fake:fake.yaml', '--cache', 'off'],
    ],
    [
      '--json',
      chain,
      ['--input', 'country=France', '--backend', 'fake:fake.yaml', '--cache', 'off', '--json'],
    ],
    [
      'a missing input (exit 1, diagnostics with a code frame)',
      chain,
      ['--backend', 'fake:fake.yaml', '--cache', 'off'],
    ],
    ['bad usage (exit 2)', chain, ['--input', 'country', '--backend', 'fake:fake.yaml']],
    [
      '--dry-run',
      'test/fixtures/runtime/fork/flow.ot',
      ['--backend', 'fake:fake.yaml', '--cache', 'off', '--dry-run'],
    ],
    [
      'the output value of the front matter',
      'test/fixtures/runtime/defaults-output/flow.ot',
      ['--backend', 'fake:fake.yaml', '--cache', 'off'],
    ],
    [
      'flow() and include',
      'test/fixtures/runtime/flow-include/flow.ot',
      ['--backend', 'fake:fake.yaml', '--cache', 'off', '--json'],
    ],
    [
      'a failing call',
      'test/fixtures/runtime/chain/flow.ot',
      ['--input', 'country=Peru', '--backend', 'fake:fake.yaml', '--cache', 'off'],
    ],
  ];
  it.each(runs)('%s', async (_name, flow, flags) => {
    const module = await compile(flow, `run-${runs.findIndex((r) => r[0] === _name)}`);
    const compiled = await runNode(module, flags);
    const interpreted = await runNode(otBin, ['run', flow, ...flags]);
    // Only the usage hint differs: a compiled module is not the `ot` command.
    const hint = /\(run (with --help|`ot --help`) for usage\)\n/g;
    expect({ ...compiled, stderr: compiled.stderr.replace(hint, '') }).toEqual({
      ...interpreted,
      stderr: interpreted.stderr.replace(hint, ''),
    });
  });

  it('--inputs rows and --trace give the same lines', async () => {
    const module = await compile('test/fixtures/runtime/chain/flow.ot', 'rows');
    const rows = join(scratch, 'rows.jsonl');
    writeFileSync(rows, '{"country": "France"}\n{"country": "Peru"}\nnot json\n');
    const traced = async (script: string, args: string[], trace: string) => {
      const result = await runNode(script, [
        ...args,
        '--inputs',
        rows,
        '--backend',
        'fake:fake.yaml',
        '--cache',
        'off',
        '--trace',
        trace,
      ]);
      const lines = readFileSync(trace, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .map(({ start_ms: _s, end_ms: _e, ...rest }) => rest)
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      // The closing summary's wall time is the one thing that may differ.
      const stderr = result.stderr.replace(/ · \d+\.\ds\n$/, ' · (time)\n');
      return { ...result, stderr, lines };
    };
    const compiled = await traced(module, [], join(scratch, 'compiled.jsonl'));
    const interpreted = await traced(
      otBin,
      ['run', 'test/fixtures/runtime/chain/flow.ot'],
      join(scratch, 'interpreted.jsonl'),
    );
    expect(compiled.code).toBe(1);
    expect(compiled).toEqual(interpreted);
  });
});

describe('ot compile --bundle', () => {
  it('runs from a directory without node_modules, importing only Node modules', async () => {
    const module = await compile(chain, 'bundled', ['--bundle']);
    const fake = resolve(repoRoot, 'test/fixtures/runtime/chain/fake.yaml');
    const result = await runNode(
      module,
      ['--input', 'country=France', '--backend', `fake:${fake}`, '--cache', 'off', '--json'],
      { cwd: scratch },
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      text: 'What is the southernmost city in France?  Menton\nWho is the mayor of Menton?  Yves Juhel\n',
      outputs: { city: ' Menton', mayor: ' Yves Juhel' },
    });
    const code = readFileSync(module, 'utf8');
    // Static imports, minified (`import{a as b}from"node:fs"`) or not.
    const imported = [
      ...code.matchAll(
        /\bimport\s*(?:[\w$]+\s+|\{[^}]*\}\s*|\*\s*as\s+[\w$]+\s+)from\s*"([^"]+)"/g,
      ),
    ].map((m) => m[1]!);
    expect(imported.length).toBeGreaterThan(0);
    expect(
      imported.filter((name) => !name.startsWith('node:') && !builtinModules.includes(name)),
    ).toEqual([]);
  });

  it('validates schemas without node_modules (ajv is bundled, not required at run time)', async () => {
    const module = await compile('test/fixtures/runtime/object-select/flow.ot', 'schemas', [
      '--bundle',
    ]);
    const good = resolve(repoRoot, 'test/fixtures/runtime/object-select/fake.yaml');
    const ok = await runNode(module, ['--backend', `fake:${good}`, '--cache', 'off', '--json'], {
      cwd: scratch,
    });
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout)).toMatchObject({ outputs: { person: { name: 'Ada', age: 36 } } });
    // A reply that breaks the schema fails the way `ot run` says it, through the bundled ajv.
    const bad = join(scratch, 'bad-schema.fake.yaml');
    writeFileSync(bad, readFileSync(good, 'utf8').replace('"age": 36', '"age": "old"'));
    const failed = await runNode(module, ['--backend', `fake:${bad}`, '--cache', 'off'], {
      cwd: scratch,
    });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/age must be integer/);
    expect(failed.stderr).not.toMatch(/Cannot find (module|package)/);
  });

  it('is minified unless --no-minify, and stays under the size the README gives (2.1 MB)', async () => {
    const minified = readFileSync(await compile(chain, 'minified', ['--bundle']), 'utf8');
    const readable = readFileSync(
      await compile(chain, 'readable', ['--bundle', '--no-minify']),
      'utf8',
    );
    expect(minified.length).toBeLessThan(2.1 * 1024 * 1024);
    expect(readable.length).toBeGreaterThan(1.5 * minified.length);
    expect(readable.split('\n').length).toBeGreaterThan(10 * minified.split('\n').length);
  });
});

describe('a module written elsewhere with -o', () => {
  it('finds the fake file of its front matter next to the flow, from any working directory', async () => {
    const flowDir = join(scratch, 'flow-dir');
    mkdirSync(flowDir, { recursive: true });
    writeFileSync(
      join(flowDir, 'one.ot'),
      "---\nbackend: fake:one.fake.yaml\n---\nHello << generate_text(prompt='hi') >>\n",
    );
    writeFileSync(join(flowDir, 'one.fake.yaml'), 'replies:\n  - match: hi\n    reply: world\n');
    // Inside the repository, so that `ot-lang/runtime` resolves (the package's own name).
    const out = join(outDir, 'elsewhere', 'one.mjs');
    mkdirSync(join(outDir, 'elsewhere'), { recursive: true });
    const compiled = await runNode(otBin, ['compile', 'one.ot', '-o', out], { cwd: flowDir });
    expect(compiled.code).toBe(0);
    for (const cwd of [flowDir, scratch, outDir]) {
      const result = await runNode(out, ['--cache', 'off'], { cwd });
      expect({ cwd, ...result }).toEqual({ cwd, code: 0, stdout: 'Hello world\n', stderr: '' });
    }
  });

  it('says what to do when ot-lang is not installed where it runs', async () => {
    const out = join(scratch, 'no-runtime.mjs');
    const compiled = await runNode(otBin, ['compile', chain, '-o', out]);
    expect(compiled.code).toBe(0);
    const result = await runNode(out, ['--input', 'country=France'], { cwd: scratch });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'ot: this module was compiled by `ot compile` without --bundle, so it needs the ot-lang package: install it where the module runs (npm install ot-lang), or compile with `ot compile --bundle` for a module that needs nothing but Node\n',
    });
    // Imported as a library, the same message is the error.
    const script = join(scratch, 'import-no-runtime.mjs');
    writeFileSync(
      script,
      `await import(${JSON.stringify(out)}).catch((error) => console.log(error.message));`,
    );
    const imported = await runNode(script, [], { cwd: scratch });
    expect(imported.stdout).toMatch(/^this module was compiled by `ot compile` without --bundle/);
  });
});

describe('the compiled module as a library', () => {
  it('exports run(inputs, options) and plan', async () => {
    const module = await compile(chain, 'library');
    const script = join(outDir, 'use-library.mjs');
    writeFileSync(
      script,
      [
        `import { run, plan } from ${JSON.stringify(module)};`,
        'const events = [];',
        "const result = await run({ country: 'France' }, { backend: 'fake:fake.yaml', cache: 'off', trace: (event) => events.push(event.location) });",
        'console.log(JSON.stringify({ text: result.text, outputs: result.outputs, stages: plan.stages, events: events.sort() }));',
      ].join('\n'),
    );
    const result = await runNode(script, []);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      text: 'What is the southernmost city in France?  Menton\nWho is the mayor of Menton?  Yves Juhel\n',
      outputs: { city: ' Menton', mayor: ' Yves Juhel' },
      stages: [
        { stage: 1, calls: ['c1'] },
        { stage: 2, calls: ['c2'] },
      ],
      events: [
        'test/fixtures/runtime/chain/flow.ot:6:49',
        'test/fixtures/runtime/chain/flow.ot:7:40',
      ],
    });
  });
});
