import { spawn } from 'node:child_process';

/** What a run of the `ot` command gave. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the bundled `ot` command with Node. Inside VS Code `process.execPath` is the editor's own
 * binary, which runs as Node with ELECTRON_RUN_AS_NODE (as VS Code does for its own helpers).
 * `onStderr` gets stderr as it comes (`ot run --stream` writes the replies there live).
 */
export function runCli(
  cli: string,
  args: readonly string[],
  cwd: string,
  onStderr?: (chunk: string) => void,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd,
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      onStderr?.(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
