import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plan } from 'ot-lang/tools';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, type DocumentAnalysis } from './analysis/document-analysis.js';
import { createOffsetMap, identityMap, type OffsetMap } from './analysis/offset-map.js';
import type { Span } from './analysis/span.js';
import type { CheckResult } from './program/protocol.js';
import { ProgramService } from './program/program-service.js';

/**
 * Above this size, completion and hover may answer from the previous version's analysis (its
 * offsets mapped through the edit) rather than parse the document again on the keystroke: a
 * 5,000-line file takes ~100 ms to parse, twice the budget of an answer. The fresh analysis
 * follows as soon as typing pauses.
 */
const STALE_ANSWERS_ABOVE_CHARS = 30_000;
const REANALYZE_DELAY_MS = 150;

/** An analysis for a query, maybe of the previous version, with the ways between the two texts. */
export interface QueryAnalysis {
  analysis: DocumentAnalysis;
  /** The analysis's offset of a document offset (null inside what changed since). */
  toAnalysis(offset: number): number | null;
  /** The document's span of an analysis span (null when it touches what changed since). */
  toDocument(span: Span): Span | null;
}

/**
 * The open documents and what the server knows about each. The parse and names of a document
 * are computed on this thread, lazily and cached by version; its program (includes, flows,
 * checks, plan) on a worker thread, through `programs`. Open files are read from the editor's
 * buffers, others from disk.
 */
export class Workspace {
  private readonly analyses = new Map<string, DocumentAnalysis>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly recheckListeners: ((uri: string) => void)[] = [];
  readonly programs = new ProgramService(new URL('./program/program-worker.js', import.meta.url));

  constructor(readonly documents: TextDocuments<TextDocument>) {
    documents.onDidChangeContent(({ document }) => {
      // What runs for the previous version is stale: diagnostics of this one come first.
      this.programs.supersede(document.uri, document.getText());
      this.scheduleAnalysis(document);
    });
    documents.onDidClose(({ document }) => this.forget(document.uri));
  }

  /** The parse and names of a document's current version. */
  analysis(document: TextDocument): DocumentAnalysis {
    const cached = this.analyses.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const analysis = analyzeDocument(document.getText(), uriToPath(document.uri), document.version);
    this.analyses.set(document.uri, analysis);
    return analysis;
  }

  /**
   * An analysis quick enough for completion and hover: the current one, or for a large document
   * that just changed, the previous one with a map between the two texts.
   */
  queryAnalysis(document: TextDocument): QueryAnalysis {
    const cached = this.analyses.get(document.uri);
    const text = document.getText();
    const analysis =
      cached && cached.version !== document.version && text.length > STALE_ANSWERS_ABOVE_CHARS
        ? cached
        : this.analysis(document);
    const map: OffsetMap =
      analysis.version === document.version ? identityMap : createOffsetMap(analysis.text, text);
    return { analysis, toAnalysis: map.toOld, toDocument: map.spanToNew };
  }

  /** The program of a document's current version: its diagnostics and front matter. */
  check(document: TextDocument): Promise<CheckResult> {
    return this.programs.check(
      document.uri,
      document.version,
      uriToPath(document.uri),
      document.getText(),
      this.openFiles(document.uri),
    );
  }

  /** The plan of a document's current version. */
  plan(document: TextDocument): Promise<Plan> {
    return this.programs.plan(
      document.uri,
      document.version,
      uriToPath(document.uri),
      document.getText(),
      this.openFiles(document.uri),
    );
  }

  /** The plan of a document as text or Mermaid. */
  printPlan(document: TextDocument, format: 'text' | 'mermaid'): Promise<string> {
    return this.programs.printPlan(
      document.uri,
      uriToPath(document.uri),
      document.getText(),
      this.openFiles(document.uri),
      format,
    );
  }

  /** The text of a file: the editor's buffer when it is open, else the file on disk. */
  readFile(path: string): string | undefined {
    const open = this.documentAt(path);
    if (open) return open.getText();
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  }

  /** The open document of a path, if any (URIs may spell one path in several ways). */
  documentAt(path: string): TextDocument | undefined {
    return (
      this.documents.get(pathToUri(path)) ??
      this.documents.all().find((d) => uriToPath(d.uri) === path)
    );
  }

  /** The texts of the open documents other than `uri`, by path. */
  openFiles(uri: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const document of this.documents.all()) {
      if (document.uri !== uri) files[uriToPath(document.uri)] = document.getText();
    }
    return files;
  }

  /**
   * Asks for an open document to be checked again although its text did not change: a file its
   * program reads changed (on disk, or in another buffer). The diagnostics feature listens.
   */
  recheck(uri: string): void {
    this.programs.invalidate(uri);
    for (const listener of this.recheckListeners) listener(uri);
  }

  /** Calls `listener` with the URI of each document that must be checked again. */
  onRecheck(listener: (uri: string) => void): void {
    this.recheckListeners.push(listener);
  }

  /** Stops the worker. */
  dispose(): Promise<void> {
    for (const timer of this.timers.values()) clearTimeout(timer);
    return this.programs.dispose();
  }

  /** A large document is analysed again once typing pauses (small ones on demand). */
  private scheduleAnalysis(document: TextDocument): void {
    if (document.getText().length <= STALE_ANSWERS_ABOVE_CHARS) return;
    clearTimeout(this.timers.get(document.uri));
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        const current = this.documents.get(document.uri);
        if (current) this.analysis(current);
      }, REANALYZE_DELAY_MS),
    );
  }

  private forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.analyses.delete(uri);
    this.programs.forget(uri);
  }
}

/** The file path of a `file:` URI; other schemes (an unsaved buffer) keep the URI as a path. */
export function uriToPath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

/** The `file:` URI of a path. */
export function pathToUri(path: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)
    ? path
    : pathToFileURL(path).href;
}
