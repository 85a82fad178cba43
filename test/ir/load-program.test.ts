import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import { loadProgram } from '../../src/ir/load-program.js';

/** A file system in memory; records every read so tests can see what was loaded. */
function files(contents: Record<string, string>) {
  const reads: string[] = [];
  const readFile = (path: string) => {
    reads.push(path);
    return contents[path];
  };
  return { readFile, reads };
}
const summary = (diagnostics: { file: string; code: string; message: string }[]) =>
  diagnostics.map((d) => `${d.file} ${d.code} ${d.message}`);

describe('loadProgram', () => {
  it('loads includes and flows relative to the file that names them', () => {
    const fs = files({
      'app/main.ot': '{% include "parts/a.ot" %}<< flow("../lib/f.ot") >>',
      'app/parts/a.ot': '{% include "b.ot" %}',
      'app/parts/b.ot': 'B',
      'lib/f.ot': 'F',
    });
    const { program, diagnostics } = loadProgram('app/main.ot', {
      readFile: fs.readFile,
      // `../lib` leaves app/: the project root is the working directory here.
      access: { roots: [process.cwd()], allowDynamicPaths: false },
    });
    expect(diagnostics).toEqual([]);
    expect(program.entry).toBe('app/main.ot');
    expect(Object.keys(program.templates).sort()).toEqual([
      'app/main.ot',
      'app/parts/a.ot',
      'app/parts/b.ot',
      'lib/f.ot',
    ]);
    expect(program.templates['app/main.ot']!.body).toMatchObject([
      { kind: 'include', resolved: 'app/parts/a.ot' },
      { kind: 'callBlock', terms: [{ kind: 'builtinCall', name: 'flow', resolved: 'lib/f.ot' }] },
    ]);
  });

  it('reads each file once and ends on include cycles', () => {
    const fs = files({
      'a.ot': '{% if x %}{% include "b.ot" %}{% endif %}',
      'b.ot': '{% include "a.ot" %}{% include "b.ot" %}',
    });
    const { program } = loadProgram('a.ot', { readFile: fs.readFile });
    expect(fs.reads).toEqual(['a.ot', 'b.ot']);
    expect(program.templates['b.ot']!.body).toMatchObject([
      { kind: 'include', resolved: 'a.ot' },
      { kind: 'include', resolved: 'b.ot' },
    ]);
  });

  it('reports a missing file at the path that names it, except with ignore missing', () => {
    const fs = files({
      'main.ot':
        'x {% include "gone.ot" %}\n{% include "maybe.ot" ignore missing %}\n<< flow("nope.ot") >>',
    });
    const { program, diagnostics } = loadProgram('main.ot', { readFile: fs.readFile });
    expect(diagnostics.map((d) => [d.code, d.span, d.args['path']])).toEqual([
      ['OT2013', { start: 13, end: 22 }, 'gone.ot'],
      ['OT2013', { start: 74, end: 83 }, 'nope.ot'],
    ]);
    // Every resolved key names a loaded template; the others resolve at run time (or fail).
    expect(program.templates['main.ot']!.body).toMatchObject([
      { kind: 'text' },
      { kind: 'include', resolved: null },
      { kind: 'text' },
      { kind: 'include', resolved: null, ignoreMissing: true },
      { kind: 'text' },
      { kind: 'callBlock', terms: [{ kind: 'builtinCall', resolved: null }] },
    ]);
  });

  it('reports an unreadable entry as OT2014', () => {
    const { program, diagnostics, sources } = loadProgram('none.ot', { readFile: () => undefined });
    expect(summary(diagnostics)).toEqual([
      'none.ot OT2014 cannot read file `none.ot`: no such file, or it is not readable',
    ]);
    expect(program.templates).toEqual({});
    expect(sources).toEqual({});
  });

  it('takes the entry text from options.source without reading it', () => {
    const fs = files({ 'part.ot': 'P' });
    const { program, sources } = loadProgram('main.ot', {
      readFile: fs.readFile,
      source: 'unsaved {% include "part.ot" %}',
    });
    expect(fs.reads).toEqual(['part.ot']);
    expect(sources['main.ot']!.text).toBe('unsaved {% include "part.ot" %}');
    expect(Object.keys(program.templates)).toEqual(['main.ot', 'part.ot']);
  });

  it('lets an included file use what its includers bind, transitively', () => {
    const fs = files({
      'main.ot':
        '---\ninput:\n  topic: string\n---\n{% for item in items %}{% include "a.ot" %}{% endfor %}',
      'a.ot': '{% set shade = "red" %}{{ topic }} {{ item }} {{ loop.index }}{% include "b.ot" %}',
      'b.ot': '{{ shade }} {{ topic }} {{ stranger }}',
    });
    const { diagnostics } = loadProgram('main.ot', { readFile: fs.readFile });
    expect(summary(diagnostics)).toEqual([
      'main.ot OT2003 undefined variable `items`',
      'b.ot OT2003 undefined variable `stranger`',
    ]);
  });

  it('checks flow inputs against the called template', () => {
    const fs = files({
      'main.ot': '<< flow("f.ot", a=1, c=3) >><< flow("f.ot", a=1, b=2) >>',
      'f.ot': '---\ninput:\n  a: integer\n  b: {type: integer, default: 0}\n---\n{{ a }}{{ b }}',
    });
    const { diagnostics } = loadProgram('main.ot', { readFile: fs.readFile });
    expect(summary(diagnostics)).toEqual([
      'main.ot OT2008 flow: `f.ot` has no input `c`; its inputs: a, b',
    ]);
  });

  it('groups diagnostics by file, entry first, each in source order, parse errors included', () => {
    const fs = files({
      'main.ot': '{{ x | nope }} {% include "a.ot" %} {{ }}',
      'a.ot': '{{ 1 is nada }}',
    });
    const { diagnostics } = loadProgram('main.ot', { readFile: fs.readFile });
    expect(diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual([
      'main.ot OT2003',
      'main.ot OT2006',
      'main.ot OT1001',
      'a.ot OT2010',
    ]);
  });
});

describe('compile', () => {
  it('runs parse and lower and returns the AST, the IR and every diagnostic in order', () => {
    const result = compile('Hi {{ name | upper }} << generate_txt() >>', 'hi.ot');
    expect(result.ast.type).toBe('Template');
    expect(result.ir).toMatchObject({ kind: 'template', path: 'hi.ot' });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['OT2003', 'OT2001']);
  });
});

describe('compile: the pipeline on one screen', () => {
  it('parses, lowers and plans, and generates a module from the plan', async () => {
    const { compile, generateModule } = await import('../../src/compile.js');
    const source = 'Q << a = generate_text() >> and << b = generate_text("x") >>';
    const result = compile(source, 'pipeline.ot');
    expect(result.diagnostics).toEqual([]);
    expect(result.plan.calls.map((call) => call.stage)).toEqual([1, 1]);
    const module = generateModule(result, source);
    expect(module.code).toContain('export');
  });
});
