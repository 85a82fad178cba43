import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  flowInputsRequest,
  planRequest,
  type DocumentRequestParams,
  type FlowInputsResult,
  type PlanRequestParams,
  type PlanResult,
} from '../requests.js';
import { uriToPath } from '../workspace.js';
import type { Feature, FeatureContext } from './feature.js';

/**
 * The server's own requests (`ot/flowInputs`, `ot/plan`): a flow's declared inputs, and its plan
 * as text or Mermaid. An open document is used as the editor has it; another file is read from disk.
 */
export const flowRequestsFeature: Feature = {
  capabilities: {},
  register(context) {
    context.connection.onRequest(
      flowInputsRequest,
      async (params: DocumentRequestParams): Promise<FlowInputsResult> => {
        const checked = await context.workspace.check(documentOf(context, params.uri));
        return {
          description: checked.description,
          inputs: Object.entries(checked.inputs).map(([name, spec]) => ({
            name,
            schema: spec.schema,
            required: spec.required,
            ...(spec.required ? {} : { default: spec.default }),
          })),
          errors: checked.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
            .length,
        };
      },
    );
    context.connection.onRequest(
      planRequest,
      async (params: PlanRequestParams): Promise<PlanResult> => {
        const document = documentOf(context, params.uri);
        return {
          text: await context.workspace.printPlan(
            document,
            params.format === 'mermaid' ? 'mermaid' : 'text',
          ),
        };
      },
    );
  },
};

/** The open document, or the file as it is on disk (version -1: never the version of an open one). */
function documentOf(context: FeatureContext, uri: string): TextDocument {
  const open = context.documents.get(uri);
  if (open) return open;
  return TextDocument.create(uri, 'ot', -1, context.workspace.readFile(uriToPath(uri)) ?? '');
}
