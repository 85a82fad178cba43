import {
  CodeActionKind,
  TextDocumentSyncKind,
  type ServerCapabilities,
} from 'vscode-languageserver';

/**
 * What the server announces in its `initialize` answer. It is written out here rather than
 * gathered from `features/` because the server answers `initialize` before it loads them (they
 * pull in the parser and the analysis, most of its start-up time); test/lsp/start-up.test.ts
 * checks that it equals what the features declare.
 */
export const serverCapabilities: ServerCapabilities = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  completionProvider: {
    triggerCharacters: ['%', '{', '<', '|', ' ', '(', ',', '"', "'", '/', '.'],
  },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  semanticTokensProvider: {
    legend: {
      tokenTypes: ['variable', 'parameter', 'property', 'function'],
      tokenModifiers: ['declaration', 'readonly', 'defaultLibrary', 'callResult'],
    },
    full: true,
    range: false,
  },
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  inlayHintProvider: true,
  codeLensProvider: { resolveProvider: false },
  signatureHelpProvider: { triggerCharacters: ['(', ','] },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
};
