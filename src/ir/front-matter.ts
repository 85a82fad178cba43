import { isMap, isScalar, parseDocument, visit, type Document, type Pair } from 'yaml';
import type { Span } from '../source/span.js';
import { createSpan } from '../source/span.js';
import type { FrontMatterNode } from '../syntax/ast.js';
import type { TemplateMeta } from './ir.js';
import type { Report } from './lower-context.js';
import { createEmptyMeta } from './create-stmt.js';
import { createFrontMatterContext, type FrontMatterContext } from './front-matter-context.js';
import { lowerDefaults } from './front-matter-defaults.js';
import { lowerInputs } from './front-matter-input.js';
import { lowerSchemas } from './front-matter-schemas.js';
import { isIdentifier } from './identifier.js';

/** The checked front matter, plus where `output:` names its variable (for the body checks). */
export interface FrontMatterResult {
  meta: TemplateMeta;
  outputSpan: Span | null;
}

/** The keys LANGUAGE.md §2 defines; any other is a warning. */
const knownKeys = ['description', 'input', 'output', 'schemas', 'defaults', 'backend'] as const;
type KnownKey = (typeof knownKeys)[number];

/**
 * Parses and checks the YAML front matter. Positions in YAML errors and in every value are
 * mapped back to file offsets, so carets point into the YAML itself.
 */
export function lowerFrontMatter(node: FrontMatterNode | null, report: Report): FrontMatterResult {
  const meta = createEmptyMeta();
  if (node === null) return { meta, outputSpan: null };
  const base = node.sourceSpan.start;
  const doc = parseDocument(node.source, { prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    const [start, end] = error.code === 'DUPLICATE_KEY' ? keyRangeAt(doc, error.pos) : error.pos;
    report('OT2004', createSpan(base + start, base + end), { reason: firstLine(error.message) });
  }
  // After a YAML syntax error, keep what the parser recovered (so inputs stay declared and the
  // body does not fill with undefined-variable warnings) but report nothing more about it: its
  // shape is a guess.
  const quiet: Report = () => {};
  const fm = createFrontMatterContext(doc, base, doc.errors.length > 0 ? quiet : report);
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { meta, outputSpan: null };
  if (!isMap(root)) {
    fm.report('OT2004', fm.spanOf(root, node.sourceSpan), {
      reason: 'front matter must be a map of keys to values',
    });
    return { meta, outputSpan: null };
  }

  const pairs: Partial<Record<KnownKey, { pair: Pair; keySpan: Span }>> = {};
  for (const pair of root.items) {
    const keySpan = fm.spanOf(pair.key, node.sourceSpan);
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if ((knownKeys as readonly string[]).includes(key)) {
      pairs[key as KnownKey] = { pair, keySpan };
    } else {
      fm.report('OT2005', keySpan, { key });
    }
  }

  // Schemas come before defaults whatever the YAML order: `defaults` may name a schema.
  const description = pairs.description;
  if (description) meta.description = stringValue(description.pair, description.keySpan, fm);
  const input = pairs.input;
  if (input) meta.inputs = lowerInputs(input.pair.value, input.keySpan, fm);
  const schemas = pairs.schemas;
  if (schemas) meta.schemas = lowerSchemas(schemas.pair.value, schemas.keySpan, fm);
  const defaults = pairs.defaults;
  if (defaults) {
    meta.defaults = lowerDefaults(defaults.pair.value, defaults.keySpan, meta.schemas, fm);
  }
  const backend = pairs.backend;
  if (backend) meta.backend = stringValue(backend.pair, backend.keySpan, fm);

  let outputSpan: Span | null = null;
  const output = pairs.output;
  if (output) {
    const name = stringValue(output.pair, output.keySpan, fm);
    const span = fm.spanOf(output.pair.value, output.keySpan);
    if (name !== null && !isIdentifier(name)) {
      fm.report('OT2004', span, { reason: `\`output\` must be a variable name, got "${name}"` });
    } else if (name !== null) {
      meta.output = name;
      outputSpan = span;
    }
  }
  return { meta, outputSpan };
}

function stringValue(pair: Pair, keySpan: Span, fm: FrontMatterContext): string | null {
  const value = fm.valueOf(pair.value, keySpan);
  if (typeof value === 'string') return value;
  // An empty value (`backend:`) leaves the key unset.
  if (value !== undefined && value !== null) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    fm.report('OT2004', fm.spanOf(pair.value, keySpan), { reason: `\`${key}\` must be a string` });
  }
  return null;
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** YAML points a duplicate key at its first character; the whole key reads better. */
function keyRangeAt(doc: Document.Parsed, pos: [number, number]): [number, number] {
  let range: [number, number] = pos;
  visit(doc, {
    Pair: (_, pair) => {
      const key = pair.key;
      if (isScalar(key) && key.range && key.range[0] === pos[0]) {
        range = [key.range[0], key.range[1]];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return range;
}
