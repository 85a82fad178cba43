import { dirname, isAbsolute, join, normalize } from 'node:path';
import type { ast } from 'ot-lang/tools';
import { analyzeDocument, type DocumentAnalysis } from './document-analysis.js';
import type { FrontMatterEntry } from './front-matter.js';

/** The file a `flow("…")` call runs, read and parsed for its declared inputs. */
export interface FlowTarget {
  path: string;
  analysis: DocumentAnalysis;
  inputs: FrontMatterEntry[];
}

/** Reads a file's text: the editor's buffer when open, else the disk (see Workspace.readFile). */
export type ReadText = (path: string) => string | undefined;

/** The last parse of each flow target, reused while its text is the same. */
const parsed = new Map<string, DocumentAnalysis>();

/**
 * The flow that `relative` names from the file at `from` (resolved as lowering resolves it), or
 * null when it cannot be read.
 */
export function flowTarget(read: ReadText, from: string, relative: string): FlowTarget | null {
  const path = resolveFlowPath(from, relative);
  return flowTargetAt(read, path);
}

/** The flow at an absolute path, or null when it cannot be read. */
export function flowTargetAt(read: ReadText, path: string): FlowTarget | null {
  const text = read(path);
  if (text === undefined) return null;
  let analysis = parsed.get(path);
  if (analysis?.text !== text) {
    analysis = analyzeDocument(text, path, -1);
    parsed.set(path, analysis);
  }
  return { path, analysis, inputs: analysis.frontMatter?.inputs ?? [] };
}

/** A path relative to the file that names it, as lowering resolves it. */
export function resolveFlowPath(from: string, target: string): string {
  return isAbsolute(target) ? normalize(target) : join(dirname(from), target);
}

/** An input's declared type as written, on one line (`string`, `{type: integer, default: 3}`). */
export function inputTypeText(input: FrontMatterEntry): string {
  return input.valueText.replace(/\s+/g, ' ');
}

/** True when an input has no default (so a caller must give it), as the front matter reads. */
export function inputIsRequired(input: FrontMatterEntry): boolean {
  return !/\bdefault\s*:/.test(input.valueText);
}

/** The literal path of a `flow()` call (first argument or `path=`), or null when computed. */
export function flowCallPath(call: ast.CallExpr): string | null {
  const argument = call.args[0] ?? call.kwargs.find((kwarg) => kwarg.name.name === 'path')?.value;
  return argument?.type === 'Literal' && typeof argument.value === 'string' ? argument.value : null;
}

/** The input a keyword argument of a `flow()` call gives, in the file the call runs. */
export function flowInputOf(
  read: ReadText,
  from: string,
  call: ast.CallExpr,
  keyword: string,
): { target: FlowTarget; input: FrontMatterEntry } | null {
  const path = flowCallPath(call);
  if (path === null || keyword === 'path') return null;
  const target = flowTarget(read, from, path);
  const input = target?.inputs.find((entry) => entry.name === keyword);
  return target && input ? { target, input } : null;
}
