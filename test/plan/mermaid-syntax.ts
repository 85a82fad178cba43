/**
 * A structural check of Mermaid flowchart text, for the subset `ot plan --format mermaid`
 * writes. (No npm package parses Mermaid flowcharts on Node without a browser: `mermaid` needs
 * a DOM, and `@mermaid-js/parser` covers other diagram types — info, packet, pie, architecture,
 * gitGraph, radar, treemap — but not flowcharts.) It follows Mermaid's flowchart grammar for
 * what it accepts: a `graph`/`flowchart` header with a direction; node statements `id["label"]`;
 * links `a -->|"label"| b`, `a -.->|"label"| b` (labels optional); `subgraph id["title"]` … `end`;
 * `%%` comments. Ids are letters, digits, `_` and `-` and must not be keywords; quoted labels
 * cannot contain `"` (Mermaid spells it `#quot;`). Returns the problems found (none: valid).
 */
export function checkMermaidFlowchart(text: string): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  const header = lines[0]?.trim() ?? '';
  if (!/^(graph|flowchart)\s+(TD|TB|BT|LR|RL)$/.test(header))
    problems.push(
      `line 1: expected "graph TD" (or another direction), got ${JSON.stringify(header)}`,
    );
  const keywords = new Set([
    'end',
    'graph',
    'flowchart',
    'subgraph',
    'style',
    'class',
    'classDef',
    'click',
    'linkStyle',
    'direction',
  ]);
  const id = String.raw`([A-Za-z_][\w-]*)`;
  const label = String.raw`"([^"]*)"`;
  const node = new RegExp(String.raw`^${id}\[${label}\]$`);
  const link = new RegExp(String.raw`^${id}\s+(-->|-\.->|==>)(?:\|${label}\|)?\s+${id}$`);
  const subgraph = new RegExp(String.raw`^subgraph\s+${id}(?:\[${label}\])?$`);
  const declared = new Set<string>();
  const used: { id: string; line: number }[] = [];
  let depth = 0;
  const checkId = (name: string, line: number) => {
    if (keywords.has(name))
      problems.push(`line ${line}: ${JSON.stringify(name)} is a keyword, not an id`);
  };
  lines.slice(1).forEach((raw, index) => {
    const line = index + 2;
    const text = raw.trim();
    if (text === '' || text.startsWith('%%')) return;
    let match: RegExpExecArray | null;
    if (text === 'end') {
      depth--;
      if (depth < 0) problems.push(`line ${line}: "end" without "subgraph"`);
    } else if ((match = subgraph.exec(text))) {
      checkId(match[1]!, line);
      depth++;
    } else if ((match = node.exec(text))) {
      checkId(match[1]!, line);
      if (declared.has(match[1]!))
        problems.push(`line ${line}: node ${match[1]} is declared twice`);
      declared.add(match[1]!);
    } else if ((match = link.exec(text))) {
      checkId(match[1]!, line);
      checkId(match[4]!, line);
      used.push({ id: match[1]!, line }, { id: match[4]!, line });
    } else {
      problems.push(`line ${line}: not a node, link, subgraph or end: ${JSON.stringify(text)}`);
    }
    if (/<(?!br\/>)|(?<!<br\/)>/.test(text.replace(/-->|-\.->|==>/g, '')))
      problems.push(`line ${line}: raw angle bracket in a label`);
  });
  if (depth > 0) problems.push(`${depth} subgraph(s) without "end"`);
  for (const { id: name, line } of used)
    if (!declared.has(name)) problems.push(`line ${line}: link to undeclared node ${name}`);
  return problems;
}
