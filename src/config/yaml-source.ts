import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { OtError } from '../diagnostics/ot-error.js';
import { createSpan, type Span } from '../source/span.js';
import type { KeyPath, Problem } from './problems.js';

/** A parsed YAML (or JSON) settings file: its plain value, and a way back to source spans. */
export interface YamlSource {
  path: string;
  value: unknown;
  /** The span of the value (or key) at `keyPath`, or of its nearest ancestor that exists. */
  spanOf(keyPath: KeyPath, at: 'key' | 'value'): Span;
}

/**
 * Parses a settings file; YAML syntax errors are thrown as one OtError (OT4005) carrying every
 * error with its span. JSON files parse too: JSON is (for our purposes) a subset of YAML.
 */
export function parseYamlSource(text: string, path: string): YamlSource {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new OtError(
      doc.errors.map((error) =>
        createDiagnostic('OT4005', path, createSpan(error.pos[0], error.pos[1]), {
          reason: `invalid YAML: ${error.message.split('\n')[0]}`,
        }),
      ),
    );
  }
  return {
    path,
    value: doc.toJS({ maxAliasCount: 100 }),
    spanOf: (keyPath, at) => findSpan(doc, keyPath, at),
  };
}

/** Reads and parses a settings file; an unreadable file is an OtError naming it and why. */
export function loadYamlSource(path: string, what: string): YamlSource {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : error instanceof Error
            ? error.message
            : String(error);
    throw new OtError([
      createDiagnostic('OT4005', path, createSpan(0, 0), {
        reason: `cannot read ${what} ${path}: ${why}`,
      }),
    ]);
  }
  return parseYamlSource(text, path);
}

/** Turns validator problems into diagnostics pointing into the file. */
export function problemDiagnostics(source: YamlSource, problems: readonly Problem[]): Diagnostic[] {
  return problems.map((problem) =>
    createDiagnostic('OT4005', source.path, source.spanOf(problem.path, problem.at), {
      reason: problem.message,
    }),
  );
}

/** Throws one OtError carrying every problem, if there are any. */
export function throwIfProblems(source: YamlSource, problems: readonly Problem[]): void {
  if (problems.length > 0) throw new OtError(problemDiagnostics(source, problems));
}

function findSpan(doc: Document, keyPath: KeyPath, at: 'key' | 'value'): Span {
  let node: unknown = doc.contents;
  let span = rangeSpan(node) ?? createSpan(0, 0);
  for (let i = 0; i < keyPath.length; i++) {
    const segment = keyPath[i];
    const last = i === keyPath.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === segment,
      );
      if (!pair) break;
      if (last && at === 'key') return rangeSpan(pair.key) ?? span;
      node = pair.value;
      // `key:` with no value has no value node: point at the key.
      span = rangeSpan(node) ?? rangeSpan(pair.key) ?? span;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      span = rangeSpan(node) ?? span;
    } else {
      break;
    }
  }
  return span;
}

function rangeSpan(node: unknown): Span | null {
  const range = (node as Node | null | undefined)?.range;
  return range ? createSpan(range[0], range[1]) : null;
}
