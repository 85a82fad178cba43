import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** An `ot worker` subprocess and what it wrote to stderr. */
export interface WorkerProcess {
  child: ChildProcess;
  stderr: () => string;
  /** Resolves once the worker listens on the queue. */
  ready: Promise<void>;
  /** Resolves with the exit code (or signal) once it has exited. */
  exited: Promise<number | string | null>;
}

const bin = fileURLToPath(new URL('../../../bin/ot.js', import.meta.url));

/** Starts `node bin/ot.js worker …` in `cwd` with `args` after `worker`. */
export function startWorkerProcess(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): WorkerProcess {
  const child = spawn(process.execPath, [bin, 'worker', ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let markReady = (): void => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    if (stderr.includes('worker ready')) markReady();
  });
  child.stdout!.resume();
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  return { child, stderr: () => stderr, ready, exited };
}

/** Starts a process of `node bin/ot.js ARGS` and collects its output; `onStdout` sees it grow. */
export function startOt(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; onStdout?: (all: string) => void },
): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>;
} {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    options.onStdout?.(stdout);
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<{
    code: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}
