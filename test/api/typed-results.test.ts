// Typed results (issue 12, point 3): generateObject infers its type from a JSON Schema written
// `as const` (json-schema-to-ts) or a Standard Schema (zod 4, valibot) and validates with the
// schema's own validator; select infers the union of its choices.
import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  CallError,
  createFakeBackend,
  createRegistry,
  Executable,
  InvalidReplyError,
  llm,
  run,
  type Backend,
  type CompletionRequest,
} from '../../src/index.js';

/** A fake that replies with `reply` to every prompt and records each request it gets. */
function recording(reply: string, model: string): { backend: Backend; seen: CompletionRequest[] } {
  const fake = createFakeBackend({ model, default: reply }, 'fake');
  const seen: CompletionRequest[] = [];
  return {
    seen,
    backend: {
      ...fake,
      complete: (request) => {
        seen.push(request);
        return fake.complete(request);
      },
    },
  };
}

describe('llm.generateObject', () => {
  it('infers the type of a JSON Schema written as const and validates against it', async () => {
    const schema = {
      type: 'object',
      properties: { city: { type: 'string' }, people: { type: 'integer' } },
      required: ['city'],
      additionalProperties: false,
    } as const;
    const e = llm.generateObject('Largest city?', schema);
    expectTypeOf(e).toEqualTypeOf<Executable<{ city: string; people?: number }>>();
    const { backend, seen } = recording('{"city":"Lyon","people":5}', 'typed-json');
    expect(await run(e, { registry: createRegistry([backend]) })).toEqual({
      city: 'Lyon',
      people: 5,
    });
    expect(seen[0]!.responseSchema).toEqual(schema);
  });

  it('takes a zod schema: its type, its JSON Schema sent, its validator', async () => {
    const schema = z.object({ city: z.string(), people: z.number().int().positive() });
    const e = llm.generateObject('Largest city?', schema);
    expectTypeOf(e).toEqualTypeOf<Executable<{ city: string; people: number }>>();
    const { backend, seen } = recording('{"city":"Lyon","people":5}', 'typed-zod');
    expect(await run(e, { registry: createRegistry([backend]) })).toEqual({
      city: 'Lyon',
      people: 5,
    });
    expect(seen[0]!.responseSchema).toMatchObject({
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city', 'people'],
    });
  });

  it("fails with the validator's issues, and a failed reply is not cached", async () => {
    const schema = z.object({ people: z.number().positive() });
    const { backend, seen } = recording('{"people":-3}', 'typed-zod-bad');
    const registry = createRegistry([backend]);
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await run(llm.generateObject('How many?', schema), { registry }).catch(
        (x: unknown) => x,
      );
      expect(error).toBeInstanceOf(CallError);
      const cause = (error as CallError).cause as InvalidReplyError;
      expect(cause).toBeInstanceOf(InvalidReplyError);
      expect(cause.issues[0]).toMatch(/^people: /);
      expect(cause.reply).toBe('{"people":-3}');
    }
    expect(seen).toHaveLength(2);
  });

  it('returns what the schema outputs (a transform applies)', async () => {
    const schema = z.object({ city: z.string().transform((s) => s.toUpperCase()) });
    const { backend } = recording('{"city":"lyon"}', 'typed-zod-transform');
    const e = llm.generateObject('City?', schema);
    expectTypeOf(e).toEqualTypeOf<Executable<{ city: string }>>();
    expect(await run(e, { registry: createRegistry([backend]) })).toEqual({ city: 'LYON' });
  });

  it('takes a valibot schema without a JSON Schema: asks in words, validates locally', async () => {
    const schema = v.object({ city: v.string() });
    const e = llm.generateObject('Largest city?', schema);
    expectTypeOf(e).toEqualTypeOf<Executable<{ city: string }>>();
    const { backend, seen } = recording('{"city":"Lyon"}', 'typed-valibot');
    expect(await run(e, { registry: createRegistry([backend]) })).toEqual({ city: 'Lyon' });
    expect(seen[0]!.responseSchema).toBeNull();
    const sent = seen[0]!.prompt ?? seen[0]!.messages?.[0]?.content;
    expect(sent).toBe('Largest city?\n\nReply with one JSON value only, no other text.');

    const bad = recording('{"town":"Lyon"}', 'typed-valibot-bad');
    const error = await run(llm.generateObject('Largest city?', schema), {
      registry: createRegistry([bad.backend]),
    }).catch((x: unknown) => x);
    expect(((error as CallError).cause as InvalidReplyError).issues.length).toBeGreaterThan(0);
  });

  it('sends the jsonSchema option for a Standard Schema that cannot give one', async () => {
    const schema = v.object({ city: v.string() });
    const jsonSchema = { type: 'object', properties: { city: { type: 'string' } } };
    const { backend, seen } = recording('{"city":"Lyon"}', 'typed-valibot-json');
    await run(llm.generateObject('Largest city?', schema, { jsonSchema }), {
      registry: createRegistry([backend]),
    });
    expect(seen[0]!.responseSchema).toEqual(jsonSchema);
  });
});

describe('llm.select', () => {
  it('returns one of the choices, typed as their union', async () => {
    const e = llm.select('Colour?', ['red', 'blue'] as const);
    expectTypeOf(e).toEqualTypeOf<Executable<'red' | 'blue'>>();
    // Without `as const` too: the choices are a const type parameter.
    expectTypeOf(llm.select('Colour?', ['red', 'blue'])).toEqualTypeOf<
      Executable<'red' | 'blue'>
    >();
    const { backend } = recording('Blue', 'typed-select');
    const value: 'red' | 'blue' = await run(e, { registry: createRegistry([backend]) });
    expect(value).toBe('blue');
  });
});
