import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFakeSpec, parseFakeSpec } from '../../src/backends/fake/load-fake-spec.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { isOtError } from '../../src/diagnostics/ot-error.js';

/** The diagnostics of the OtError `run` throws, each with the text its span covers. */
function diagnosticsOf(run: () => unknown, text = ''): (Diagnostic & { covers: string })[] {
  try {
    run();
  } catch (error) {
    if (!isOtError(error)) throw error;
    return error.diagnostics.map((d) => ({ ...d, covers: text.slice(d.span.start, d.span.end) }));
  }
  throw new Error('expected an OtError');
}

describe('fake-backend files', () => {
  it('reads every form of the YAML file', () => {
    const spec = parseFakeSpec(
      [
        'latency_ms: 20',
        'replies:',
        '  - match: "southernmost city in France"',
        '    reply: "Menton"',
        '  - match: "/joke/i"',
        '    reply: ["one", "two"]',
        '  - match: "2+2"',
        '    reply: 4',
        '  - match: boom',
        '    reply: {error: "overloaded"}',
        'default: "ok"',
        'model: "fake-large"',
      ].join('\n'),
      'replies.yaml',
    );
    expect(spec).toEqual({
      latency_ms: 20,
      model: 'fake-large',
      default: 'ok',
      replies: [
        { match: 'southernmost city in France', reply: 'Menton' },
        { match: '/joke/i', reply: ['one', 'two'] },
        { match: '2+2', reply: '4' },
        { match: 'boom', reply: { error: 'overloaded' } },
      ],
    });
  });

  it('reads JSON, and an empty file as an empty spec', () => {
    expect(parseFakeSpec('{"replies": [{"match": "a", "reply": "b"}]}', 'r.json')).toEqual({
      replies: [{ match: 'a', reply: 'b' }],
    });
    expect(parseFakeSpec('', 'empty.yaml')).toEqual({});
  });

  it('reports every problem at once, each pointing at its key in the file', () => {
    const text = [
      'latency: 5',
      'latency_ms: -1',
      'replies:',
      '  - match: "/([a-z]/"',
      '    reply: x',
      '  - reply: y',
      '  - match: z',
      '    reply: {text: "json?"}',
      '  - match: w',
      '    reply: []',
    ].join('\n');
    const diagnostics = diagnosticsOf(() => parseFakeSpec(text, '/p/replies.yaml'), text);
    expect(diagnostics.map((d) => [d.code, d.file, d.message, d.covers])).toEqual([
      [
        'OT4005',
        '/p/replies.yaml',
        'unknown key `latency`; expected one of: latency_ms, replies, default, model',
        'latency',
      ],
      ['OT4005', '/p/replies.yaml', '`latency_ms` must be a number ≥ 0, not -1', '-1'],
      [
        'OT4005',
        '/p/replies.yaml',
        expect.stringMatching(/^`replies\[0\]\.match` is not a valid regular expression: /),
        '"/([a-z]/"',
      ],
      [
        'OT4005',
        '/p/replies.yaml',
        '`replies[1]` is missing the required key `match` (or `match_last`)',
        'reply: y\n',
      ],
      [
        'OT4005',
        '/p/replies.yaml',
        '`replies[2].reply` must be a string, a list of strings, {error: "…"} or {text: "…", finish_reason: length}, not a mapping; write a JSON reply as a quoted string',
        '{text: "json?"}',
      ],
      ['OT4005', '/p/replies.yaml', '`replies[3].reply` is an empty list', '[]'],
    ]);
  });

  it('reports a file that is not a mapping, and YAML syntax errors with their place', () => {
    expect(diagnosticsOf(() => parseFakeSpec('- a\n- b\n', 'r.yaml'))[0]?.message).toBe(
      'the file must be a mapping of keys to values, not a list',
    );
    const text = 'replies:\n  - match: "a\n';
    const [syntax] = diagnosticsOf(() => parseFakeSpec(text, 'r.yaml'), text);
    expect(syntax?.message).toMatch(/^invalid YAML: /);
    expect(syntax?.span.start).toBeGreaterThan(0);
  });

  it('loads a file from disk, naming a missing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ot-fake-'));
    const path = join(dir, 'replies.yaml');
    writeFileSync(path, 'default: hello\n');
    expect(loadFakeSpec(path)).toEqual({ default: 'hello' });
    const missing = join(dir, 'nope.yaml');
    const [diagnostic] = diagnosticsOf(() => loadFakeSpec(missing));
    expect(diagnostic?.file).toBe(missing);
    expect(diagnostic?.message).toBe(`cannot read fake-backend file ${missing}: no such file`);
  });
});
