import { InlayHintKind, type InlayHint } from 'vscode-languageserver';
import { flowBlockPlans } from '../analysis/flow-block-plans.js';
import { callBlockPlans } from '../analysis/plan-summary.js';
import { contains } from '../analysis/span.js';
import { Superseded } from '../program/program-service.js';
import { uriToPath } from '../workspace.js';
import type { Feature } from './feature.js';

/**
 * The plan beside each call block, as an inlay hint after `>>`: its stage and how many other
 * calls run in the same stage (`stage 2 · runs with 3 others`); the tooltip says what each call
 * waits for. The plan is made on the worker thread.
 */
export const planHintsFeature: Feature = {
  capabilities: { inlayHintProvider: true },
  register(context) {
    context.connection.languages.inlayHint.on(async (params) => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return null;
      let plan;
      try {
        plan = await context.workspace.plan(document);
      } catch (error) {
        if (error instanceof Superseded) return null; // the editor asks again for the new version
        throw error;
      }
      // Offsets are only valid for the version the plan was made for.
      if (context.documents.get(document.uri)?.version !== document.version) return null;
      const start = document.offsetAt(params.range.start);
      const end = document.offsetAt(params.range.end);
      const hints: InlayHint[] = [];
      const path = uriToPath(document.uri);
      const blocks = callBlockPlans(plan, path);
      // Blocks that run a `flow()` (found in the parse, which only they need).
      if (plan.flows.some((flow) => flow.file === path)) {
        blocks.push(...flowBlockPlans(plan, path, context.workspace.analysis(document).ast));
        blocks.sort((a, b) => a.blockSpan.start - b.blockSpan.start);
      }
      for (const block of blocks) {
        if (!contains({ start, end }, block.blockSpan.end, true)) continue;
        hints.push({
          position: document.positionAt(block.blockSpan.end),
          label: block.label,
          kind: InlayHintKind.Parameter,
          paddingLeft: true,
          tooltip: block.detail.join('\n'),
        });
      }
      return hints;
    });
  },
};
