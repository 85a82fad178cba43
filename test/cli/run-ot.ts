import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Builds dist/ with the project's build config, as `npm install` does. tsc still emits when
 * unrelated files have type errors; what matters here is that the CLI's files were written.
 */
export function buildDist(): void {
  const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (!existsSync(new URL('../../dist/cli/main.js', import.meta.url))) {
    throw new Error(`build did not produce dist/cli/main.js:\n${result.stdout}${result.stderr}`);
  }
}

/** What one run of `node bin/ot.js …` gave. */
export interface OtRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `ot` launcher in a child process (no colour: its stderr is a pipe). */
export function runOt(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<OtRun> {
  const bin = fileURLToPath(new URL('../../bin/ot.js', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
