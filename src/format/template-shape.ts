import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml } from 'yaml';
import type { TemplateNode } from '../syntax/ast.js';
import { parse } from '../syntax/index.js';

/** Fields that only say where or how something was written, not what it means. */
const layoutFields = new Set(['span', 'sourceSpan', 'raw']);

/**
 * The meaning of a parsed template with its layout stripped: no spans, no literals as written,
 * the front matter as data, and no blank text directly inside `fork` (the runtime drops it).
 * Two templates with the same shape render the same text and make the same calls.
 */
export function templateShape(ast: TemplateNode): unknown {
  return strip(ast);
}

/** True when both texts parse without syntax errors to templates of the same shape. */
export function sameTemplate(before: string, after: string, path = 'template.ot'): boolean {
  const first = parse(before, { path });
  const second = parse(after, { path });
  if ([...first.diagnostics, ...second.diagnostics].some((d) => d.severity === 'error'))
    return false;
  return isDeepStrictEqual(templateShape(first.ast), templateShape(second.ast));
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  const node = value as Record<string, unknown>;
  if (node['type'] === 'FrontMatter')
    return { type: 'FrontMatter', data: yamlData(String(node['source'])) };
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(node)) {
    if (layoutFields.has(key)) continue;
    result[key] =
      node['type'] === 'Fork' && key === 'body'
        ? strip(dropBlankText(field as unknown[]))
        : strip(field);
  }
  return result;
}

function dropBlankText(body: unknown[]): unknown[] {
  return body.filter((child) => {
    const node = child as { type: string; value?: string };
    return !(node.type === 'Text' && /^\s*$/.test(node.value ?? ''));
  });
}

function yamlData(source: string): unknown {
  try {
    return parseYaml(source) as unknown;
  } catch {
    return { unparsed: source };
  }
}
