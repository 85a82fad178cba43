/** A tag that completion offers after `{%`, with the snippet it inserts. */
export interface TagSnippet {
  name: string;
  doc: string;
  /** The snippet after `{% `, up to (not including) the final closing `%}`. */
  snippet: string;
  /** True for tags that only make sense inside a block (`elif`, `else`, `branch`, end tags). */
  inner?: boolean;
}

/** The tags of LANGUAGE.md §3 and §5–7; block tags insert their end tag. */
export const tagSnippets: readonly TagSnippet[] = [
  {
    name: 'if',
    doc: 'Renders the body when the condition holds.',
    snippet: 'if ${1:condition} %}$0{% endif',
  },
  {
    name: 'elif',
    doc: 'Another condition of an `if`.',
    snippet: 'elif ${1:condition}',
    inner: true,
  },
  {
    name: 'else',
    doc: 'The `else` part of an `if` or a `for` (when the list is empty).',
    snippet: 'else',
    inner: true,
  },
  {
    name: 'for',
    doc: 'Renders the body once per item; `loop.index`, `loop.first`… describe the iteration.',
    snippet: 'for ${1:item} in ${2:items} %}$0{% endfor',
  },
  { name: 'set', doc: 'Assigns a variable.', snippet: 'set ${1:name} = ${2:value}' },
  {
    name: 'set (capture)',
    doc: "Captures the rendered body in a variable; calls inside see the outer prefix followed by the capture's text.",
    snippet: 'set ${1:name} %}$0{% endset',
  },
  {
    name: 'include',
    doc: "Inlines another template (path relative to this file); it sees this template's variables and prefix.",
    snippet: 'include "${1:file.ot}"',
  },
  {
    name: 'macro',
    doc: 'Defines a macro, called like a function.',
    snippet: 'macro ${1:name}(${2:args}) %}$0{% endmacro',
  },
  {
    name: 'call',
    doc: 'Calls a macro with this body as its `caller()`.',
    snippet: 'call ${1:macro}() %}$0{% endcall',
  },
  {
    name: 'filter',
    doc: 'Applies a filter to the rendered body.',
    snippet: 'filter ${1:upper} %}$0{% endfilter',
  },
  {
    name: 'raw',
    doc: 'Text rendered as is, template syntax included.',
    snippet: 'raw %}$0{% endraw',
  },
  {
    name: 'fork',
    doc: 'Branches that start from the same prefix and run concurrently; their texts follow one another after the fork.',
    snippet: 'fork %}\n{% branch %}$1{% endbranch %}\n{% branch %}$0{% endbranch %}\n{% endfork',
  },
  {
    name: 'branch',
    doc: 'One branch of a `fork`.',
    snippet: 'branch %}$0{% endbranch',
    inner: true,
  },
  {
    name: 'role',
    doc: 'Marks the text inside as spoken by a role (`system`, `user`, `assistant`), for chat-style calls.',
    snippet: 'role "${1|system,user,assistant|}" %}$0{% endrole',
  },
  ...[
    'endif',
    'endfor',
    'endset',
    'endmacro',
    'endcall',
    'endfilter',
    'endraw',
    'endfork',
    'endbranch',
    'endrole',
  ].map((name): TagSnippet => ({
    name,
    doc: `Closes the \`${name.slice(3)}\` block.`,
    snippet: name,
    inner: true,
  })),
];

/** The attributes of `loop` inside a `for` body (nunjucks). */
export const loopAttributes: readonly { name: string; doc: string }[] = [
  { name: 'index', doc: 'The current iteration, counting from 1.' },
  { name: 'index0', doc: 'The current iteration, counting from 0.' },
  { name: 'revindex', doc: 'Iterations until the end, counting down to 1.' },
  { name: 'revindex0', doc: 'Iterations until the end, counting down to 0.' },
  { name: 'first', doc: 'True on the first iteration.' },
  { name: 'last', doc: 'True on the last iteration.' },
  { name: 'length', doc: 'The number of items.' },
];
