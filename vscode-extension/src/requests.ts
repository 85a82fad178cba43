/**
 * The language server's own requests (lsp/src/requests.ts), as the client sends them. Only the
 * shapes are repeated here: the extension talks to the server over the protocol, never by import.
 */

/** `ot/flowInputs`: the inputs a flow declares. */
export const flowInputsRequest = 'ot/flowInputs';

/** One declared input. */
export interface FlowInput {
  name: string;
  schema: unknown;
  required: boolean;
  default?: unknown;
}

/** What `ot/flowInputs` returns. */
export interface FlowInputsResult {
  description: string | null;
  inputs: FlowInput[];
  errors: number;
}

/** `ot/plan`: the plan as text or Mermaid. */
export const planRequest = 'ot/plan';

/** What `ot/plan` returns. */
export interface PlanResult {
  text: string;
}
