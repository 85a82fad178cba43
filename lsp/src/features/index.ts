import { codeLensFeature } from './code-lens.js';
import { completionFeature } from './completion.js';
import { definitionFeature } from './definition.js';
import { diagnosticsFeature } from './diagnostics.js';
import { documentSymbolsFeature } from './document-symbols.js';
import type { Feature } from './feature.js';
import { flowRequestsFeature } from './flow-requests.js';
import { foldingRangesFeature } from './folding-ranges.js';
import { formattingFeature } from './formatting.js';
import { hoverFeature } from './hover.js';
import { planHintsFeature } from './plan-hints.js';
import { promptPreviewFeature } from './prompt-preview.js';
import { quickFixesFeature } from './quick-fixes.js';
import { referencesFeature } from './references.js';
import { renameFeature } from './rename.js';
import { semanticTokensFeature } from './semantic-tokens.js';
import { signatureHelpFeature } from './signature-help.js';
import { watchedFilesFeature } from './watched-files.js';

/** Every feature of the server, each a provider in its own file. */
export const features: readonly Feature[] = [
  diagnosticsFeature,
  completionFeature,
  hoverFeature,
  definitionFeature,
  referencesFeature,
  renameFeature,
  documentSymbolsFeature,
  foldingRangesFeature,
  semanticTokensFeature,
  formattingFeature,
  planHintsFeature,
  codeLensFeature,
  flowRequestsFeature,
  promptPreviewFeature,
  signatureHelpFeature,
  quickFixesFeature,
  watchedFilesFeature,
];

export type { Feature, FeatureContext, ServerSettings } from './feature.js';
