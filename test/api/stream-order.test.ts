// Each streamed call's `order` (issue 12, point 2): its place in source order, the order a
// sequential run makes the calls in, whatever order the optimizer starts them in. Calls that
// wait for an earlier call's result (in a macro's arguments, a loop, an `if`, a `flow()`, a
// conditional expression) start after `last`, which waits for nothing, yet sort before it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import {
  compareOrder,
  createFakeBackend,
  createRegistry,
  loadTemplate,
  openCache,
  run,
  type CallStreamEvent,
} from '../../src/index.js';
import type { CompiledProgram } from '../../src/codegen/runtime/compiled-program.js';
import { Session } from '../../src/runtime/session.js';
import { compileAndImport, removeGeneratedModules } from '../codegen/helpers/compile-fixture.js';

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

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ot-stream-order-'));
  writeFileSync(join(dir, 'main.ot'), MAIN);
  writeFileSync(join(dir, 'sub.ot'), SUB);
  return dir;
}

const registry = () =>
  createRegistry([
    createFakeBackend(
      { replies: REPLIES.map(([match, reply]) => ({ match, reply })), default: '?' },
      'fake',
    ),
  ]);

/** The replies in the order the calls started, and sorted by their `order`. */
function replyOrders(events: readonly CallStreamEvent[]): {
  byStart: unknown[];
  bySource: unknown[];
} {
  const starts = events.flatMap((e) => (e.type === 'start' ? [e] : []));
  const results = new Map(
    events.flatMap((e) => (e.type === 'end' ? [[e.id, e.result] as const] : [])),
  );
  const sorted = [...starts].sort((a, b) => compareOrder(a.order, b.order));
  return {
    byStart: starts.map((e) => results.get(e.id)),
    bySource: sorted.map((e) => results.get(e.id)),
  };
}

afterAll(() => removeGeneratedModules());

it('gives every call its place in source order, whatever order the calls start in', async () => {
  const flow = loadTemplate(join(project(), 'main.ot'));
  const events: CallStreamEvent[] = [];
  await run(flow.run(), { registry: registry(), onStream: (event) => events.push(event) });
  const { byStart, bySource } = replyOrders(events);
  // The optimizer starts `last` second: it waits for nothing.
  expect(byStart.slice(0, 2)).toEqual(['Z', 'END']);
  expect(bySource).toEqual(REPLIES.map(([, reply]) => reply));
});

it('gives a compiled module’s calls the same places', async () => {
  const { module } = await compileAndImport(join(project(), 'main.ot'));
  const { program } = module as unknown as { program: CompiledProgram };
  const events: CallStreamEvent[] = [];
  const r = registry();
  const session = new Session({ cache: await openCache('memory', { cwd: process.cwd() }) });
  await program.flow.run(
    {},
    {
      session,
      registry: r,
      backendName: 'fake',
      trace: null,
      startedAt: performance.now(),
      sample: '',
      warn: () => undefined,
      stream: (event) => events.push(event),
    },
    (name) => r.backends[name]!,
  );
  const { byStart, bySource } = replyOrders(events);
  expect(byStart.slice(0, 2)).toEqual(['Z', 'END']);
  expect(bySource).toEqual(REPLIES.map(([, reply]) => reply));
});
