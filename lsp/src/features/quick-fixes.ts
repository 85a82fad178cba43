import { forEachNode, type ast } from 'ot-lang/tools';
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic as LspDiagnostic,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../analysis/document-analysis.js';
import { sameSpan, type Span } from '../analysis/span.js';
import { suggestionFor, type SuggestionData } from '../analysis/suggestions.js';
import { rangeOf } from '../positions.js';
import { uriToPath } from '../workspace.js';
import type { Feature, FeatureContext } from './feature.js';

/**
 * Quick fixes attached to diagnostics: "did you mean" for a misspelt filter, test, builtin,
 * variable, `flow()` input or schema (the suggestion travels in the diagnostic's `data`); declare
 * an undefined variable as an input in the front matter (written when absent); turn a builtin
 * called in `{{ }}` or `{% set %}` into a call block.
 */
export const quickFixesFeature: Feature = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } },
  register(context) {
    context.connection.onCodeAction((params) => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return null;
      const only = params.context.only;
      if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return null;
      const analysis = context.workspace.analysis(document);
      const actions: CodeAction[] = [];
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== 'ot') continue;
        const data =
          suggestionData(diagnostic.data) ?? recomputed(context, document, analysis, diagnostic);
        actions.push(...fixesOf(document, analysis, diagnostic, data));
      }
      return actions;
    });
  },
};

function fixesOf(
  document: TextDocument,
  analysis: DocumentAnalysis,
  diagnostic: LspDiagnostic,
  data: SuggestionData | null,
): CodeAction[] {
  const fixes: CodeAction[] = [];
  const span: Span = {
    start: document.offsetAt(diagnostic.range.start),
    end: document.offsetAt(diagnostic.range.end),
  };
  if (data?.suggestion) {
    fixes.push(
      fix(document, diagnostic, `Change to \`${data.suggestion}\``, true, [
        replaceName(document, span, data.name, data.suggestion),
      ]),
    );
  }
  if (diagnostic.code === 'OT2003' && data) {
    const edit = declareInput(document, analysis, data.name, span);
    if (edit) {
      fixes.push(
        fix(document, diagnostic, `Declare \`${data.name}\` as an input`, !data.suggestion, [edit]),
      );
    }
  }
  if (diagnostic.code === 'OT2002') {
    const edit = toCallBlock(analysis, span);
    if (edit) {
      fixes.push(
        fix(document, diagnostic, 'Write the call as a call block `<< … >>`', true, [
          { range: rangeOf(document, edit.span), newText: edit.text },
        ]),
      );
    }
  }
  return fixes;
}

function fix(
  document: TextDocument,
  diagnostic: LspDiagnostic,
  title: string,
  isPreferred: boolean,
  edits: TextEdit[],
): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred,
    edit: { changes: { [document.uri]: edits } },
  };
}

/**
 * The data of a diagnostic from a client that does not send `data` back: the same diagnostic
 * (code and place) of the document's latest check, if it is of this version.
 */
function recomputed(
  context: FeatureContext,
  document: TextDocument,
  analysis: DocumentAnalysis,
  diagnostic: LspDiagnostic,
): SuggestionData | null {
  const latest = context.workspace.programs.latestCheck(document.uri);
  if (!latest || latest.version !== document.version) return null;
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  const path = uriToPath(document.uri);
  const same = latest.check.diagnostics.find(
    (d) =>
      d.file === path && d.code === diagnostic.code && d.span.start === start && d.span.end === end,
  );
  return same ? suggestionFor(same, () => analysis) : null;
}

function suggestionData(data: unknown): SuggestionData | null {
  if (typeof data !== 'object' || data === null) return null;
  const { name, suggestion } = data as Record<string, unknown>;
  if (typeof name !== 'string') return null;
  return { name, suggestion: typeof suggestion === 'string' ? suggestion : null };
}

/** Replaces the name where the diagnostic points (inside the quotes of `schema="…"`). */
function replaceName(document: TextDocument, span: Span, name: string, to: string): TextEdit {
  const text = document.getText().slice(span.start, span.end);
  const at = text.indexOf(name);
  const start = at >= 0 ? span.start + at : span.start;
  const end = at >= 0 ? start + name.length : span.end;
  return { range: rangeOf(document, { start, end }), newText: to };
}

/**
 * `name: string` added under `input:` in the front matter: after the last input (with its
 * indentation), under an empty `input:`, as a new `input:` key, or in a new front matter.
 */
function declareInput(
  document: TextDocument,
  analysis: DocumentAnalysis,
  name: string,
  span: Span,
): TextEdit | null {
  const text = document.getText();
  const frontMatter = analysis.frontMatter;
  // `output: name` names a variable the template must bind: an input would not be the fix.
  if (frontMatter && span.start < frontMatter.span.end) return null;
  const insertAt = (offset: number, newText: string): TextEdit => {
    const position = document.positionAt(offset);
    return { range: { start: position, end: position }, newText };
  };
  if (!frontMatter) return insertAt(0, `---\ninput:\n  ${name}: string\n---\n`);
  const last = frontMatter.inputs.at(-1);
  const key = frontMatter.keys.find((entry) => entry.name === 'input');
  if (last && key?.valueText.startsWith('{')) {
    // A flow mapping, `input: {a: string}`: one more pair after the last.
    return insertAt(last.valueSpan?.end ?? last.span.end, `, ${name}: string`);
  }
  if (last) {
    const lineStart = text.lastIndexOf('\n', last.span.start - 1) + 1;
    const indent = text.slice(lineStart, last.span.start);
    const end = last.valueSpan?.end ?? last.span.end;
    const lineEnd = text.indexOf('\n', end);
    return insertAt(lineEnd < 0 ? text.length : lineEnd, `\n${indent}${name}: string`);
  }
  if (key) {
    // `input: {}` is replaced; under a bare `input:` the entry goes on the next line.
    const lineEnd = text.indexOf('\n', key.span.end);
    const at = (key.valueText !== '' ? key.valueSpan : null) ?? {
      start: lineEnd < 0 ? text.length : lineEnd,
      end: 0,
    };
    return {
      range: rangeOf(document, { start: at.start, end: Math.max(at.start, at.end) }),
      newText: `\n  ${name}: string`,
    };
  }
  // Before the closing `---`.
  const closing = text.lastIndexOf('---', frontMatter.span.end);
  const lineStart = text.lastIndexOf('\n', closing - 1) + 1;
  return insertAt(lineStart, `input:\n  ${name}: string\n`);
}

/**
 * `{{ generate_text() }}` → `<< generate_text() >>` and `{% set x = generate_text() %}` →
 * `<< x = generate_text() >>`, when the call is the whole output or value.
 */
function toCallBlock(
  analysis: DocumentAnalysis,
  callSpan: Span,
): { span: Span; text: string } | null {
  const source = (span: Span) => analysis.text.slice(span.start, span.end);
  let found: { span: Span; text: string } | null = null;
  forEachNode(analysis.ast.body, (node: ast.Node) => {
    if (found) return;
    if (node.type === 'Output' && sameSpan(node.expr.span, callSpan)) {
      found = { span: node.span, text: `<< ${source(callSpan)} >>` };
    } else if (
      node.type === 'Set' &&
      node.targets.length === 1 &&
      sameSpan(node.value.span, callSpan)
    ) {
      found = { span: node.span, text: `<< ${node.targets[0]!.name} = ${source(callSpan)} >>` };
    }
  });
  return found;
}
