import { builtinSignatures, type BuiltinName } from 'ot-lang/tools';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { bindingDetail, variableDetail } from '../analysis/describe-variable.js';
import type { DocumentAnalysis } from '../analysis/document-analysis.js';
import { analyzeDocument } from '../analysis/document-analysis.js';
import { flowBlockPlans } from '../analysis/flow-block-plans.js';
import { callBlockPlans } from '../analysis/plan-summary.js';
import { sameSpan } from '../analysis/span.js';
import { symbolAt, type SymbolAt } from '../analysis/symbol-at.js';
import type { Binding, Variable } from '../analysis/symbols.js';
import type { FileReference } from '../analysis/targets.js';
import { builtinDocs, describeRule, keywordDocs } from '../docs/builtin-docs.js';
import { assertNever } from '../assert-never.js';
import { rangeOf } from '../positions.js';
import { createOffsetMap } from '../analysis/offset-map.js';
import type { Span } from '../analysis/span.js';
import { uriToPath } from '../workspace.js';
import type { Feature, FeatureContext } from './feature.js';
import { describeFlowInput } from './flow-input-navigation.js';

/**
 * Hover: a builtin's signature and docs; a variable's origin (an input's type, the tag that sets
 * it, and for a name bound by a call block, the call and its stage in the plan); a schema's
 * JSON Schema; an included or `flow()` file's description and inputs.
 */
export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register(context) {
    context.connection.onHover((params) => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return null;
      const offset = document.offsetAt(params.position);
      // On a large file that just changed, the previous analysis answers unless the cursor is
      // where the text changed.
      const query = context.workspace.queryAnalysis(document);
      const staleOffset = query.toAnalysis(offset);
      const found = staleOffset === null ? null : symbolAt(query.analysis, staleOffset);
      const span = found ? query.toDocument(spanOf(found)) : null;
      const hover: Hovered =
        found && span
          ? { analysis: query.analysis, symbol: found, span, toDocument: query.toDocument }
          : fresh(context, document, offset);
      if (!hover.symbol || !hover.span) return null;
      const markdown = describe(context, document, hover);
      if (markdown === null) return null;
      return {
        contents: { kind: MarkupKind.Markdown, value: markdown },
        range: rangeOf(document, hover.span),
      } satisfies Hover;
    });
  },
};

/** What the cursor is on, in an analysis whose spans `toDocument` maps to the document. */
interface Hovered {
  analysis: DocumentAnalysis;
  symbol: SymbolAt | null;
  span: Span | null;
  toDocument: (span: Span) => Span | null;
}

function fresh(context: FeatureContext, document: TextDocument, offset: number): Hovered {
  const analysis = context.workspace.analysis(document);
  const symbol = symbolAt(analysis, offset);
  return { analysis, symbol, span: symbol ? spanOf(symbol) : null, toDocument: (span) => span };
}

function describe(context: FeatureContext, document: TextDocument, hover: Hovered): string | null {
  const symbol = hover.symbol!;
  switch (symbol.kind) {
    case 'variable':
      return describeVariable(context, document, hover, symbol.variable);
    case 'unresolved':
      return null;
    case 'builtin':
      return describeBuiltin(symbol.builtin.name as BuiltinName);
    case 'builtinKeyword': {
      const builtin = symbol.keyword.builtin as BuiltinName;
      const name = symbol.keyword.name.name;
      const rule = builtinSignatures[builtin].keywords[name];
      if (!rule && builtin === 'flow') return describeFlowInput(context, hover.analysis, symbol);
      if (!rule) return code(`${name}`) + `\n\nnot an argument of \`${builtin}\``;
      return `${code(`(argument of ${builtin}) ${name}: ${describeRule(rule)}`)}\n\n${keywordDocs[name] ?? ''}`;
    }
    case 'filter':
      return code(`(filter) ${symbol.name}`) + '\n\nA nunjucks filter.';
    case 'test':
      return code(`(test) ${symbol.name}`) + '\n\nA nunjucks test.';
    case 'schema':
      return symbol.declaration
        ? `${code(`(schema) ${symbol.name}`)}\n\n\`\`\`yaml\n${symbol.declaration.valueText}\n\`\`\``
        : `${code(`(schema) ${symbol.name}`)}\n\nnot declared in the front matter \`schemas\``;
    case 'file':
      return describeFile(context, symbol.file);
    default:
      return assertNever(symbol);
  }
}

function describeBuiltin(name: BuiltinName): string {
  const signature = builtinSignatures[name];
  const params = [
    ...signature.positional,
    ...Object.keys(signature.keywords).filter((keyword) => !signature.positional.includes(keyword)),
  ].map((param) => (signature.required.includes(param) ? param : `${param}?`));
  if (signature.inputKeywords) params.push('**inputs');
  return `${code(`${name}(${params.join(', ')}) → ${builtinDocs[name].result}`)}\n\n${builtinDocs[name].doc}`;
}

function describeVariable(
  context: FeatureContext,
  document: TextDocument,
  hover: Hovered,
  variable: Variable,
): string {
  const lines = [code(`(${variableDetail(variable)}) ${variable.name}`)];
  for (const binding of variable.bindings.slice(0, 3)) {
    lines.push(describeBinding(context, document, hover, binding));
  }
  if (variable.bindings.length > 3)
    lines.push(`… and ${variable.bindings.length - 3} more bindings`);
  return lines.filter((line) => line !== '').join('\n\n');
}

function describeBinding(
  context: FeatureContext,
  document: TextDocument,
  hover: Hovered,
  binding: Binding,
): string {
  const analysis = hover.analysis;
  const line = document.positionAt((hover.toDocument(binding.span) ?? binding.span).start).line + 1;
  switch (binding.kind) {
    case 'input': {
      const input = analysis.frontMatter?.inputs.find((entry) =>
        sameSpan(entry.span, binding.span),
      );
      return `input \`${binding.name}\`${input?.valueText ? `: \`${input.valueText.replace(/\s+/g, ' ')}\`` : ''} (line ${line})`;
    }
    case 'callBound': {
      const node = binding.node;
      if (node?.type !== 'CallBlock') return `${bindingDetail(binding)} (line ${line})`;
      const source = analysis.text.slice(node.span.start, node.span.end).replace(/\s+/g, ' ');
      const parts = [`bound by the call block on line ${line}:`, fence(source)];
      const blockSpan = hover.toDocument(node.span);
      const plan = blockSpan ? planOf(context, document, blockSpan) : undefined;
      if (plan) parts.push(`${plan.label}\n\n${plan.detail.map((text) => `- ${text}`).join('\n')}`);
      return parts.join('\n\n');
    }
    case 'set':
    case 'capture':
    case 'loop':
    case 'macro':
    case 'param':
    case 'callerParam': {
      const node = binding.node;
      const tag = node && 'tags' in node ? node.tags[0] : undefined;
      const source = tag ? analysis.text.slice(tag.span.start, tag.span.end) : null;
      return source
        ? `${bindingDetail(binding)}, line ${line}:\n\n${fence(source)}`
        : `${bindingDetail(binding)} (line ${line})`;
    }
    default:
      return assertNever(binding.kind);
  }
}

/**
 * What the plan says about a call block. Hover does not wait for a plan: it uses the latest one
 * made (its offsets mapped through the edits since), and asks for one when there is none.
 */
function planOf(context: FeatureContext, document: TextDocument, blockSpan: Span) {
  const latest = context.workspace.programs.latestPlan(document.uri);
  if (!latest) {
    context.workspace.plan(document).catch(() => {
      // Only a warm-up for the next hover: a failure shows up where the plan is needed.
    });
    return undefined;
  }
  const map = createOffsetMap(latest.text, document.getText());
  const isThisBlock = (span: Span) => {
    const mapped = map.spanToNew(span);
    return mapped !== null && sameSpan(mapped, blockSpan);
  };
  const path = uriToPath(document.uri);
  const ownCall = callBlockPlans(latest.plan, path, isThisBlock)[0];
  if (ownCall) return ownCall;
  // A block that runs a `flow()`: its calls are the other file's.
  if (!latest.plan.flows.some((flow) => flow.file === path)) return undefined;
  const ast = analyzeDocument(latest.text, path, -1).ast;
  return flowBlockPlans(latest.plan, path, ast, isThisBlock)[0];
}

function describeFile(context: FeatureContext, file: FileReference): string {
  const lines = [code(`(${file.kind === 'include' ? 'included file' : 'flow'}) ${file.target}`)];
  const text = context.workspace.readFile(file.target);
  if (text === undefined) {
    lines.push('cannot read this file');
    return lines.join('\n\n');
  }
  const target = analyzeDocument(text, file.target, 0).frontMatter;
  if (target?.description) lines.push(target.description);
  if (target && target.inputs.length > 0) {
    lines.push(
      `inputs:\n${target.inputs.map((input) => `- \`${input.name}\`${input.valueText ? `: \`${input.valueText.replace(/\s+/g, ' ')}\`` : ''}`).join('\n')}`,
    );
  }
  return lines.join('\n\n');
}

function spanOf(symbol: SymbolAt): Span {
  switch (symbol.kind) {
    case 'variable':
    case 'filter':
    case 'test':
    case 'schema':
      return symbol.span;
    case 'unresolved':
      return symbol.reference.span;
    case 'builtin':
      return symbol.builtin.span;
    case 'builtinKeyword':
      return symbol.keyword.name.span;
    case 'file':
      return symbol.file.literal.span;
    default:
      return assertNever(symbol);
  }
}

function code(text: string): string {
  return fence(text);
}

function fence(text: string): string {
  return `\`\`\`ot\n${text}\n\`\`\``;
}
