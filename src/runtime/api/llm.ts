import type { Message } from '../../backends/backend.js';
import {
  fromGenerationArgs,
  toGenerationArgs,
  type CamelGenerationArgs,
} from '../../backends/option-names.js';
import type { JsonSchema } from '../../ir/ir.js';
import { CallContext } from '../call-context.js';
import { CallError } from '../call-error.js';
import { hasImages, requireImageSupport } from '../image-support.js';
import { loadImage, type ImageInput } from './image.js';
import { currentRegistry } from '../registry/current.js';
import type {
  BuiltinImplementations,
  CallInfo,
  GenerateTextRequest,
  RoutedBuiltin,
} from '../registry/types.js';
import type { RunContext } from '../run-context.js';
import { Executable, resolveValue, type Awaitable } from './executable.js';
import {
  isStandardSchema,
  jsonSchemaOf,
  syncProblems,
  validateOutput,
  type ObjectOf,
  type ObjectSchema,
} from './object-schema.js';
import { withDefaults } from './with-defaults.js';

/**
 * Options of `llm.generateText` and friends, camelCase (`maxTokens`, `topP`, `topK`); the `.ot`
 * spelling (`max_tokens`) is a type error here, as `maxTokens` is an OT2008 error in a `.ot`
 * file. The mapping is src/backends/option-names.ts.
 */
export type GenerateOptions = CamelGenerationArgs;

/** A chat message of the TypeScript API: its images are read when the call runs. */
export interface ChatMessage {
  role: Message['role'];
  content: string;
  images?: readonly ImageInput[];
}

/** `llm.generateText`'s options: sampling ones, and images sent after the prompt. */
export type GenerateTextOptions = GenerateOptions & { images?: readonly ImageInput[] };

/** `llm.instruct`'s options: a partial assistant reply to continue, besides the sampling ones. */
export type InstructOptions = GenerateOptions & {
  assistantPrefix?: string | null;
  assistant_prefix?: never;
};

/** `llm.generateObject`'s options: `jsonSchema` sends a schema the Standard Schema cannot give. */
export type GenerateObjectOptions = GenerateOptions & { jsonSchema?: JsonSchema };

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
type Configurable<F, I> = F & {
  /** Routes this builtin in the current registry to `impl`, with default options under the call's. */
  configure(impl: I, defaults?: GenerateOptions): void;
};

function configurable<K extends RoutedBuiltin, F, I>(
  builtin: K,
  fn: F,
  adapt: (impl: I, defaults: GenerateOptions) => BuiltinImplementations[K],
): Configurable<F, I> {
  const result = fn as Configurable<F, I>;
  result.configure = (impl, defaults = {}) => {
    currentRegistry().builtins[builtin] = adapt(impl, defaults);
  };
  return result;
}

/** A configured function's options: its defaults under the call's, in TypeScript spelling. */
function optionsFor(
  defaults: GenerateOptions,
  args: GenerateTextRequest['options'],
): GenerateOptions {
  return withDefaults(defaults, fromGenerationArgs(args));
}

/** What a configured function returns. */
type Reply<T> = Promise<T> | T;

const generateText = configurable(
  'generate_text',
  (prompt: Awaitable<string>, options: GenerateTextOptions = {}) =>
    new Executable<string>(async (run) => {
      const text = await resolveValue(prompt, run);
      const { images, ...rest } = options;
      return callFromTypeScript('generate_text', run, async (context) => {
        const args = toGenerationArgs(rest);
        if (!images || images.length === 0) {
          return run.registry.builtins.generate_text(
            { prompt: text, options: args, info: infoFor(run) },
            context,
          );
        }
        // A prompt with images is one user message (as any prompt is on a chat model).
        const messages = await withImages(
          [{ role: 'user', content: text, images }],
          'generate_text',
          context,
        );
        return run.registry.builtins.chat(
          { messages, options: args, info: { ...infoFor(run), traceAs: 'generate_text' } },
          context,
        );
      });
    }),
  (impl: (prompt: string, options: GenerateOptions) => Reply<string>, defaults) =>
    async (request) =>
      impl(request.prompt, optionsFor(defaults, request.options)),
);

const generateTexts = configurable(
  'generate_texts',
  (prompt: Awaitable<string>, samples: number, options: GenerateOptions = {}) =>
    new Executable<string[]>(async (run) => {
      const text = await resolveValue(prompt, run);
      return callFromTypeScript('generate_texts', run, (context) =>
        run.registry.builtins.generate_texts(
          { prompt: text, samples, options: toGenerationArgs(options), info: infoFor(run) },
          context,
        ),
      );
    }),
  (
    impl: (prompt: string, samples: number, options: GenerateOptions) => Reply<string[]>,
    defaults,
  ) =>
    async (request) =>
      impl(request.prompt, request.samples, optionsFor(defaults, request.options)),
);

/** Added to the prompt when a Standard Schema gives no JSON Schema to send. */
const JSON_IN_WORDS = '\n\nReply with one JSON value only, no other text.';

/**
 * `generate_object` with a typed result: a JSON Schema (`as const`: its type is inferred by
 * json-schema-to-ts) or a Standard Schema (zod 4, valibot, arktype: its output type, and its
 * own validator checks the reply before it is cached and again on replay).
 */
function generateObjectCall<const S extends ObjectSchema>(
  prompt: Awaitable<string>,
  schema: S,
  options: GenerateObjectOptions = {},
): Executable<ObjectOf<S>> {
  return new Executable<ObjectOf<S>>(async (run) => {
    const text = await resolveValue(prompt, run);
    const { jsonSchema, ...rest } = options;
    return callFromTypeScript('generate_object', run, async (context) => {
      const args = toGenerationArgs(rest);
      if (!isStandardSchema(schema)) {
        return (await run.registry.builtins.generate_object(
          { prompt: text, schema: schema as JsonSchema, options: args, info: infoFor(run) },
          context,
        )) as ObjectOf<S>;
      }
      const sent = jsonSchema ?? jsonSchemaOf(schema);
      const value = await run.registry.builtins.generate_object(
        {
          prompt: sent === null ? `${text}${JSON_IN_WORDS}` : text,
          schema: sent,
          validate: (candidate) => syncProblems(schema, candidate),
          options: args,
          info: infoFor(run),
        },
        context,
      );
      // Again on every result: a replay, an asynchronous validator, a transforming schema.
      return validateOutput<ObjectOf<S>>(schema, value);
    });
  });
}

const generateObject = configurable(
  'generate_object',
  generateObjectCall,
  (
    impl: (prompt: string, schema: JsonSchema | null, options: GenerateOptions) => Reply<unknown>,
    defaults,
  ) =>
    async (request) =>
      impl(request.prompt, request.schema, optionsFor(defaults, request.options)),
);

/** `select` with a typed result: one of `choices` (`as const` not needed: the type is `'a' | 'b'`). */
function selectCall<const C extends readonly string[]>(
  prompt: Awaitable<string>,
  choices: C,
  options: GenerateOptions = {},
): Executable<C[number]> {
  return new Executable<C[number]>(async (run) => {
    const text = await resolveValue(prompt, run);
    return callFromTypeScript('select', run, (context) =>
      run.registry.builtins.select(
        {
          prompt: text,
          choices: [...choices],
          options: toGenerationArgs(options),
          info: infoFor(run),
        },
        context,
      ),
    );
  });
}

const select = configurable(
  'select',
  selectCall,
  (
    impl: (prompt: string, choices: string[], options: GenerateOptions) => Reply<string>,
    defaults,
  ) =>
    async (request) =>
      impl(request.prompt, request.choices, optionsFor(defaults, request.options)),
);

const instruct = configurable(
  'instruct',
  (prompt: Awaitable<string>, options: InstructOptions = {}) =>
    new Executable<string>(async (run) => {
      const text = await resolveValue(prompt, run);
      const { assistantPrefix, ...rest } = options;
      return callFromTypeScript('instruct', run, (context) =>
        run.registry.builtins.instruct(
          {
            prompt: text,
            assistantPrefix: assistantPrefix ?? null,
            options: toGenerationArgs(rest),
            info: infoFor(run),
          },
          context,
        ),
      );
    }),
  (impl: (prompt: string, options: InstructOptions) => Reply<string>, defaults) =>
    async (request) =>
      impl(request.prompt, {
        ...optionsFor(defaults, request.options),
        ...(request.assistantPrefix !== null ? { assistantPrefix: request.assistantPrefix } : {}),
      }),
);

const chat = configurable(
  'chat',
  (messages: Awaitable<readonly ChatMessage[]>, options: GenerateOptions = {}) =>
    new Executable<string>(async (run) => {
      const list = await resolveValue(messages, run);
      return callFromTypeScript('chat', run, async (context) =>
        run.registry.builtins.chat(
          {
            messages: await withImages(list, 'chat', context),
            options: toGenerationArgs(options),
            info: infoFor(run),
          },
          context,
        ),
      );
    }),
  (impl: (messages: Message[], options: GenerateOptions) => Reply<string>, defaults) =>
    async (request) =>
      impl(request.messages, optionsFor(defaults, request.options)),
);

/**
 * The messages a backend gets: images read (bytes and digest, or a URL). A backend that does
 * not declare image support gets none: the call fails with OT4040 instead.
 */
async function withImages(
  messages: readonly ChatMessage[],
  builtin: string,
  context: CallContext,
): Promise<Message[]> {
  if (hasImages(messages)) requireImageSupport(builtin, context.backend, null);
  return Promise.all(
    messages.map(async ({ role, content, images }) =>
      images && images.length > 0
        ? { role, content, images: await Promise.all(images.map((i) => loadImage(i))) }
        : { role, content },
    ),
  );
}

/** The model builtins as executables, in TypeScript spelling (OneTwo's `llm` module). */
export const llm = { generateText, generateTexts, generateObject, select, instruct, chat };
