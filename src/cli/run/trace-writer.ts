import { createWriteStream, type WriteStream } from 'node:fs';
import type { TraceEvent } from '../../runtime/trace.js';

/** Writes trace events as JSON lines to a file, in completion order. */
export class TraceWriter {
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  constructor(path: string) {
    this.stream = createWriteStream(path, { flags: 'w' });
    // A write error (a path made unwritable mid-run, a full disk) must not crash the run with
    // an unhandled 'error' event: it is kept and reported by `close`.
    this.stream.on('error', (error) => (this.failure ??= error));
  }

  /** Appends one event. */
  write(event: TraceEvent): void {
    if (this.failure === null) this.stream.write(`${JSON.stringify(event)}\n`);
  }

  /** Flushes and closes the file; rejects with the first write error. */
  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      const settle = (error?: Error | null) => {
        const failure = this.failure ?? error;
        if (failure) reject(failure);
        else resolve();
      };
      if (this.failure !== null || this.stream.destroyed) settle();
      else this.stream.end(settle);
    });
  }
}
