import { createWriteStream, type WriteStream } from 'node:fs';
import type { TraceEvent } from '../../runtime/trace.js';

/** Writes trace events as JSON lines to a file, in completion order. */
export class TraceWriter {
  private readonly stream: WriteStream;

  constructor(path: string) {
    this.stream = createWriteStream(path, { flags: 'w' });
  }

  /** Appends one event. */
  write(event: TraceEvent): void {
    this.stream.write(`${JSON.stringify(event)}\n`);
  }

  /** Flushes and closes the file. */
  close(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}
