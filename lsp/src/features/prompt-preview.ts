import { dirname } from 'node:path';
import {
  previewCallNotification,
  previewPromptsRequest,
  type PreviewCallParams,
  type PreviewPromptsParams,
  type PreviewPromptsResult,
} from '../preview-requests.js';
import { runPreview } from '../preview/run-preview.js';
import { uriToPath } from '../workspace.js';
import type { Feature } from './feature.js';

/**
 * `ot/previewPrompts`: each call's exact prompt for given inputs, from a dry run of the editor's
 * text (no backend is called) or, with `run: true`, from a real run whose calls are sent as
 * `ot/previewCall` as they finish. A newer preview of the same document aborts the older one.
 */
export const promptPreviewFeature: Feature = {
  capabilities: {},
  register(context) {
    const running = new Map<string, AbortController>();
    context.connection.onRequest(
      previewPromptsRequest,
      async (params: PreviewPromptsParams, token): Promise<PreviewPromptsResult> => {
        const key = `${params.uri}\0${params.run === true}`;
        running.get(key)?.abort();
        const controller = new AbortController();
        running.set(key, controller);
        token.onCancellationRequested(() => controller.abort());
        const path = uriToPath(params.uri);
        const text = context.workspace.readFile(path) ?? '';
        try {
          return await runPreview({
            path,
            text,
            readFile: (file) => context.workspace.readFile(file),
            inputs: params.inputs ?? {},
            cwd: params.cwd ?? dirname(path),
            run: params.run === true,
            signal: controller.signal,
            onCall: (call) => {
              if (params.run !== true) return;
              const notification: PreviewCallParams = {
                uri: params.uri,
                runId: params.runId ?? null,
                call,
              };
              void context.connection.sendNotification(previewCallNotification, notification);
            },
          });
        } finally {
          if (running.get(key) === controller) running.delete(key);
        }
      },
    );
  },
};
