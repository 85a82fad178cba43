import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Checks that dist/ is built (test/global-setup.ts builds it once before the suites run). */
export function buildDist(): void {
  if (!existsSync(new URL('../../dist/cli/main.js', import.meta.url))) {
    throw new Error(
      'dist/cli/main.js is missing: run `npm run build` (test/global-setup.ts does it)',
    );
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
