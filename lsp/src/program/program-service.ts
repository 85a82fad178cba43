import type { Plan } from 'ot-lang/tools';
import type { CheckResult, ProgramOperation } from './protocol.js';
import { WorkerLane } from './worker-lane.js';

export { Superseded } from './worker-lane.js';

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

/**
 * Runs program jobs on worker threads so that the thread answering the editor never waits for a
 * check or a plan. Checks (diagnostics) and plans have a worker each: diagnostics never wait
 * behind a plan of a large file. In each, jobs wait in a queue keyed by document and operation: a
 * newer text replaces an older one still waiting (whose callers get Superseded), so a burst of
 * edits costs one check, not one per keystroke; identical requests share one job. A new version
 * of a document cancels the work still running for an older one. The results of the latest
 * version stay available for answers that may be a version behind.
 */
export class ProgramService {
  private readonly checkLane: WorkerLane;
  private readonly planLane: WorkerLane;
  private readonly snapshots = new Map<string, ProgramSnapshot>();
  private readonly plans = new Map<string, ProgramSnapshot & { plan: Plan }>();
  /** Bumped when files change on disk: the worker then loads programs again (see ProgramJob). */
  private generation = 0;

  constructor(workerUrl: URL) {
    this.checkLane = new WorkerLane(workerUrl);
    this.planLane = new WorkerLane(workerUrl);
  }

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

  /** Cancels the work waiting or running for other texts of a document than `text`. */
  supersede(uri: string, text: string): void {
    this.checkLane.supersede(uri, text);
    this.planLane.supersede(uri, text);
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.snapshots.delete(uri);
    this.plans.delete(uri);
  }

  /** Stops the worker. */
  async dispose(): Promise<void> {
    await Promise.all([this.checkLane.dispose(), this.planLane.dispose()]);
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
    // Any job for a text is news that older texts of the document are stale.
    this.supersede(uri, text);
    const lane = operation === 'check' ? this.checkLane : this.planLane;
    const { generation } = this;
    return lane.run<ResultOf<O>>({ uri, operation, path, text, files, generation });
  }
}
