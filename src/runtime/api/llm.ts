import type { GenerationArgs, Message } from '../../backends/backend.js';
import type { JsonSchema } from '../../ir/ir.js';
import { CallContext } from '../call-context.js';
import { CallError } from '../call-error.js';
import { currentRegistry } from '../registry/current.js';
import type { BuiltinImplementations, CallInfo, RoutedBuiltin } from '../registry/types.js';
import type { RunContext } from '../run-context.js';
import { Executable, resolveValue, type Awaitable } from './executable.js';
import { withDefaults } from './with-defaults.js';

/** Options of `llm.generateText` and friends: sampling arguments in the language's spelling. */
export type GenerateOptions = GenerationArgs;

/** The backend a TypeScript call runs on: the run's choice, else the registry's default. */
function callContextFor(run: RunContext): CallContext {
  return new CallContext(run, () => {
    const name = run.backendName ?? run.registry.defaultBackend;
    const backend = name ? run.registry.backends[name] : undefined;
    if (!backend) {
      const known = Object.keys(run.registry.backends);
      throw new Error(
        name
          ? `unknown backend \`${name}\`; registered: ${known.join(', ') || 'none'}`
          : 'no backend: register one with backend.register() or configure the builtin',
      );
    }
    return backend;
  });
}

/**
 * Runs one builtin call made from TypeScript; a failure becomes a CallError naming the builtin
 * and the backend, with what failed underneath as its `cause` (as a template call's does).
 */
async function callFromTypeScript<T>(
  builtin: RoutedBuiltin,
  run: RunContext,
  body: (context: CallContext) => Promise<T>,
): Promise<T> {
  const context = callContextFor(run);
  try {
    return await body(context);
  } catch (error) {
    if (error instanceof CallError) throw error;
    const backend =
      context.backendIfResolved?.name ?? run.backendName ?? run.registry.defaultBackend ?? 'none';
    throw new CallError({ builtin, backend, site: null, cause: error });
  }
}

function infoFor(run: RunContext): CallInfo {
  return { sample: run.sample, location: '' };
}

/** A builtin of `llm` with OneTwo's `configure`. */
type Configurable<F> = F & {
  /** Routes this builtin in the current registry to `impl`, with default options under the call's. */
  configure(impl: ConfiguredImpl<F>, defaults?: GenerationArgs): void;
};

type ConfiguredImpl<F> = F extends (...args: infer A) => Executable<infer R>
  ? (...args: { [K in keyof A]: Exclude<A[K], Executable<unknown>> }) => Promise<R> | R
  : never;

function configurable<K extends RoutedBuiltin, F extends (...args: never[]) => Executable<unknown>>(
  builtin: K,
  fn: F,
  adapt: (impl: ConfiguredImpl<F>, defaults: GenerationArgs) => BuiltinImplementations[K],
): Configurable<F> {
  const result = fn as Configurable<F>;
  result.configure = (impl, defaults = {}) => {
    currentRegistry().builtins[builtin] = adapt(impl, defaults);
  };
  return result;
}

const generateText = configurable(
  'generate_text',
  (prompt: Awaitable<string>, options: GenerateOptions = {}) =>
    new Executable<string>(async (run) => {
      const text = await resolveValue(prompt, run);
      return callFromTypeScript('generate_text', run, (context) =>
        run.registry.builtins.generate_text({ prompt: text, options, info: infoFor(run) }, context),
      );
    }),
  (impl, defaults) => async (request) =>
    impl(request.prompt, withDefaults(defaults, request.options)),
);

const generateTexts = configurable(
  'generate_texts',
  (prompt: Awaitable<string>, samples: number, options: GenerateOptions = {}) =>
    new Executable<string[]>(async (run) => {
      const text = await resolveValue(prompt, run);
      return callFromTypeScript('generate_texts', run, (context) =>
        run.registry.builtins.generate_texts(
          { prompt: text, samples, options, info: infoFor(run) },
          context,
        ),
      );
    }),
  (impl, defaults) => async (request) =>
    impl(request.prompt, request.samples, withDefaults(defaults, request.options)),
);

const generateObject = configurable(
  'generate_object',
  (prompt: Awaitable<string>, schema: JsonSchema, options: GenerateOptions = {}) =>
    new Executable<unknown>(async (run) => {
      const text = await resolveValue(prompt, run);
      return callFromTypeScript('generate_object', run, (context) =>
        run.registry.builtins.generate_object(
          { prompt: text, schema, options, info: infoFor(run) },
          context,
        ),
      );
    }),
  (impl, defaults) => async (request) =>
    impl(request.prompt, request.schema, withDefaults(defaults, request.options)),
);

const select = configurable(
  'select',
  (prompt: Awaitable<string>, choices: string[], options: GenerateOptions = {}) =>
    new Executable<string>(async (run) => {
      const text = await resolveValue(prompt, run);
      return callFromTypeScript('select', run, (context) =>
        run.registry.builtins.select(
          { prompt: text, choices, options, info: infoFor(run) },
          context,
        ),
      );
    }),
  (impl, defaults) => async (request) =>
    impl(request.prompt, request.choices, withDefaults(defaults, request.options)),
);

const instruct = configurable(
  'instruct',
  (prompt: Awaitable<string>, options: GenerateOptions & { assistantPrefix?: string } = {}) =>
    new Executable<string>(async (run) => {
      const text = await resolveValue(prompt, run);
      const { assistantPrefix, ...rest } = options;
      return callFromTypeScript('instruct', run, (context) =>
        run.registry.builtins.instruct(
          {
            prompt: text,
            assistantPrefix: assistantPrefix ?? null,
            options: rest,
            info: infoFor(run),
          },
          context,
        ),
      );
    }),
  (impl, defaults) => async (request) =>
    impl(request.prompt, {
      ...withDefaults(defaults, request.options),
      ...(request.assistantPrefix !== null ? { assistantPrefix: request.assistantPrefix } : {}),
    }),
);

const chat = configurable(
  'chat',
  (messages: Awaitable<Message[]>, options: GenerateOptions = {}) =>
    new Executable<string>(async (run) => {
      const list = await resolveValue(messages, run);
      return callFromTypeScript('chat', run, (context) =>
        run.registry.builtins.chat({ messages: list, options, info: infoFor(run) }, context),
      );
    }),
  (impl, defaults) => async (request) =>
    impl(request.messages, withDefaults(defaults, request.options)),
);

/** The model builtins as executables, in TypeScript spelling (OneTwo's `llm` module). */
export const llm = { generateText, generateTexts, generateObject, select, instruct, chat };
