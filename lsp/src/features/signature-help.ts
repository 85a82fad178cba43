import { builtinNames, builtinSignatures, type ast, type BuiltinName } from 'ot-lang/tools';
import {
  MarkupKind,
  type ParameterInformation,
  type SignatureHelp,
  type SignatureInformation,
} from 'vscode-languageserver';
import { cursorContext, type OpenCall } from '../analysis/cursor-context.js';
import type { DocumentAnalysis } from '../analysis/document-analysis.js';
import { flowTarget, inputIsRequired, inputTypeText } from '../analysis/flow-target.js';
import { variablesVisibleAt } from '../analysis/symbols.js';
import { builtinDocs, describeRule, keywordDocs } from '../docs/builtin-docs.js';
import type { Feature, FeatureContext } from './feature.js';

/** One parameter of a signature: its label in the signature line and what it means. */
interface Param {
  name: string;
  label: string;
  doc: string;
}

/**
 * Signature help inside the parentheses of a builtin (its parameters from the builtin registry),
 * a macro (its parameters and defaults) or `flow("x.ot", …)` (the called file's declared
 * inputs). The active parameter is the keyword being written, else the positional one.
 */
export const signatureHelpFeature: Feature = {
  capabilities: { signatureHelpProvider: { triggerCharacters: ['(', ','] } },
  register(context) {
    context.connection.onSignatureHelp((params) => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return null;
      const text = document.getText();
      const offset = document.offsetAt(params.position);
      const cursor = cursorContext(text, offset);
      if (cursor.kind !== 'expression' && cursor.kind !== 'string') return null;
      if (!cursor.call?.callee) return null;
      const analysis = context.workspace.analysis(document);
      return signatureOf(context, analysis, offset, cursor.call, cursor.island === 'call');
    });
  },
};

function signatureOf(
  context: FeatureContext,
  analysis: DocumentAnalysis,
  offset: number,
  call: OpenCall,
  inCallBlock: boolean,
): SignatureHelp | null {
  const callee = call.callee!;
  const macro = variablesVisibleAt(analysis.symbols, offset)
    .find((variable) => variable.name === callee)
    ?.bindings.find((binding) => binding.kind === 'macro')?.node;
  if (macro?.type === 'Macro') {
    const params = macroParams(analysis, macro);
    return help(callee, params, params.length, call, `macro \`${callee}\``);
  }
  if (!isBuiltin(callee) || analysis.symbols.shadowedBuiltins.has(callee)) return null;
  // A builtin outside a call block is an error (OT2002): its signature would only mislead.
  if (!inCallBlock) return null;
  if (callee === 'flow') return flowHelp(context, analysis, call);
  const positional = builtinSignatures[callee].positional.length;
  return help(
    callee,
    builtinParams(callee),
    positional,
    call,
    builtinDocs[callee].doc,
    builtinDocs[callee],
  );
}

function builtinParams(name: BuiltinName): Param[] {
  const signature = builtinSignatures[name];
  const names = [
    ...signature.positional,
    ...Object.keys(signature.keywords).filter((keyword) => !signature.positional.includes(keyword)),
  ];
  return names.map((param) => ({
    name: param,
    label: signature.required.includes(param) ? param : `${param}?`,
    doc: `${describeRule(signature.keywords[param]!)}${keywordDocs[param] ? ` — ${keywordDocs[param]}` : ''}`,
  }));
}

function macroParams(analysis: DocumentAnalysis, macro: ast.MacroNode): Param[] {
  return macro.params.map((param) => ({
    name: param.name.name,
    label: param.defaultValue
      ? `${param.name.name}=${analysis.text.slice(param.defaultValue.span.start, param.defaultValue.span.end)}`
      : param.name.name,
    doc: '',
  }));
}

/** `flow(path, input_a, input_b?)`: the callee's inputs, read from its front matter. */
function flowHelp(
  context: FeatureContext,
  analysis: DocumentAnalysis,
  call: OpenCall,
): SignatureHelp | null {
  const params: Param[] = [{ name: 'path', label: 'path', doc: keywordDocs['path'] ?? '' }];
  let doc = builtinDocs.flow.doc;
  if (call.firstString !== null) {
    const target = flowTarget(
      (path) => context.workspace.readFile(path),
      analysis.path,
      call.firstString,
    );
    if (target) {
      doc = target.analysis.frontMatter?.description ?? `Runs \`${call.firstString}\`.`;
      for (const input of target.inputs) {
        params.push({
          name: input.name,
          label: inputIsRequired(input) ? input.name : `${input.name}?`,
          doc: `input of \`${call.firstString}\`: \`${inputTypeText(input)}\``,
        });
      }
    }
  }
  return help('flow', params, 1, call, doc, builtinDocs.flow);
}

function help(
  name: string,
  params: Param[],
  positional: number,
  call: OpenCall,
  doc: string,
  result?: { result: string },
): SignatureHelp {
  const label = `${name}(${params.map((param) => param.label).join(', ')})${result ? ` → ${result.result}` : ''}`;
  // Offsets of each parameter in the label, so editors can underline the active one.
  const parameters: ParameterInformation[] = [];
  let at = name.length + 1;
  for (const param of params) {
    parameters.push({
      label: [at, at + param.label.length],
      ...(param.doc ? { documentation: { kind: MarkupKind.Markdown, value: param.doc } } : {}),
    });
    at += param.label.length + 2;
  }
  const signature: SignatureInformation = {
    label,
    documentation: { kind: MarkupKind.Markdown, value: doc },
    parameters,
  };
  return {
    signatures: [signature],
    activeSignature: 0,
    activeParameter: activeParam(params, positional, call),
  };
}

/**
 * The keyword being written, else the positional argument at the cursor (the first `positional`
 * parameters may be given by position); null when it is neither.
 */
function activeParam(params: Param[], positional: number, call: OpenCall): number | null {
  if (call.keyword !== null) {
    const index = params.findIndex((param) => param.name === call.keyword);
    return index >= 0 ? index : null;
  }
  return call.argIndex < positional ? call.argIndex : null;
}

function isBuiltin(name: string): name is BuiltinName {
  return (builtinNames as readonly string[]).includes(name);
}
