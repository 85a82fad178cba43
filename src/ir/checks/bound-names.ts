import type { Node } from '../../syntax/ast.js';
import { assertNever } from '../../assert-never.js';

/**
 * Names a body binds in its own scope (`set`, `set` blocks, call-block targets, macros), looking
 * through the tags that do not open a scope (`if`, `role`, `filter`, `fork` branches…) but not
 * into loops, macros or `call` bodies, whose bindings stay inside them.
 */
export function scopeBoundNames(nodes: readonly Node[]): string[] {
  const names: string[] = [];
  collect(nodes, names, false);
  return names;
}

/**
 * Every name bound anywhere in a body, inner scopes and loop variables included: what front
 * matter `output` may name, and what an included template may see at some include site.
 */
export function allBoundNames(nodes: readonly Node[]): string[] {
  const names: string[] = [];
  collect(nodes, names, true);
  return names;
}

function collect(nodes: readonly Node[], names: string[], deep: boolean): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'Text':
      case 'Comment':
      case 'Raw':
      case 'Output':
      case 'Include':
        break;
      case 'Set':
        for (const target of node.targets) names.push(target.name);
        break;
      case 'SetBlock':
        for (const target of node.targets) names.push(target.name);
        collect(node.body, names, deep);
        break;
      case 'CallBlock':
        if (node.target) names.push(node.target.name);
        break;
      case 'Macro':
        names.push(node.name.name);
        if (deep) collect(node.body, names, deep);
        break;
      case 'If':
        for (const branch of node.branches) collect(branch.body, names, deep);
        if (node.otherwise) collect(node.otherwise, names, deep);
        break;
      case 'For':
        if (deep) {
          for (const target of node.targets) names.push(target.name);
          names.push('loop');
          collect(node.body, names, deep);
          if (node.otherwise) collect(node.otherwise, names, deep);
        }
        break;
      case 'CallTag':
        if (deep) collect(node.body, names, deep);
        break;
      case 'FilterBlock':
      case 'Fork':
      case 'Branch':
      case 'Role':
      case 'UnsupportedTag':
        collect(node.body, names, deep);
        break;
      default:
        assertNever(node);
    }
  }
}
