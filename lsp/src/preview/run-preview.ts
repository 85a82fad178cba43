import { dirname } from 'node:path';
import type { LoadedProgram, OtConfig, TraceEvent } from 'ot-lang';
import type { PreviewCall, PreviewCallStatus, PreviewPromptsResult } from '../preview-requests.js';

/** What one preview runs: a flow's text (the editor's buffer) and the files it may read. */
export interface PreviewJob {
  path: string;
  text: string;
  /** Reads another file: an open buffer, else the disk. */
  readFile: (path: string) => string | undefined;
  inputs: Record<string, unknown>;
  /** Where `.ot-cache/` is when the config names no cache. */
  cwd: string;
  /** Call backends on a cache miss (true) or give placeholders (false). */
  run: boolean;
  signal: AbortSignal;
  /** Receives each call as its reply is known, in completion order. */
  onCall?: (call: PreviewCall) => void;
}

/**
 * Runs a flow as `ot run --dry-run` does (or for real, when `job.run`), with the CLI's config,
 * backends and cache, and gives each call's exact prompt in the order the calls started. The
 * runtime is imported on the first preview only, so the server starts without it.
 */
export async function runPreview(job: PreviewJob): Promise<PreviewPromptsResult> {
  const ot = await import('ot-lang');
  const result: PreviewPromptsResult = {
    ran: job.run,
    calls: [],
    text: null,
    error: null,
    placeholderInputs: [],
  };
  const loaded: LoadedProgram = ot.loadProgram(job.path, {
    source: job.text,
    readFile: job.readFile,
  });
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    result.error = `the flow has ${errors.length} error${errors.length === 1 ? '' : 's'}: ${errors[0]!.code} ${errors[0]!.message}`;
    return result;
  }
  const entry = loaded.program.templates[loaded.program.entry]!;
  const inputs = { ...job.inputs };
  for (const [name, spec] of Object.entries(entry.meta.inputs)) {
    if (inputs[name] !== undefined || !spec.required || !takesText(spec.schema)) continue;
    inputs[name] = `<input ${name}>`;
    result.placeholderInputs.push(name);
  }

  const warnings: string[] = [];
  const onWarning = (message: string) => warnings.push(message);
  let cache;
  try {
    const configPath = ot.findConfig(dirname(job.path));
    const config = configPath ? ot.loadConfig(configPath) : null;
    const registry = ot.createRegistry();
    registry.defaultBackend = config?.defaultBackend ?? null;
    cache = await ot.openCache(ot.cacheSettingSpec(config?.cache), { cwd: job.cwd, onWarning });
    const session = new ot.Session({ cache, signal: job.signal, dryRun: !job.run });
    const events: TraceEvent[] = [];
    const template = new ot.Template(loaded.program, loaded.sources, loaded.diagnostics, config);
    try {
      const ran = await ot.run(template.run(inputs), {
        registry,
        session,
        onWarning,
        trace: (event) => {
          events.push(event);
          job.onCall?.(previewCall(event, job.run));
        },
      });
      result.text = ran.text;
    } finally {
      result.calls = events
        .map((event, order) => ({ event, order }))
        .sort((a, b) => a.event.start_ms - b.event.start_ms || a.order - b.order)
        .map(({ event }) => previewCall(event, job.run));
    }
  } catch (error) {
    result.error = ot.isOtError(error)
      ? error.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')
      : error instanceof Error
        ? error.message
        : String(error);
  } finally {
    await cache?.close();
  }
  return result;
}

/** A trace event as the preview shows it. */
function previewCall(event: TraceEvent, run: boolean): PreviewCall {
  const where = /^(.*):(\d+):(\d+)$/.exec(event.location);
  const status: PreviewCallStatus =
    event.error !== undefined ? 'failed' : event.cached ? 'cached' : run ? 'called' : 'placeholder';
  return {
    builtin: event.builtin,
    location: event.location,
    path: where ? where[1]! : null,
    line: where ? Number(where[2]) - 1 : null,
    backend: event.backend,
    sample: event.sample,
    prompt: event.prompt,
    messages: event.messages,
    status,
    reply: event.result,
    ...(event.error !== undefined ? { error: event.error } : {}),
  };
}

/** Whether an input's schema takes a string, so a placeholder text may stand for it. */
function takesText(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return true;
  const type = (schema as { type?: unknown }).type;
  return type === undefined || type === 'string';
}
