import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';

/** A child process whose stdout lines and exit can be awaited. */
export interface WatchedChild {
  process: ChildProcess;
  /** Every stdout line so far. */
  lines: string[];
  /** stderr so far, for failure messages. */
  stderr(): string;
  /** The first stdout line starting with `prefix`, waiting up to `timeoutMs`. */
  line(prefix: string, timeoutMs?: number): Promise<string>;
  /** The exit code or signal, waiting up to `timeoutMs`. */
  exit(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node script ...args`. */
export function startNode(script: string, args: string[]): WatchedChild {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let pending = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    lines.push(...parts);
    for (const wake of waiters) wake();
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve({ code, signal });
      for (const wake of waiters) wake();
    });
  });
  return {
    process: child,
    lines,
    stderr: () => stderr,
    line(prefix, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = lines.find((line) => line.startsWith(prefix));
          if (found !== undefined) {
            finish();
            resolve(found);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            finish();
            reject(new Error(`child exited before printing "${prefix}"; stderr: ${stderr}`));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`no "${prefix}" line within ${timeoutMs} ms; stderr: ${stderr}`));
        }, timeoutMs);
        const finish = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    async exit(timeoutMs = 10_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`child still running after ${timeoutMs} ms; stderr: ${stderr}`)),
          timeoutMs,
        );
      });
      try {
        return await Promise.race([exited, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
