import { doc, type Doc } from 'prettier';
import type { FrontMatterNode } from '../syntax/ast.js';

const { hardline, join, literalline } = doc.builders;

/** Front matter whose YAML is worth giving to prettier's YAML printer (not blank). */
export function hasYaml(node: FrontMatterNode): boolean {
  return node.source.trim() !== '';
}

/** `---`, the YAML as prettier's YAML printer printed it, `---`. */
export function frontMatterDoc(yaml: Doc): Doc {
  return ['---', hardline, yaml, hardline, '---'];
}

/** YAML already printed to a string (by `prettier.format`) as a doc. */
export function yamlTextDoc(formatted: string): Doc {
  return join(literalline, formatted.replace(/\n+$/, '').split('\n'));
}
