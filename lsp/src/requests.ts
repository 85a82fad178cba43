/**
 * The server's own requests, beyond LSP: what an editor's client needs to run a flow and show
 * its plan. The VS Code extension uses them; any client may.
 */

/** `ot/flowInputs`: the inputs a flow declares, to ask the user for them before a run. */
export const flowInputsRequest = 'ot/flowInputs';

/** Parameters of `ot/flowInputs` and `ot/plan`. */
export interface DocumentRequestParams {
  uri: string;
}

/** One declared input, as the front matter gives it. */
export interface FlowInput {
  name: string;
  /** The JSON Schema (short types normalised, e.g. `{type: 'string'}`). */
  schema: unknown;
  required: boolean;
  /** Present when there is a default. */
  default?: unknown;
}

/** What `ot/flowInputs` returns. */
export interface FlowInputsResult {
  description: string | null;
  inputs: FlowInput[];
  /** Errors that would stop a run before any call (a run would report them). */
  errors: number;
}

/** `ot/plan`: the parallel plan as text or as a Mermaid graph. */
export const planRequest = 'ot/plan';

/** Parameters of `ot/plan`. */
export interface PlanRequestParams extends DocumentRequestParams {
  format: 'text' | 'mermaid';
}

/** What `ot/plan` returns. */
export interface PlanResult {
  text: string;
}
