import type { ImageData, Message } from '../backends/backend.js';

/**
 * An image as the trace records it: its media type, digest and size (or its URL), never its
 * bytes, so a trace stays small and holds no picture.
 */
export type TraceImage =
  { media_type: string; sha256: string; bytes: number } | { media_type: string; url: string };

/** A chat message as the trace records it. */
export interface TraceMessage {
  role: Message['role'];
  content: string;
  /** Present only when the message carries images. */
  images?: TraceImage[];
}

/** Messages in the trace's form (images by digest, as in `TraceImage`). */
export function traceMessages(messages: readonly Message[] | null): TraceMessage[] | null {
  if (messages === null) return null;
  return messages.map(({ role, content, images }) =>
    images && images.length > 0
      ? { role, content, images: images.map(traceImage) }
      : { role, content },
  );
}

function traceImage(image: ImageData): TraceImage {
  if (image.kind === 'url') return { media_type: image.mediaType, url: image.url };
  const padding = image.base64.endsWith('==') ? 2 : image.base64.endsWith('=') ? 1 : 0;
  return {
    media_type: image.mediaType,
    sha256: image.sha256,
    bytes: (image.base64.length / 4) * 3 - padding,
  };
}

/** One line of `--trace` (ARCHITECTURE.md §4): one per sample a call asks for. */
export interface TraceEvent {
  builtin: string;
  prompt: string | null;
  messages: TraceMessage[] | null;
  args: Record<string, unknown>;
  result: unknown;
  /** True when the result came from the cache or from an identical call in flight. */
  cached: boolean;
  sample: string;
  backend: string;
  /** Milliseconds since the run began. */
  start_ms: number;
  end_ms: number;
  /** `file:line:col` of the call block. */
  location: string;
  /** Why the call failed (its `result` is then null); absent for a call that succeeded. */
  error?: string;
  /** Set (to `length`) when the reply was cut off at the token limit; absent otherwise. */
  finish_reason?: string;
  /** What was wrong without failing the call (a cut-off reply, a rejected cache entry); absent otherwise. */
  warning?: string;
  /**
   * The tokens the backend reported; for a cached call, those reported when it was made (so
   * counts do not depend on the cache). Absent when unknown (a dry run's miss, an old entry).
   */
  usage?: { input_tokens: number; output_tokens: number };
  /** What this run paid for the call in USD: 0 when cached; absent without usage or a `price`. */
  cost_usd?: number;
  /** Cached calls only: what the call would have cost, which the cache saved (needs a `price`). */
  saved_usd?: number;
}

/** Receives trace events in completion order. */
export type TraceSink = (event: TraceEvent) => void;
