import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadProgram, plan as planProgram, type LoadedProgram, type Plan } from 'ot-lang';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, type DocumentAnalysis } from './analysis/document-analysis.js';

/** A loaded program and its plan, for one version of an open document. */
export interface ProgramAnalysis {
  version: number;
  loaded: LoadedProgram;
  /** Computed on first use: only inlay hints, code lenses and hovers need it. */
  plan: () => Plan;
}

/**
 * The open documents and what the server knows about each, computed lazily and cached by
 * version: a request on a document that changed re-parses it once, whichever feature asks first.
 * Files that are open are read from the editor's buffers, others from disk.
 */
export class Workspace {
  private readonly analyses = new Map<string, DocumentAnalysis>();
  private readonly programs = new Map<string, ProgramAnalysis>();

  constructor(readonly documents: TextDocuments<TextDocument>) {}

  /** The parse and names of a document's current version. */
  analysis(document: TextDocument): DocumentAnalysis {
    const cached = this.analyses.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const analysis = analyzeDocument(document.getText(), uriToPath(document.uri), document.version);
    this.analyses.set(document.uri, analysis);
    return analysis;
  }

  /** The program rooted at a document (its includes and flows loaded), with its plan. */
  program(document: TextDocument): ProgramAnalysis {
    const cached = this.programs.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const loaded = loadProgram(uriToPath(document.uri), {
      source: document.getText(),
      readFile: (path) => this.readFile(path),
    });
    let plan: Plan | undefined;
    const program: ProgramAnalysis = {
      version: document.version,
      loaded,
      plan: () => (plan ??= planProgram(loaded.program)),
    };
    this.programs.set(document.uri, program);
    return program;
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
    return this.documents.get(pathToUri(path)) ?? this.documents.all().find((d) => uriToPath(d.uri) === path);
  }

  /** The program last loaded for a document, whatever its version (no loading). */
  cachedProgram(uri: string): ProgramAnalysis | undefined {
    return this.programs.get(uri);
  }

  /** Drops a document's program, e.g. when a file it includes changed. */
  invalidateProgram(uri: string): void {
    this.programs.delete(uri);
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.analyses.delete(uri);
    this.programs.delete(uri);
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
