#!/usr/bin/env node
// Writes docs/diagnostics.md: one heading per code of the catalog (src/diagnostics/catalog.ts,
// read from dist/, so build first: `npx tsc -p tsconfig.build.json`), its severity, message
// template, an explanation and, where a small template shows it, an example whose output is
// computed here by checking or running it — so an example that stops producing its code fails
// the generation instead of going stale.
//
//   node scripts/gen-diagnostics-doc.mjs           # (re)write docs/diagnostics.md
//   node scripts/gen-diagnostics-doc.mjs --check   # exit 1 if docs/diagnostics.md is out of date
//
// test/readme/diagnostics-doc.test.ts runs `--check`, so a code added to the catalog without
// regenerating this file fails the suite. Explanations live in `notes` below; a code without one
// is still documented by its template, and the script says which codes lack an explanation.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = join(root, 'docs', 'diagnostics.md');

/**
 * What each code means, and a template that produces it. `check`: the diagnostic comes from
 * `ot check` (files written to a scratch project); `run`: from running the template with `inputs`.
 */
const notes = {
  OT1001: {
    explain: 'The parser met a token it cannot use where it is.',
    check: 'Hello {{ name + }}',
  },
  OT1002: {
    explain: 'A `{{`, `{%`, `<<` or `{#` that is never closed.',
    check: 'Hello {{ name',
  },
  OT1003: {
    explain: 'A `{% … %}` tag that neither nunjucks nor `ot` knows.',
    check: '{% frobnicate %}',
  },
  OT1004: {
    explain: 'An end tag with no open block to close.',
    check: 'text {% endif %}',
  },
  OT1005: {
    explain: 'Blocks closed in the wrong order: the end tag belongs to another block.',
    check: '{% if true %}{% for y in [] %}{% endif %}{% endfor %}',
  },
  OT1006: { explain: 'A string literal runs to the end of the tag.', check: '{{ "unterminated }}' },
  OT1007: { explain: 'A `{#` comment is never closed.', check: '{# a comment' },
  OT1008: {
    explain: 'The file starts with `---` but no later line closes the front matter.',
    check: '---\ndescription: x\nHello',
  },
  OT1009: {
    explain: 'A character that is not part of the expression language.',
    check: '{{ a @ b }}',
  },
  OT1010: {
    explain: 'A block tag (`if`, `for`, `macro`, `fork`, …) is never closed.',
    check: '{% if x %}yes',
  },
  OT1011: {
    explain:
      'More than 100 nested brackets or calls, expression trees deeper than 512 or blocks deeper than 256; the parser reports it and keeps going.',
    check: `{{ ${'['.repeat(101)}${']'.repeat(101)} }}`,
  },
  OT1012: {
    explain: 'A middle tag (`else`, `elif`, `branch`, …) outside the block it belongs to.',
    check: '{% else %}',
  },
  OT1013: {
    explain: 'An internal failure of the parser. Please report it with the file that caused it.',
  },
  OT2001: {
    explain: 'A call block calls a name that is not a builtin (see the language reference, §6).',
    check: '<< generate_txt() >>',
  },
  OT2002: {
    explain: 'Builtins may only be called inside `<< >>`, so that every model call is visible.',
    check: '{{ generate_text() }}',
  },
  OT2003: {
    explain:
      'A variable that is neither an input, a `set`, a loop variable nor a call-block binding. A warning: it renders as nunjucks renders an undefined value (empty), which is usually a typo.',
    check: 'Hello {{ nmae }}',
  },
  OT2004: {
    explain: 'The front matter is not valid YAML or does not have the expected shape.',
    check: '---\ninput: [1, 2]\n---\nHi',
  },
  OT2005: {
    explain:
      'A front-matter key other than `description`, `input`, `output`, `schemas`, `defaults`, `backend`.',
    check: '---\ndescrption: typo\n---\nHi',
  },
  OT2006: { explain: 'A filter nunjucks does not have.', check: '{{ "a" | shout }}' },
  OT2007: {
    explain:
      'Template inheritance (`extends`, `block`) is not part of `.ot`; use `include` or `flow()`.',
    check: '{% extends "base.ot" %}',
  },
  OT2008: {
    explain:
      'A builtin called with an argument it does not take, a missing one, or (for `flow()`) an input the called file does not declare.',
    check: '<< generate_text(temprature=0) >>',
  },
  OT2009: {
    explain: 'An input named like a builtin hides the builtin in `{{ }}`; a warning.',
    check: '---\ninput:\n  select: string\n---\n{{ select }}',
  },
  OT2010: {
    explain: 'An `is` test nunjucks does not have.',
    check: '{% if 1 is shiny %}{% endif %}',
  },
  OT2011: {
    explain: '`generate_object(schema="Name")` names a schema the front matter does not declare.',
    check: '<< generate_object(schema="Person") >>',
  },
  OT2012: {
    explain:
      'A `fork`, `branch` or `role` used where it cannot be: a fork needs branches or one `for` loop, roles cannot nest, text inside a fork must be in a branch.',
    check: '{% fork %}text{% endfork %}',
  },
  OT2013: {
    explain:
      'A literal `include` or `flow()` path names a file that does not exist or cannot be read.',
    check: '{% include "missing.ot" %}',
  },
  OT2014: { explain: 'The file given to `ot check`, `ot run` or `loadTemplate` cannot be read.' },
  OT2015: {
    explain:
      'Binding a reserved name (`constructor`, `__proto__`, `prototype`, `__defineGetter__`, …) with `set`, a loop, a macro, a parameter or a call block; refused by the sandbox.',
    check: '{% set constructor = 1 %}',
  },
  OT2016: {
    explain: 'An input declared with a reserved name; refused by the sandbox.',
    check: '---\ninput:\n  __proto__: string\n---\nHi',
  },
  OT2017: {
    explain: 'Reading a reserved name as a variable; refused by the sandbox.',
    check: '{{ constructor }}',
  },
  OT2027: {
    explain:
      'A literal `image("…")` path in a `.ot` file names a file that does not exist or cannot be read (paths are relative to the file that calls `image()`). A path leaving the project is OT2018.',
    check: '{{ image("missing.png") }}',
  },
  OT2018: {
    explain:
      'An `include`, `flow()` or literal `image()` path that leaves the project root and the `include_roots` of ot.config.yaml (`../` escapes, absolute paths, symlinks pointing outside).',
    check: '{% include "../outside.ot" %}',
  },
  OT2019: {
    explain:
      'An `include` or `flow()` whose path is computed from an input or variable; refused unless ot.config.yaml sets `allow_dynamic_paths: true` (at run time the same refusal is OT4016).',
    check: '---\ninput:\n  page: string\n---\n{% include page %}',
  },
  OT2020: {
    explain: 'Files that include or `flow()` each other in a loop; the message names the cycle.',
    check: '{% include "example.ot" %}',
  },
  OT3001: {
    explain:
      '`ot plan` cannot see into a `flow()` whose path is computed, so the plan leaves its calls out.',
  },
  OT3002: {
    explain:
      '`ot plan` cannot see into an `include` whose path is computed, so the plan leaves its calls out.',
  },
  OT3003: {
    explain:
      'A macro or file that reaches itself is planned once; its repeated calls are not counted.',
  },
  OT3004: {
    explain:
      '`ot compile` embeds only the files it can name; a computed `include` or `flow()` path in the module can only reach those.',
  },
  OT4001: {
    explain:
      'The sandbox refused a member access: a reserved name (`constructor`, `__proto__`, …), any member of a function, or a function-valued member that is not an allowed data method.',
    run: '{{ x.constructor }}',
    inputs: { x: {} },
  },
  OT4002: {
    explain: 'A required input was not given (`--input`, `--inputs`, or `template.run(inputs)`).',
    run: '---\ninput:\n  name: string\n---\nHi {{ name }}',
    inputs: {},
  },
  OT4003: {
    explain: 'An input does not match the type or JSON Schema the front matter declares.',
    run: '---\ninput:\n  n: integer\n---\n{{ n }}',
    inputs: { n: 'two' },
  },
  OT4004: {
    explain:
      'A model call failed: the message names the builtin, the backend and the cause (HTTP status and provider message, a missing API key variable, a fake backend with no matching rule). Calls that finished are cached, so running again resumes.',
  },
  OT4005: { explain: 'Any other run-time error, with its reason.' },
  OT4006: {
    explain:
      'The run was cancelled (Ctrl-C, or the `signal` passed to `run`); `ot run` exits 130. Calls that finished are cached, so running again resumes.',
  },
  OT4007: {
    explain: 'Calling something that is not a callable function (or not one the sandbox allows).',
    run: '{{ x() }}',
    inputs: { x: 1 },
  },
  OT4008: {
    explain: '`in` on a value that is not a string, list or object.',
    run: '{{ 3 in x }}',
    inputs: { x: 4 },
  },
  OT4009: {
    explain: "A nunjucks filter threw; the message is the filter's.",
    run: '{{ x | dictsort }}',
    inputs: { x: 5 },
  },
  OT4010: { explain: "A nunjucks `is` test threw; the message is the test's." },
  OT4011: {
    explain: '`{% for a, b in … %}` over items that cannot be unpacked into that many variables.',
  },
  OT4012: {
    explain: 'A slice (`x[1:3]`) of a value that is not a string or a list.',
    run: '{{ x[1:2] }}',
    inputs: { x: 5 },
  },
  OT4013: {
    explain:
      'A call block (or `generate_object`) had to write a value as JSON, and the value refers to itself (possible only with inputs passed from TypeScript).',
  },
  OT4016: {
    explain:
      'At run time, an `include` or `flow()` with a computed path was refused: dynamic paths are not allowed, or the file is outside the project roots.',
  },
  OT4017: {
    explain: 'At run time, computed `include` or `flow()` paths led back to a file being rendered.',
  },
  OT4021: {
    explain:
      'An input the flow does not declare (with the closest declared name), so that a typo never falls back to a default. A flow that declares no inputs takes any.',
    run: '---\ninput:\n  country: { type: string, default: France }\n---\n{{ country }}',
    inputs: { contry: 'Chile' },
  },
  OT1014: {
    explain:
      'A file has more than 100 problems: the first 100 are shown, and this note counts the rest. It is an error when an error is among those left out, so the file still fails.',
  },
  OT1015: {
    explain:
      'The same note as OT1014 when only warnings were left out: information, not a failure.',
  },
  OT1016: {
    explain:
      'A file longer than 2,000,000 characters is refused before it is read as a template, so a hostile file of any size costs only its reading. Put large text in an input instead.',
  },
  OT1017: {
    explain:
      'A file of more than 250,000 tokens (a megabyte of ordinary template text is about 100,000; 250 KB of `{` is 250,000) is refused after lexing and before parsing, which keeps memory bounded. Split the template or move text into inputs.',
  },
  OT2024: {
    explain:
      'An eval file (`ot eval EVAL.yaml`) is not shaped as expected: a missing or mistyped key, or YAML that does not parse.',
  },
  OT2025: {
    explain:
      'An eval scorer cannot be built: a bad regex, a schema no flow declares, a template that does not compile, a `js:` export that is missing.',
  },
  OT2026: {
    explain: 'An eval dataset or eval file cannot be read, or a line of it does not parse.',
  },
  OT4026: {
    explain: 'The redis server behind `--queue` cannot be reached; nothing was enqueued.',
  },
  OT4027: {
    explain:
      'The workers lost a queued row: its job stalled more often than BullMQ allows, or a worker of another `ot` version took it.',
  },
  OT4028: {
    explain: '`ot worker` cannot start: its config, cache or queue cannot be opened.',
  },
  OT4030: {
    explain:
      'An eval scorer failed on one result (a template or function that threw); that result is an error in its cell.',
  },
  OT4031: {
    explain:
      'A judge flow or `js:` scorer gave something other than a boolean or a number in [0, 1].',
  },
  OT4040: {
    explain:
      'A call carries images (`image(…)` in a message or prompt) and its backend does not declare image support: pick a backend that does (the AI SDK providers and the fake backend do).',
  },
  OT4041: {
    explain:
      'An image could not be used: a file path outside the project directory, a file that cannot be read, or a source that is neither a URL, a path nor bytes.',
  },
  OT4045: {
    explain:
      "A `.ot` image (`image(…)`) reached a place that needs text: a `set` block, a macro's output, a filter block, `~`/`+`, a filter, `tojson`. Place an image only with `{{ image(…) }}` in the flow's text or a role block.",
  },
  OT4046: {
    explain:
      'The file an `image(…)` in a `.ot` file names cannot be read (missing, a directory, unreadable). Paths are relative to the file that calls `image()`.',
  },
  OT4047: {
    explain:
      'An image is in the prefix of a call that cannot send it: only `generate_text` and `chat` send images, and only in user messages (text outside role blocks, or `role user`).',
  },
};

/** The Markdown of docs/diagnostics.md for the built catalog. */
export async function renderDiagnosticsDoc() {
  const { diagnosticCatalog } = await import(join(root, 'dist', 'diagnostics', 'catalog.js'));
  const api = await import(join(root, 'dist', 'index.js'));
  const codes = Object.keys(diagnosticCatalog).sort();
  const out = [
    '<!-- Generated by scripts/gen-diagnostics-doc.mjs from src/diagnostics/catalog.ts: do not edit by hand. -->',
    '',
    '# Diagnostic codes',
    '',
    'Every error and warning of `ot` has a stable code (never renumbered or reused) and a',
    '`file:line:col`. `OT1xxx` are syntax errors, `OT2xxx` semantic checks (both reported by',
    '`ot check` and before a run makes any call), `OT3xxx` plan and compiled-module warnings,',
    '`OT4xxx` run-time errors. `{name}` in a message stands for what the diagnostic names. The',
    'language is described in [language.md](language.md).',
    '',
    'Examples are computed by the generator: `npx ot check example.ot` for `OT1xxx`/`OT2xxx`, a run',
    'with the inputs shown for `OT4xxx`.',
  ];
  for (const code of codes) {
    const { severity, message } = diagnosticCatalog[code];
    const note = notes[code];
    out.push('', `## ${code}`, '', `**${severity}**: \`\` ${message} \`\``);
    if (note) out.push('', note.explain);
    const example = note ? await exampleOf(code, note, api) : undefined;
    if (example) out.push('', example);
  }
  return out.join('\n') + '\n';
}

/** Codes of the catalog that have no explanation yet. */
export async function codesWithoutNotes() {
  const { diagnosticCatalog } = await import(join(root, 'dist', 'diagnostics', 'catalog.js'));
  return Object.keys(diagnosticCatalog).filter((code) => !(code in notes));
}

async function exampleOf(code, note, api) {
  if (note.check !== undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'ot-diagnostics-doc-'));
    const project = join(dir, 'project');
    mkdirSync(project);
    const previous = process.cwd();
    try {
      writeFileSync(join(project, 'example.ot'), note.check);
      process.chdir(project);
      const found = api.check('example.ot').filter((d) => d.code === code);
      if (found.length === 0) throw new Error(`the example of ${code} does not produce ${code}`);
      const file = api.createSourceFile('example.ot', note.check);
      const printed = api
        .printDiagnostics(found.slice(0, 1), () => file, { color: false })
        .replaceAll(dir, '');
      return [
        '```ot',
        note.check,
        '```',
        '',
        '```',
        `$ npx ot check example.ot`,
        printed,
        '```',
      ].join('\n');
    } finally {
      process.chdir(previous);
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (note.run !== undefined) {
    const file = api.createSourceFile('example.ot', note.run);
    try {
      await api.run(api.template(note.run, { path: 'example.ot' }).run(note.inputs));
    } catch (error) {
      const found = (error.diagnostics ?? []).filter((d) => d.code === code);
      if (found.length === 0) throw error;
      const printed = api.printDiagnostics(found.slice(0, 1), () => file, { color: false });
      return [
        '```ot',
        note.run,
        '```',
        '',
        `run with the inputs \`${JSON.stringify(note.inputs)}\`:`,
        '',
        '```',
        printed,
        '```',
      ].join('\n');
    }
    throw new Error(`the example of ${code} runs without an error`);
  }
  return undefined;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await renderDiagnosticsDoc();
  const missing = await codesWithoutNotes();
  if (missing.length > 0) {
    console.error(
      `codes without an explanation in scripts/gen-diagnostics-doc.mjs: ${missing.join(', ')}`,
    );
  }
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // a missing file is out of date
    }
    if (current !== text) {
      console.error(
        'docs/diagnostics.md is out of date with the catalog: run `npx tsc -p tsconfig.build.json && node scripts/gen-diagnostics-doc.mjs`',
      );
      process.exit(1);
    }
  } else {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    console.log(`wrote ${target}`);
  }
}
