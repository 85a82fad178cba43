/** Where the CLI writes, so commands can be run against buffers in tests. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether diagnostics on stderr may use ANSI colours. */
  stderrColor: boolean;
  /**
   * A promise that resolves once stdout has taken what was written (its reader caught up), or
   * null when nothing is waiting to go out. Absent: writes never wait (buffers in tests).
   */
  stdoutDrained?: () => Promise<void> | null;
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function shouldUseColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && (env['NO_COLOR'] === undefined || env['NO_COLOR'] === '');
}

/** The real process streams. */
export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrColor: shouldUseColor(process.stderr, process.env),
    stdoutDrained: () => drained(process.stdout),
  };
}

/**
 * Null when `stream` has room, else a promise of its next 'drain' (or 'close': a reader that went
 * away). A pipe to a slower reader makes Node keep every write in memory until it is read, so a
 * writer of many results waits here rather than letting the backlog grow with the rows.
 */
export function drained(
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean },
): Promise<void> | null {
  if (stream.writableNeedDrain !== true) return null;
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
