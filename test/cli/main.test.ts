import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';

/** Runs the CLI in process against buffers. */
async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stderrColor: false,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

describe('runCli', () => {
  it('turns usage errors into exit code 2 without exiting the process', async () => {
    const missing = await cli(['check']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      "error: missing required argument 'files'\n(run `ot --help` for usage)\n",
    );
    const unknown = await cli(['--nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("error: unknown option '--nope'");
  });

  it('lists its commands in the help, with exit code 0', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: ot /);
    expect(help.stdout).toMatch(/^\s+check <files\.\.\.>/m);
    expect(help.stdout).toMatch(/^\s+run \[options\] <file>/m);
    const checkHelp = await cli(['check', '--help']);
    expect(checkHelp.code).toBe(0);
    expect(checkHelp.stdout).toContain('Usage: ot check [options] <files...>');
  });

  it('prints a missing file as a diagnostic with exit code 1', async () => {
    const result = await cli(['check', '/nonexistent/dir/x.ot']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        '/nonexistent/dir/x.ot: error OT2014: cannot read file `/nonexistent/dir/x.ot`: no such file, or it is not readable\n\n1 error, 0 warnings\n',
    });
  });
});
