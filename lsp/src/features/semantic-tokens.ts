import { SemanticTokensBuilder, type SemanticTokensLegend } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { assertNever } from '../assert-never.js';
import type { DocumentAnalysis } from '../analysis/document-analysis.js';
import type { Span } from '../analysis/span.js';
import type { BindingKind, Variable } from '../analysis/symbols.js';
import type { Feature } from './feature.js';

const tokenTypes = ['variable', 'parameter', 'property', 'function'] as const;
const tokenModifiers = ['declaration', 'readonly', 'defaultLibrary', 'callResult'] as const;

type TokenType = (typeof tokenTypes)[number];
type TokenModifier = (typeof tokenModifiers)[number];

/** The legend: standard types and modifiers, plus `callResult` for names bound by call blocks. */
export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: [...tokenTypes],
  tokenModifiers: [...tokenModifiers],
};

/**
 * Semantic tokens for what the TextMate grammar cannot know: which names are inputs (readonly),
 * which come from a model (`callResult`), which are macros, parameters, builtins, filters and
 * tests (`defaultLibrary`), and where each name is declared.
 */
export const semanticTokensFeature: Feature = {
  capabilities: {
    semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: false },
  },
  register(context) {
    context.connection.languages.semanticTokens.on((params) => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return { data: [] };
      return semanticTokens(document, context.workspace.analysis(document));
    });
  },
};

interface Token {
  span: Span;
  type: TokenType;
  modifiers: TokenModifier[];
}

function semanticTokens(document: TextDocument, analysis: DocumentAnalysis) {
  const tokens: Token[] = [];
  const { symbols } = analysis;
  for (const binding of symbols.bindings) {
    const { type, modifiers } = classify(binding.variable, binding.kind);
    tokens.push({ span: binding.span, type, modifiers: [...modifiers, 'declaration'] });
  }
  for (const reference of symbols.references) {
    if (!reference.variable) {
      tokens.push({
        span: reference.span,
        type: reference.called ? 'function' : 'variable',
        modifiers: [],
      });
      continue;
    }
    tokens.push({
      span: reference.span,
      ...classify(reference.variable, reference.variable.bindings[0]?.kind ?? null),
    });
  }
  for (const builtin of symbols.builtins) {
    tokens.push({ span: builtin.span, type: 'function', modifiers: ['defaultLibrary'] });
  }
  for (const identifier of [...symbols.filters, ...symbols.tests]) {
    tokens.push({ span: identifier.span, type: 'function', modifiers: ['defaultLibrary'] });
  }
  for (const keyword of symbols.builtinKeywords) {
    tokens.push({ span: keyword.name.span, type: 'parameter', modifiers: [] });
  }
  for (const identifier of symbols.keywords)
    tokens.push({ span: identifier.span, type: 'parameter', modifiers: [] });
  for (const identifier of symbols.properties)
    tokens.push({ span: identifier.span, type: 'property', modifiers: [] });

  tokens.sort((a, b) => a.span.start - b.span.start);
  const builder = new SemanticTokensBuilder();
  let lastEnd = -1;
  for (const token of tokens) {
    // Tokens may not overlap; an identifier is never reported twice, but stay safe.
    if (token.span.start < lastEnd || token.span.end <= token.span.start) continue;
    const start = document.positionAt(token.span.start);
    const end = document.positionAt(token.span.end);
    if (start.line !== end.line) continue;
    builder.push(
      start.line,
      start.character,
      end.character - start.character,
      tokenTypes.indexOf(token.type),
      modifierBits(token.modifiers),
    );
    lastEnd = token.span.end;
  }
  return builder.build();
}

function classify(
  variable: Variable,
  kind: BindingKind | null,
): { type: TokenType; modifiers: TokenModifier[] } {
  if (variable.implicit !== null) {
    switch (variable.implicit) {
      case 'global':
      case 'caller':
        return { type: 'function', modifiers: ['defaultLibrary'] };
      case 'loopObject':
        return { type: 'variable', modifiers: ['defaultLibrary'] };
      default:
        return assertNever(variable.implicit);
    }
  }
  if (kind === null) return { type: 'variable', modifiers: [] };
  switch (kind) {
    case 'input':
      return { type: 'variable', modifiers: ['readonly'] };
    case 'callBound':
      return { type: 'variable', modifiers: ['callResult'] };
    case 'macro':
      return { type: 'function', modifiers: [] };
    case 'param':
    case 'callerParam':
      return { type: 'parameter', modifiers: [] };
    case 'set':
    case 'capture':
    case 'loop':
      return { type: 'variable', modifiers: [] };
    default:
      return assertNever(kind);
  }
}

function modifierBits(modifiers: readonly TokenModifier[]): number {
  let bits = 0;
  for (const modifier of modifiers) bits |= 1 << tokenModifiers.indexOf(modifier);
  return bits;
}
