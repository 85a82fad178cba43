import type { TokenUsage } from '../backends/backend.js';
import type { OrderKey } from './source-order.js';

/**
 * What a run tells a live display about its model calls, in the order they happen. `id`s count
 * from 0 in the order the calls start (independent calls may start before earlier ones);
 * `order` on `start` sorts the calls in source order. Every `start` is followed by any number
 * of `delta`s (the reply's text as it streams), then one `end` or `error`.
 */
export type CallStreamEvent =
  | {
      type: 'start';
      id: number;
      /** The builtin, as in the trace (`generate_text`, `chat`…). */
      builtin: string;
      /** `flow.ot:3:5`, or '' for calls made from TypeScript. */
      location: string;
      backend: string;
      /**
       * The call's place in source order (the order a sequential run makes the calls in):
       * compare keys element by element, a shorter prefix first (`compareOrder`).
       */
      order: OrderKey;
    }
  | { type: 'delta'; id: number; text: string }
  | {
      type: 'end';
      id: number;
      /** The call's result (a string for the text builtins). */
      result: unknown;
      /** Replayed from the cache or joined to an identical call: no deltas came before it. */
      cached: boolean;
      /** The tokens the backend reported, when it did. */
      usage?: TokenUsage;
    }
  | { type: 'error'; id: number; message: string };

/** Receives a run's call stream events. */
export type CallStreamSink = (event: CallStreamEvent) => void;
