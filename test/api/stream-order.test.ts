// Each streamed call's `order` (issue 12, point 2): its place in source order, the order a
// sequential run makes the calls in, whatever order the optimizer starts them in. Calls that
// wait for an earlier call's result (in a macro's arguments, a loop, an `if`, a `flow()`, a
// conditional expression) start after `last`, which waits for nothing, yet sort before it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import {
  compareOrder,
  createFakeBackend,
  createRegistry,
  loadTemplate,
  run,
  type CallStreamEvent,
} from '../../src/index.js';

const MAIN = [
  '{% macro m(p) %}<< generate_text("macro " ~ p) >>{% endmacro %}',
  '<< x = generate_text("zero") >>',
  '{{ m(x) }}',
  '{% for i in [1, 2] %}<< generate_text("loop " ~ i ~ x) >>{% endfor %}',
  '{% if x %}<< generate_text("if") >>{% endif %}',
  '<< flow("sub.ot", q=x) >>',
  '<< generate_text("cond") if x else "" >>',
  '<< generate_text("last") >>',
  '',
].join('\n');

const SUB = [
  '---',
  'input:',
  '  q: string',
  '---',
  '<< y = generate_text("sub one " ~ q) >><< generate_text("sub two " ~ y) >>',
  '',
].join('\n');

const REPLIES = [
  ['zero', 'Z'],
  ['macro', 'M'],
  ['loop 1', 'L1'],
  ['loop 2', 'L2'],
  ['if', 'I'],
  ['sub one', 'S1'],
  ['sub two', 'S2'],
  ['cond', 'C'],
  ['last', 'END'],
] as const;

it('gives every call its place in source order, whatever order the calls start in', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ot-stream-order-'));
  writeFileSync(join(dir, 'main.ot'), MAIN);
  writeFileSync(join(dir, 'sub.ot'), SUB);
  const flow = loadTemplate(join(dir, 'main.ot'));
  const registry = createRegistry([
    createFakeBackend(
      { replies: REPLIES.map(([match, reply]) => ({ match, reply })), default: '?' },
      'fake',
    ),
  ]);
  const events: CallStreamEvent[] = [];
  await run(flow.run(), { registry, onStream: (event) => events.push(event) });

  const starts = events.flatMap((e) => (e.type === 'start' ? [e] : []));
  const results = new Map(
    events.flatMap((e) => (e.type === 'end' ? [[e.id, e.result] as const] : [])),
  );
  const byStart = starts.map((e) => results.get(e.id));
  const bySource = [...starts].sort((a, b) => compareOrder(a.order, b.order));
  // The optimizer starts `last` second: it waits for nothing.
  expect(byStart.slice(0, 2)).toEqual(['Z', 'END']);
  expect(bySource.map((e) => results.get(e.id))).toEqual(REPLIES.map(([, reply]) => reply));
});
