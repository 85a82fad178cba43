import type { CodeLens } from 'vscode-languageserver';
import { Superseded } from '../program/program-service.js';
import type { Feature } from './feature.js';

/** The commands the code lenses name; the VS Code extension implements them. */
export const runFlowCommand = 'ot.runFlow';
export const showPlanCommand = 'ot.showPlan';

/**
 * Code lenses "Run" and "Plan" on the first line of every document. They carry the document's
 * URI; the editor's client turns them into its own commands (the VS Code extension asks for the
 * inputs and runs the flow, or shows the plan's graph).
 */
export const codeLensFeature: Feature = {
  capabilities: { codeLensProvider: { resolveProvider: false } },
  register(context) {
    context.connection.onCodeLens(async (params) => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return null;
      let inputs: string[];
      try {
        inputs = Object.keys((await context.workspace.check(document)).inputs);
      } catch (error) {
        if (error instanceof Superseded) return null;
        throw error;
      }
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const lenses: CodeLens[] = [
        {
          range,
          command: {
            title: inputs.length > 0 ? `▶ Run (${inputs.join(', ')})` : '▶ Run',
            command: runFlowCommand,
            arguments: [document.uri],
          },
        },
        { range, command: { title: 'Plan', command: showPlanCommand, arguments: [document.uri] } },
      ];
      return lenses;
    });
  },
};
