import { describe, expect, it } from 'vitest';
import { checkMermaidFlowchart } from './mermaid-syntax.js';

describe('the Mermaid flowchart checker', () => {
  it('accepts a well-formed chart', () => {
    const chart = [
      'graph TD',
      '  subgraph stage1["stage 1"]',
      '    c1["c1 · generate_text<br/>f.ot:1:2"]',
      '  end',
      '  c2["x #quot;y#quot;"]',
      '  c1 -->|"prefix"| c2',
      '  c2 -.->|"previous iteration: prefix"| c2',
    ].join('\n');
    expect(checkMermaidFlowchart(chart)).toEqual([]);
  });

  it.each([
    ['a missing header', 'c1["x"]', /line 1/],
    ['an unbalanced subgraph', 'graph TD\nsubgraph s1["s"]\nc1["x"]', /without "end"/],
    ['a stray end', 'graph TD\nend', /without "subgraph"/],
    ['a quote inside a label', 'graph TD\nc1["say "hi""]', /not a node/],
    ['a link to an undeclared node', 'graph TD\nc1["x"]\nc1 --> c9', /undeclared node c9/],
    ['a keyword as an id', 'graph TD\nend["x"]', /keyword/],
    ['an angle bracket', 'graph TD\nc1["a < b"]', /angle bracket/],
    ['a node declared twice', 'graph TD\nc1["x"]\nc1["y"]', /declared twice/],
  ])('rejects %s', (_what, chart, problem) => {
    expect(checkMermaidFlowchart(chart).join('\n')).toMatch(problem);
  });
});
