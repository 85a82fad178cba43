import { Worker } from 'node:worker_threads';
import type { ProgramJob, ProgramOperation, ProgramReply } from './protocol.js';

/** The error of a job that a newer version of the same document replaced. */
export class Superseded extends Error {
  constructor() {
    super('superseded by a newer version of the document');
  }
}

/** Whoever waits for a job's result. */
export interface Caller {
  resolve: (result: never) => void;
  reject: (error: unknown) => void;
}

/** A job waiting or running: one operation on one version of a document's program. */
export interface LaneJob {
  key: string;
  uri: string;
  operation: ProgramOperation;
  path: string;
  text: string;
  files: Record<string, string>;
  /** Bumped when files change on disk: the worker then loads programs again (see ProgramJob). */
  generation: number;
  callers: Caller[];
}

/**
 * One worker thread and its queue: jobs run one at a time, keyed by document and operation, a
 * newer text replacing an older one still waiting (its callers get Superseded) and identical
 * requests sharing one job. A running job made stale by a newer version is cancelled by ending
 * the worker (a plan cannot be interrupted otherwise); the next job starts a fresh one.
 */
export class WorkerLane {
  private worker: Worker | null = null;
  private nextId = 0;
  private running: (LaneJob & { id: number }) | null = null;
  private readonly queue = new Map<string, LaneJob>();

  constructor(private readonly workerUrl: URL) {}

  /** Queues a job (or joins an identical one) and resolves with its result. */
  run<T>(job: Omit<LaneJob, 'callers' | 'key'>): Promise<T> {
    const key = `${job.operation}\0${job.uri}`;
    return new Promise<T>((resolve, reject) => {
      const caller: Caller = { resolve: resolve as (result: never) => void, reject };
      const same = (other: LaneJob | null | undefined): boolean =>
        other?.key === key &&
        other.generation === job.generation &&
        other.text === job.text &&
        JSON.stringify(other.files) === JSON.stringify(job.files);
      if (this.running && same(this.running)) {
        this.running.callers.push(caller);
        return;
      }
      const waiting = this.queue.get(key);
      if (waiting && same(waiting)) {
        waiting.callers.push(caller);
        return;
      }
      for (const stale of waiting?.callers ?? []) stale.reject(new Superseded());
      this.queue.set(key, { ...job, key, callers: [caller] });
      this.pump();
    });
  }

  /**
   * Drops the work for other texts of `uri` than `text`, waiting or running: a new version
   * arrived, and nobody will read what an older one would give.
   */
  supersede(uri: string, text: string): void {
    for (const [key, job] of this.queue) {
      if (job.uri !== uri || job.text === text) continue;
      this.queue.delete(key);
      for (const caller of job.callers) caller.reject(new Superseded());
    }
    const running = this.running;
    if (running && running.uri === uri && running.text !== text) {
      this.running = null;
      const worker = this.worker;
      this.worker = null;
      void worker?.terminate();
      for (const caller of running.callers) caller.reject(new Superseded());
      this.pump();
    }
  }

  /** Stops the worker. */
  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private pump(): void {
    if (this.running) return;
    const next = this.queue.values().next();
    if (next.done) return;
    const job = next.value;
    this.queue.delete(job.key);
    this.running = { ...job, id: this.nextId++ };
    const message: ProgramJob = {
      id: this.running.id,
      operation: job.operation,
      path: job.path,
      text: job.text,
      files: job.files,
      generation: job.generation,
    };
    this.ensureWorker().postMessage(message);
  }

  private settle(reply: ProgramReply): void {
    const job = this.running;
    if (!job || job.id !== reply.id) return;
    this.running = null;
    for (const caller of job.callers) {
      if (reply.ok) caller.resolve(reply.result as never);
      else caller.reject(new Error(reply.error));
    }
    this.pump();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerUrl);
    worker.on('message', (reply: ProgramReply) => {
      if (this.worker === worker) this.settle(reply);
    });
    worker.on('error', (error) => this.crashed(worker, error));
    worker.on('exit', () => this.crashed(worker, new Error('the program worker stopped')));
    // The worker must not keep the server alive once the editor has gone.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** A worker that died fails its job; the next job starts a new one. */
  private crashed(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    if (this.running) this.settle({ id: this.running.id, ok: false, error: error.message });
  }
}
