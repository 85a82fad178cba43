import type { ArgRule, BuiltinName } from 'ot-lang/tools';
import { assertNever } from '../assert-never.js';

/** What each builtin does, in the words of LANGUAGE.md §6, for hover and completion. */
export const builtinDocs: Readonly<Record<BuiltinName, { result: string; doc: string }>> = {
  generate_text: {
    result: 'string',
    doc: 'Raw completion of the prompt: the text before the call block (its prefix) unless a prompt is given; roles are ignored.',
  },
  generate_texts: {
    result: 'list of strings',
    doc: '`samples` independent completions of the prompt (sample keys `""`, `"1"`, … `"N-1"`).',
  },
  generate_object: {
    result: 'value',
    doc: 'A value that validates against `schema` — a name from the front matter `schemas` or an inline JSON Schema. It is validated locally whatever the backend promises, and emitted as JSON.',
  },
  select: {
    result: 'one of the options',
    doc: 'The option the model picks from `options` (the first positional argument); a reply that is no option is an error.',
  },
  instruct: {
    result: 'string',
    doc: 'A chat call with one user message (the prompt) and, if given, a partial assistant message `assistant_prefix`.',
  },
  chat: {
    result: 'string',
    doc: 'A chat call. By default the messages are the prefix grouped by role; inside a `role "assistant"` block, that block\'s text so far is sent as a partial assistant message.',
  },
  flow: {
    result: "the other file's result",
    doc: 'Runs another `.ot` file (path relative to this one) with the keyword arguments as its inputs, in a fresh scope; its calls join the same run, cache and schedule.',
  },
};

/** What each keyword argument means. */
export const keywordDocs: Readonly<Record<string, string>> = {
  prompt: "The prompt; without it, the call's prompt is its prefix (the text rendered before it).",
  temperature: 'Sampling temperature.',
  max_tokens: 'The most tokens the reply may have.',
  stop: 'A string or a list of strings that end the reply.',
  top_p: 'Nucleus sampling: the probability mass to sample from.',
  top_k: 'Sample from the k most likely tokens.',
  seed: "Seed of the backend's sampler, where it has one.",
  samples: 'How many independent samples to generate.',
  schema: 'A schema name from the front matter `schemas`, or an inline JSON Schema.',
  options: 'The list of options the model picks from.',
  assistant_prefix: "The start of the assistant's reply, which the model continues.",
  messages: 'The messages to send, as a list of `{role, content}`.',
  path: 'The `.ot` file to run, relative to this one.',
};

/** An argument rule in words, for hover. */
export function describeRule(rule: ArgRule): string {
  switch (rule) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'positiveInteger':
      return 'positive integer';
    case 'stringOrStrings':
      return 'string or list of strings';
    case 'list':
      return 'list';
    case 'options':
      return 'list of options';
    case 'schema':
      return 'schema name or JSON Schema';
    default:
      return assertNever(rule);
  }
}
