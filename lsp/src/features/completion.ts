import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  builtinNames,
  builtinSignatures,
  nunjucksFilterNames,
  nunjucksTestNames,
  type BuiltinName,
} from 'ot-lang/tools';
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionParams,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { cursorContext, type CursorContext, type OpenCall } from '../analysis/cursor-context.js';
import { variableDetail } from '../analysis/describe-variable.js';
import type { DocumentAnalysis } from '../analysis/document-analysis.js';
import { frontMatterKeys, inputTypeNames } from '../analysis/front-matter.js';
import { variablesVisibleAt, type Variable } from '../analysis/symbols.js';
import { builtinDocs, keywordDocs } from '../docs/builtin-docs.js';
import { loopAttributes, tagSnippets } from '../docs/tags.js';
import { uriToPath } from '../workspace.js';
import { assertNever } from '../assert-never.js';
import type { Feature, FeatureContext } from './feature.js';
import { flowInputItems } from './flow-input-completion.js';

/**
 * Completion, by where the cursor is (read from the text, so it works while the template is
 * broken): tag names after `{%`; variables in scope in expressions; builtins and their keyword
 * arguments in call blocks; filters after `|`; tests after `is`; schema names in
 * `generate_object(schema="…")`; file paths in `include` and `flow()`; front matter keys.
 */
export const completionFeature: Feature = {
  capabilities: {
    completionProvider: {
      triggerCharacters: ['%', '{', '<', '|', ' ', '(', ',', '"', "'", '/', '.'],
    },
  },
  register(context) {
    context.connection.onCompletion((params) => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return [];
      return complete(context, document, params);
    });
  },
};

function complete(
  context: FeatureContext,
  document: TextDocument,
  params: CompletionParams,
): CompletionItem[] {
  const text = document.getText();
  const offset = document.offsetAt(params.position);
  const cursor = cursorContext(text, offset);
  const snippets = context.client.textDocument?.completion?.completionItem?.snippetSupport === true;
  const replace = (start: number): Range => ({
    start: document.positionAt(start),
    end: params.position,
  });
  switch (cursor.kind) {
    case 'text':
    case 'comment':
      return [];
    case 'frontMatter':
      return frontMatterItems(text, cursor);
    case 'tagName':
      return tagItems(text, offset, snippets, replace(cursor.prefixStart));
    case 'filter':
      return [...nunjucksFilterNames].sort().map((name) => ({
        label: name,
        kind: CompletionItemKind.Function,
        detail: 'filter',
        textEdit: { range: replace(cursor.prefixStart), newText: name },
      }));
    case 'test':
      return [...nunjucksTestNames].sort().map((name) => ({
        label: name,
        kind: CompletionItemKind.Function,
        detail: 'test',
        textEdit: { range: replace(cursor.prefixStart), newText: name },
      }));
    case 'string':
      return stringItems(context, document, cursor, replace(cursor.contentStart));
    case 'expression': {
      // On a large file that just changed, the previous analysis answers (see Workspace).
      const query = context.workspace.queryAnalysis(document);
      const at = query.toAnalysis(cursor.prefixStart);
      const [analysis, analysisOffset] =
        at === null ? [context.workspace.analysis(document), offset] : [query.analysis, at];
      const range = replace(cursor.prefixStart);
      return [
        ...flowInputItems(context, analysis, cursor, range),
        ...expressionItems(analysis, analysisOffset, cursor, snippets, range),
      ];
    }
    default:
      return assertNever(cursor);
  }
}

function expressionItems(
  analysis: DocumentAnalysis,
  offset: number,
  cursor: Extract<CursorContext, { kind: 'expression' }>,
  snippets: boolean,
  range: Range,
): CompletionItem[] {
  if (cursor.afterDot) {
    // Only `loop` has attributes known before the template runs.
    if (cursor.dotted !== 'loop') return [];
    return loopAttributes.map((attribute) => ({
      label: attribute.name,
      kind: CompletionItemKind.Property,
      documentation: attribute.doc,
      textEdit: { range, newText: attribute.name },
    }));
  }
  const items: CompletionItem[] = [];
  const shadowed = analysis.symbols.shadowedBuiltins;
  // `offset` is in the analysis's text, which may be the previous version's.
  if (cursor.call) items.push(...keywordItems(cursor.call, shadowed, range));
  for (const variable of variablesVisibleAt(analysis.symbols, offset)) {
    items.push(variableItem(variable, range));
  }
  // Builtins are offered only in call blocks: anywhere else a call is an error (calls must be visible).
  if (cursor.island === 'call') {
    for (const name of builtinNames) {
      if (shadowed.has(name)) continue;
      items.push(builtinItem(name, snippets, range));
    }
  }
  return items;
}

function variableItem(variable: Variable, range: Range): CompletionItem {
  const macro = variable.bindings.some((binding) => binding.kind === 'macro');
  const callable = macro || variable.implicit === 'global' || variable.implicit === 'caller';
  return {
    label: variable.name,
    kind: callable ? CompletionItemKind.Function : CompletionItemKind.Variable,
    detail: variableDetail(variable),
    sortText: `1${variable.name}`,
    textEdit: { range, newText: variable.name },
  };
}

function builtinItem(name: BuiltinName, snippets: boolean, range: Range): CompletionItem {
  return {
    label: name,
    kind: CompletionItemKind.Function,
    detail: `builtin → ${builtinDocs[name].result}`,
    documentation: { kind: MarkupKind.Markdown, value: builtinDocs[name].doc },
    sortText: `2${name}`,
    textEdit: { range, newText: snippets ? `${name}($0)` : name },
    insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
}

/** `temperature=`, `max_tokens=`… for the builtin whose parentheses are open, minus those given. */
function keywordItems(
  call: OpenCall,
  shadowed: ReadonlySet<string>,
  range: Range,
): CompletionItem[] {
  const builtin = call.callee;
  if (builtin === null || !isBuiltin(builtin) || shadowed.has(builtin)) return [];
  if (call.keyword !== null) return [];
  const signature = builtinSignatures[builtin];
  return Object.keys(signature.keywords)
    .filter((name) => !call.keywordsGiven.includes(name))
    .map((name) => ({
      label: `${name}=`,
      kind: CompletionItemKind.Property,
      detail: `${builtin} argument${signature.required.includes(name) ? ' (required)' : ''}`,
      documentation: keywordDocs[name],
      sortText: `0${name}`,
      filterText: name,
      textEdit: { range, newText: `${name}=` },
    }));
}

function tagItems(text: string, offset: number, snippets: boolean, range: Range): CompletionItem[] {
  // An editor that auto-closes `{%` has already written the `%}`: the snippet must not add one.
  const closed = /^[ \t]*-?%\}/.test(text.slice(offset, offset + 40));
  return tagSnippets.map((tag, index) => {
    const body = snippets ? tag.snippet : tag.name.replace(/ \(.*\)$/, '');
    const newText = snippets ? `${body}${closed ? '' : ' %}'}` : body;
    return {
      label: tag.name,
      kind:
        snippets && body.includes('{%') ? CompletionItemKind.Snippet : CompletionItemKind.Keyword,
      documentation: tag.doc,
      filterText: tag.name.replace(/ \(.*\)$/, ''),
      sortText: `${tag.inner ? '1' : '0'}${String(index).padStart(2, '0')}`,
      textEdit: { range, newText: closed && snippets ? `${newText} ` : newText },
      insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    };
  });
}

function stringItems(
  context: FeatureContext,
  document: TextDocument,
  cursor: Extract<CursorContext, { kind: 'string' }>,
  range: Range,
): CompletionItem[] {
  const call = cursor.call;
  if (call?.callee === 'generate_object' && call.keyword === 'schema') {
    const analysis = context.workspace.analysis(document);
    return (analysis.frontMatter?.schemas ?? []).map((schema) => ({
      label: schema.name,
      kind: CompletionItemKind.Struct,
      detail: 'schema',
      documentation: {
        kind: MarkupKind.Markdown,
        value: `\`\`\`yaml\n${schema.valueText}\n\`\`\``,
      },
      textEdit: { range, newText: schema.name },
    }));
  }
  const flowPath =
    call?.callee === 'flow' &&
    ((call.keyword === null && call.argIndex === 0) || call.keyword === 'path');
  if (cursor.includePath || flowPath) return pathItems(document, cursor.prefix, range);
  if (cursor.island === 'tag' && cursor.tag === 'role' && call === null) return roleItems(range);
  return [];
}

/** The roles of `{% role "…" %}` (LANGUAGE.md §5; `model` is an alias of `assistant`). */
const ROLES = [
  ['system', 'instructions for the model'],
  ['user', "the user's turn (text outside any role block)"],
  ['assistant', "the model's turn"],
  ['model', 'an alias of `assistant`'],
] as const;

function roleItems(range: Range): CompletionItem[] {
  return ROLES.map(([role, doc], index) => ({
    label: role,
    kind: CompletionItemKind.EnumMember,
    detail: 'role',
    documentation: { kind: MarkupKind.Markdown, value: doc },
    sortText: String(index),
    textEdit: { range, newText: role },
  }));
}

/** The `.ot` files and folders next to the path typed so far (relative to the document's folder). */
function pathItems(document: TextDocument, typed: string, range: Range): CompletionItem[] {
  if (!document.uri.startsWith('file:')) return [];
  const slash = typed.lastIndexOf('/');
  const folderPart = slash >= 0 ? typed.slice(0, slash + 1) : '';
  const folder = join(dirname(uriToPath(document.uri)), folderPart);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const items: CompletionItem[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    let directory = false;
    try {
      directory = statSync(join(folder, name)).isDirectory();
    } catch {
      continue;
    }
    if (!directory && !name.endsWith('.ot')) continue;
    const newText = `${folderPart}${name}${directory ? '/' : ''}`;
    items.push({
      label: directory ? `${name}/` : name,
      kind: directory ? CompletionItemKind.Folder : CompletionItemKind.File,
      textEdit: { range, newText },
      // Typing on into a folder asks again.
      ...(directory
        ? { command: { title: 'suggest', command: 'editor.action.triggerSuggest' } }
        : {}),
    });
  }
  return items;
}

function frontMatterItems(
  text: string,
  cursor: Extract<CursorContext, { kind: 'frontMatter' }>,
): CompletionItem[] {
  const line = cursor.linePrefix;
  const lineRange = (start: number): Range => {
    const before = text.slice(0, cursor.lineStart + start);
    const lineNumber = (before.match(/\n/g) ?? []).length;
    return {
      start: { line: lineNumber, character: start },
      end: { line: lineNumber, character: line.length },
    };
  };
  // A top-level key being typed.
  const key = /^([A-Za-z_]*)$/.exec(line);
  if (key) {
    const present = new Set(
      [...text.slice(0, text.indexOf('\n---', 3) + 1).matchAll(/^([A-Za-z_]+):/gm)].map(
        (m) => m[1],
      ),
    );
    return frontMatterKeys
      .filter((entry) => !present.has(entry.key))
      .map((entry) => ({
        label: entry.key,
        kind: CompletionItemKind.Property,
        documentation: { kind: MarkupKind.Markdown, value: entry.doc },
        textEdit: { range: lineRange(0), newText: `${entry.key}: ` },
      }));
  }
  const parent = parentKey(text, cursor.lineStart);
  // `input:` → `  name: type`: the short types.
  const typed = /^\s+[A-Za-z_][A-Za-z0-9_]*:\s*([A-Za-z]*)$/.exec(line);
  if (parent === 'input' && typed) {
    return inputTypeNames.map((name) => ({
      label: name,
      kind: CompletionItemKind.TypeParameter,
      textEdit: { range: lineRange(line.length - typed[1]!.length), newText: name },
    }));
  }
  // `defaults:` → `  builtin:`.
  const nested = /^(\s+)([A-Za-z_]*)$/.exec(line);
  if (parent === 'defaults' && nested) {
    return builtinNames
      .filter((name) => name !== 'flow')
      .map((name) => ({
        label: name,
        kind: CompletionItemKind.Function,
        textEdit: { range: lineRange(nested[1]!.length), newText: `${name}: ` },
      }));
  }
  return [];
}

/** The top-level key whose block a front matter line is in. */
function parentKey(text: string, lineStart: number): string | null {
  const before = text.slice(0, lineStart).split('\n').reverse();
  for (const line of before) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*):/.exec(line);
    if (match) return match[1]!;
  }
  return null;
}

function isBuiltin(name: string): name is BuiltinName {
  return (builtinNames as readonly string[]).includes(name);
}
