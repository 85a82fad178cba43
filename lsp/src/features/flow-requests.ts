import { loadProgram, printPlanMermaid, printPlanText, plan as planProgram } from 'ot-lang';
import type { LoadedProgram, Plan } from 'ot-lang';
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
    context.connection.onRequest(flowInputsRequest, (params: DocumentRequestParams): FlowInputsResult => {
      const { loaded } = programOf(context, params.uri);
      const template = loaded.program.templates[loaded.program.entry];
      const meta = template?.meta;
      return {
        description: meta?.description ?? null,
        inputs: Object.entries(meta?.inputs ?? {}).map(([name, spec]) => ({
          name,
          schema: spec.schema,
          required: spec.required,
          ...(spec.required ? {} : { default: spec.default }),
        })),
        errors: loaded.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
      };
    });
    context.connection.onRequest(planRequest, (params: PlanRequestParams): PlanResult => {
      const { loaded, plan } = programOf(context, params.uri);
      const print = params.format === 'mermaid' ? printPlanMermaid : printPlanText;
      return { text: print(plan(), loaded.sources) };
    });
  },
};

function programOf(context: FeatureContext, uri: string): { loaded: LoadedProgram; plan: () => Plan } {
  const document = context.documents.get(uri);
  if (document) return context.workspace.program(document);
  const loaded = loadProgram(uriToPath(uri), { readFile: (path) => context.workspace.readFile(path) });
  return { loaded, plan: () => planProgram(loaded.program) };
}
