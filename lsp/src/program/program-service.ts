import { Worker } from 'node:worker_threads';
import type { Plan } from 'ot-lang/tools';
import type { CheckResult, ProgramJob, ProgramOperation, ProgramReply } from './protocol.js';

/** The result of an operation, typed by operation. */
type ResultOf<O extends ProgramOperation> = O extends 'check'
  ? CheckResult
  : O extends 'plan'
    ? Plan
    : string;

/** What is known of one version of a document's program, with the text it was computed from. */
export interface ProgramSnapshot {
  version: number;
  text: string;
  check?: CheckResult;
  plan?: Plan;
}

/** The error of a job that a newer version of the same document replaced while it waited. */
export class Superseded extends Error {
  constructor() {
    super('superseded by a newer version of the document');
  }
}

interface Caller {
  resolve: (result: never) => void;
  reject: (error: unknown) => void;
}

interface Job {
  key: string;
  operation: ProgramOperation;
  path: string;
  text: string;
  files: Record<string, string>;
  generation: number;
  callers: Caller[];
}

/**
 * Runs program jobs on a worker thread, one at a time, so that the thread answering the editor
 * never waits for a check or a plan. Jobs wait in a queue keyed by document and operation: a
 * newer text replaces an older one still waiting (whose callers get Superseded), so a burst of
 * edits costs one check, not one per keystroke; identical requests share one job. The results of
 * the latest version stay available for answers that may be a version behind.
 */
export class ProgramService {
  private worker: Worker | null = null;
  private nextId = 0;
  private running: (Job & { id: number }) | null = null;
  private readonly queue = new Map<string, Job>();
  private readonly snapshots = new Map<string, ProgramSnapshot>();
  private readonly plans = new Map<string, ProgramSnapshot & { plan: Plan }>();
  /** Bumped when files change on disk: the worker then loads programs again (see ProgramJob). */
  private generation = 0;

  constructor(private readonly workerUrl: URL) {}

  /**
   * The program's diagnostics and front matter for this version of a document (a negative
   * version, for a file that is not open, is never reused).
   */
  async check(
    uri: string,
    version: number,
    path: string,
    text: string,
    files: Record<string, string>,
  ): Promise<CheckResult> {
    const known = this.snapshot(uri, version);
    if (known?.check) return known.check;
    const result = await this.enqueue(uri, 'check', path, text, files);
    if (version >= 0) this.record(uri, version, text).check = result;
    return result;
  }

  /** The program's plan for this version of a document. */
  async plan(
    uri: string,
    version: number,
    path: string,
    text: string,
    files: Record<string, string>,
  ): Promise<Plan> {
    const known = this.snapshot(uri, version);
    if (known?.plan) return known.plan;
    const result = await this.enqueue(uri, 'plan', path, text, files);
    if (version < 0) return result;
    this.record(uri, version, text).plan = result;
    const latest = this.plans.get(uri);
    if (!latest || latest.version <= version) this.plans.set(uri, { version, text, plan: result });
    return result;
  }

  /** The plan printed as text or Mermaid. */
  printPlan(
    uri: string,
    path: string,
    text: string,
    files: Record<string, string>,
    format: 'text' | 'mermaid',
  ): Promise<string> {
    return this.enqueue(uri, format === 'text' ? 'printText' : 'printMermaid', path, text, files);
  }

  /** The check of the latest version of a document that has one. */
  latestCheck(uri: string): (ProgramSnapshot & { check: CheckResult }) | undefined {
    const snapshot = this.snapshots.get(uri);
    return snapshot?.check ? (snapshot as ProgramSnapshot & { check: CheckResult }) : undefined;
  }

  /** The plan of the latest version of a document that has one (maybe older than the document). */
  latestPlan(uri: string): (ProgramSnapshot & { plan: Plan }) | undefined {
    return this.plans.get(uri);
  }

  /** Drops what is known of a document's current version (a file it includes changed). */
  invalidate(uri: string): void {
    this.snapshots.delete(uri);
  }

  /** Files changed on disk: programs loaded before are stale, whatever their texts. */
  filesChanged(): void {
    this.generation++;
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.snapshots.delete(uri);
    this.plans.delete(uri);
  }

  /** Stops the worker. */
  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private snapshot(uri: string, version: number): ProgramSnapshot | undefined {
    const snapshot = this.snapshots.get(uri);
    return snapshot?.version === version ? snapshot : undefined;
  }

  /** The snapshot of a version (a result for an older version than the latest is not kept). */
  private record(uri: string, version: number, text: string): ProgramSnapshot {
    const current = this.snapshots.get(uri);
    if (current?.version === version) return current;
    if (current && current.version > version) return { version, text };
    const snapshot: ProgramSnapshot = { version, text };
    this.snapshots.set(uri, snapshot);
    return snapshot;
  }

  private enqueue<O extends ProgramOperation>(
    uri: string,
    operation: O,
    path: string,
    text: string,
    files: Record<string, string>,
  ): Promise<ResultOf<O>> {
    const key = `${operation}\0${uri}`;
    return new Promise<ResultOf<O>>((resolve, reject) => {
      const caller: Caller = { resolve: resolve as (result: never) => void, reject };
      const same = (job: Job | null | undefined): boolean =>
        job?.key === key &&
        job.generation === this.generation &&
        job.text === text &&
        JSON.stringify(job.files) === JSON.stringify(files);
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
      const generation = this.generation;
      this.queue.set(key, { key, operation, path, text, files, generation, callers: [caller] });
      this.pump();
    });
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
    worker.on('message', (reply: ProgramReply) => this.settle(reply));
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
