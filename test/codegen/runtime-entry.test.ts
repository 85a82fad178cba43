import { build } from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { runCompiledCommand } from '../../src/cli/run/compiled-command.js';
import type { CliIO } from '../../src/cli/io.js';
import { loadProgram } from '../../src/ir/load-program.js';
import { repoRoot } from './helpers/spawn-node.js';

describe('ot-lang/runtime', () => {
  it('does not pull in the parser: no chevrotain, no nunjucks parser, lexer or compiler, no src/syntax', async () => {
    const result = await build({
      entryPoints: [join(repoRoot, 'src', 'runtime', 'index.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((path) => path.includes('src/codegen/runtime/'))).toBe(true);
    expect(
      inputs.filter((path) =>
        /chevrotain|nunjucks\/src\/(parser|lexer|compiler|environment|nodes|precompile)|src\/syntax\/|src\/ir\/(lower|load-program)|prettier/.test(
          path,
        ),
      ),
    ).toEqual([]);
  });
});

describe('a compiled module takes the flags of ot run', () => {
  it('offers the same options', async () => {
    const help = async (run: (io: CliIO) => Promise<number>) => {
      let out = '';
      await run({
        stdout: (text) => (out += text),
        stderr: (text) => (out += text),
        stderrColor: false,
      });
      return [...out.matchAll(/^\s+((?:-\w, )?--[\w-]+)/gm)]
        .map((m) => m[1])
        .filter((flag) => flag !== '--verbose' && flag !== '-h, --help');
    };
    const loaded = loadProgram(join(repoRoot, 'test/fixtures/runtime/chain/flow.ot'));
    const entry = loaded.program.templates[loaded.program.entry]!;
    const flow = {
      entry,
      sources: loaded.sources,
      run: () => Promise.reject(new Error('not run')),
    };
    const ours = await help((io) => runCompiledCommand(flow, ['--help'], io));
    const ot = await help((io) => runCli(['run', '--help'], io));
    expect(ours.length).toBeGreaterThan(8);
    // `--queue` is `ot run`'s alone: workers receive the program as IR, not a compiled module.
    expect(ours).toEqual(ot.filter((flag) => flag !== '--queue'));
    expect(ot).toContain('--queue');
  });
});
