import { builtinSignatures, type BuiltinName } from 'ot-lang';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { bindingDetail, variableDetail } from '../analysis/describe-variable.js';
import type { DocumentAnalysis } from '../analysis/document-analysis.js';
import { analyzeDocument } from '../analysis/document-analysis.js';
import { callBlockPlans } from '../analysis/plan-summary.js';
import { sameSpan } from '../analysis/span.js';
import { symbolAt, type SymbolAt } from '../analysis/symbol-at.js';
import type { Binding, Variable } from '../analysis/symbols.js';
import type { FileReference } from '../analysis/targets.js';
import { builtinDocs, describeRule, keywordDocs } from '../docs/builtin-docs.js';
import { assertNever } from '../assert-never.js';
import { rangeOf } from '../positions.js';
import type { Feature, FeatureContext } from './feature.js';

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
      const analysis = context.workspace.analysis(document);
      const symbol = symbolAt(analysis, document.offsetAt(params.position));
      if (!symbol) return null;
      const markdown = describe(context, document, analysis, symbol);
      if (markdown === null) return null;
      return {
        contents: { kind: MarkupKind.Markdown, value: markdown },
        range: rangeOf(document, spanOf(symbol)),
      } satisfies Hover;
    });
  },
};

function describe(
  context: FeatureContext,
  document: TextDocument,
  analysis: DocumentAnalysis,
  symbol: SymbolAt,
): string | null {
  switch (symbol.kind) {
    case 'variable':
      return describeVariable(context, document, analysis, symbol.variable);
    case 'unresolved':
      return null;
    case 'builtin':
      return describeBuiltin(symbol.builtin.name as BuiltinName);
    case 'builtinKeyword': {
      const builtin = symbol.keyword.builtin as BuiltinName;
      const name = symbol.keyword.name.name;
      const rule = builtinSignatures[builtin].keywords[name];
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
  analysis: DocumentAnalysis,
  variable: Variable,
): string {
  const lines = [code(`(${variableDetail(variable)}) ${variable.name}`)];
  for (const binding of variable.bindings.slice(0, 3)) {
    lines.push(describeBinding(context, document, analysis, binding));
  }
  if (variable.bindings.length > 3) lines.push(`… and ${variable.bindings.length - 3} more bindings`);
  return lines.filter((line) => line !== '').join('\n\n');
}

function describeBinding(
  context: FeatureContext,
  document: TextDocument,
  analysis: DocumentAnalysis,
  binding: Binding,
): string {
  const line = document.positionAt(binding.span.start).line + 1;
  switch (binding.kind) {
    case 'input': {
      const input = analysis.frontMatter?.inputs.find((entry) => sameSpan(entry.span, binding.span));
      return `input \`${binding.name}\`${input?.valueText ? `: \`${input.valueText.replace(/\s+/g, ' ')}\`` : ''} (line ${line})`;
    }
    case 'callBound': {
      const node = binding.node;
      if (node?.type !== 'CallBlock') return `${bindingDetail(binding)} (line ${line})`;
      const source = analysis.text.slice(node.span.start, node.span.end).replace(/\s+/g, ' ');
      const parts = [`bound by the call block on line ${line}:`, fence(source)];
      const plan = planOf(context, document, node.span);
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
      return source ? `${bindingDetail(binding)}, line ${line}:\n\n${fence(source)}` : `${bindingDetail(binding)} (line ${line})`;
    }
    default:
      return assertNever(binding.kind);
  }
}

function planOf(context: FeatureContext, document: TextDocument, blockSpan: { start: number; end: number }) {
  const program = context.workspace.program(document);
  return callBlockPlans(program.plan(), program.loaded.program.entry).find((block) =>
    sameSpan(block.blockSpan, blockSpan),
  );
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

function spanOf(symbol: SymbolAt): { start: number; end: number } {
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
