import { isMap, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import type { ast } from 'ot-lang/tools';
import type { Span } from './span.js';

/** One `key: value` of the front matter, with file offsets. */
export interface FrontMatterEntry {
  name: string;
  /** The key. */
  span: Span;
  /** The value as written (empty when there is none). */
  valueText: string;
  valueSpan: Span | null;
}

/** What the language server needs from the front matter: names and where they are written. */
export interface FrontMatterInfo {
  /** The whole block, `---` lines included. */
  span: Span;
  /** Where the YAML text lies. */
  sourceSpan: Span;
  /** The top-level keys. */
  keys: FrontMatterEntry[];
  inputs: FrontMatterEntry[];
  schemas: FrontMatterEntry[];
  /** Builtin name → its default keyword arguments. */
  defaults: FrontMatterEntry[];
  /** The `output:` value, a variable name. */
  output: FrontMatterEntry | null;
  description: string | null;
}

/**
 * Reads the front matter's keys with their positions. This is not a check (lowering reports
 * every problem): it keeps whatever part of the YAML is readable, so an editor can still
 * complete and navigate while the user types.
 */
export function readFrontMatter(node: ast.FrontMatterNode | null): FrontMatterInfo | null {
  if (!node) return null;
  const base = node.sourceSpan.start;
  const text = node.source;
  const info: FrontMatterInfo = {
    span: node.span,
    sourceSpan: node.sourceSpan,
    keys: [],
    inputs: [],
    schemas: [],
    defaults: [],
    output: null,
    description: null,
  };
  const document = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false });
  if (!isMap(document.contents)) return info;

  const entriesOf = (map: unknown): FrontMatterEntry[] => {
    if (!isMap(map)) return [];
    const entries: FrontMatterEntry[] = [];
    for (const pair of map.items) {
      const entry = entryOf(pair.key, pair.value);
      if (entry) entries.push(entry);
    }
    return entries;
  };
  const entryOf = (key: unknown, value: unknown): FrontMatterEntry | null => {
    if (!isScalar(key) || typeof key.value !== 'string' || !key.range) return null;
    const valueRange = (value as YamlNode | null)?.range;
    return {
      name: key.value,
      span: { start: base + key.range[0], end: base + key.range[1] },
      valueText: valueRange ? text.slice(valueRange[0], valueRange[1]).trim() : '',
      valueSpan: valueRange ? { start: base + valueRange[0], end: base + valueRange[1] } : null,
    };
  };

  for (const pair of document.contents.items) {
    const entry = entryOf(pair.key, pair.value);
    if (!entry) continue;
    info.keys.push(entry);
    switch (entry.name) {
      case 'input':
        info.inputs = entriesOf(pair.value);
        break;
      case 'schemas':
        info.schemas = entriesOf(pair.value);
        break;
      case 'defaults':
        info.defaults = entriesOf(pair.value);
        break;
      case 'output':
        if (isScalar(pair.value) && typeof pair.value.value === 'string') info.output = entry;
        break;
      case 'description':
        if (isScalar(pair.value) && typeof pair.value.value === 'string') {
          info.description = pair.value.value;
        }
        break;
      default:
        // Other keys (backend, unknown ones) only matter to lowering's checks.
        break;
    }
  }
  return info;
}

/** The front matter keys of LANGUAGE.md §2, with what each one means. */
export const frontMatterKeys: readonly { key: string; doc: string }[] = [
  { key: 'description', doc: 'What the flow does (a string).' },
  {
    key: 'input',
    doc: 'Input name → type: `string`, `number`, `integer`, `boolean`, `list`, `object`, `any`, or a JSON Schema; `{type: …, default: …}` gives a default.',
  },
  { key: 'output', doc: "The variable that is the run's result (default: the rendered text)." },
  { key: 'schemas', doc: 'Name → JSON Schema, for `generate_object(schema="Name")`.' },
  {
    key: 'defaults',
    doc: 'Builtin name → default keyword arguments, e.g. `generate_text: {temperature: 0}`.',
  },
  { key: 'backend', doc: 'The backend to use when the caller names none.' },
];

/** The short input types (LANGUAGE.md §2). */
export const inputTypeNames: readonly string[] = [
  'string',
  'number',
  'integer',
  'boolean',
  'list',
  'object',
  'any',
];
