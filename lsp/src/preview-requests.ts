/**
 * The prompt preview's request and notification (beyond LSP): each call's exact prompt in run
 * order, from a dry run (cached replies replayed, placeholders for the others) or, when asked,
 * from a real run. The VS Code extension's "ot: Preview prompts" panel uses them; any client may.
 */

/** `ot/previewPrompts`: the calls of one run of a flow, dry unless `run` is true. */
export const previewPromptsRequest = 'ot/previewPrompts';

/** `ot/previewCall`: one call of a real run (`run: true`), sent as soon as its reply is known. */
export const previewCallNotification = 'ot/previewCall';

/** Parameters of `ot/previewPrompts`. */
export interface PreviewPromptsParams {
  uri: string;
  /** The inputs; a declared input left out takes its default (or, when required, a marked placeholder). */
  inputs?: Record<string, unknown>;
  /** Where `.ot-cache/` is when the config names no cache (the CLI's working directory); default the flow's directory. */
  cwd?: string;
  /** Call the backends for the calls the cache misses (the panel's Run); default false: a dry run. */
  run?: boolean;
  /** Echoed in each `ot/previewCall` of this run, so a client can tell runs apart. */
  runId?: string;
}

/** How a call's reply was found. */
export type PreviewCallStatus =
  /** From the cache: the reply the flow would use. */
  | 'cached'
  /** Not cached, dry run: the reply is a marked placeholder (`<generate_text flow.ot:3:5>`). */
  | 'placeholder'
  /** Not cached, real run: the backend's reply. */
  | 'called'
  /** The call failed (its error is set). */
  | 'failed';

/** One call sample of the run. */
export interface PreviewCall {
  builtin: string;
  /** `file:line:column` of the call block. */
  location: string;
  /** The call block's file and 0-based line, when the location names them. */
  path: string | null;
  line: number | null;
  backend: string;
  sample: string;
  /** The prompt (prompt builtins) or the messages (chat builtins): exactly what the backend would get. */
  prompt: string | null;
  messages: { role: string; content: string }[] | null;
  status: PreviewCallStatus;
  /** The reply as the flow sees it (a placeholder's text in a dry run's miss); null when it failed. */
  reply: unknown;
  error?: string;
}

/** What `ot/previewPrompts` returns. */
export interface PreviewPromptsResult {
  /** True for a real run. */
  ran: boolean;
  /** Every call sample, in the order the calls started. */
  calls: PreviewCall[];
  /** The rendered text (with placeholders in a dry run); null when the flow stopped. */
  text: string | null;
  /** Why the flow stopped before its end (errors in the file, a bad input, a failed call); null when it ran through. */
  error: string | null;
  /** Required inputs that were not given and stand as placeholders (`<input topic>`). */
  placeholderInputs: string[];
}

/** Parameters of `ot/previewCall`. */
export interface PreviewCallParams {
  uri: string;
  runId: string | null;
  call: PreviewCall;
}
