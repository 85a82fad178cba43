import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { check, loadTemplate, run, template } from '../../src/index.js';
import { expectNoLeak, expectPrototypesUntouched, expectStopped, outcomeOf } from './outcome.js';
import { payloads } from './payloads.js';

const work = mkdtempSync(join(tmpdir(), 'ot-security-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(expectPrototypesUntouched);

async function render(source: string, inputs: Record<string, unknown> = {}): Promise<string> {
  return (await run(template(source).run(inputs))).text;
}

describe('the sandbox, through the TypeScript API (interpreter)', () => {
  describe.each(payloads)('$name', (payload) => {
    it('stops `template()` + `run`', async () => {
      expectStopped(payload, await outcomeOf(() => render(payload.source)));
    });

    it('stops `loadTemplate()` + `run`', async () => {
      const file = join(work, `${payloads.indexOf(payload)}.ot`);
      writeFileSync(file, payload.source);
      expectStopped(
        payload,
        await outcomeOf(async () => (await run(loadTemplate(file).run({}))).text),
      );
    });

    it('is reported by `check()` as an error when it is a check-time error', () => {
      const errors = check('payload.ot', payload.source).filter((d) => d.severity === 'error');
      if (payload.codes.includes('OT4001') && payload.codes.length === 1) {
        expect(errors).toEqual([]);
      } else {
        expect(errors.map((d) => d.code)).toContainEqual(
          expect.stringMatching(new RegExp(payload.codes.join('|'))),
        );
      }
    });
  });

  it('keeps a dict literal\'s "__proto__" key an own key (nunjucks sets the prototype)', async () => {
    const text = await render(
      '{% set d = {"__proto__": {"polluted": "yes"}, "a": 1} %}' +
        '[{{ d.polluted }}] {{ d | length }} {% for k, v in d %}{{ k }};{% endfor %} {{ d | dump }}',
    );
    expect(text).toBe('[] 2 __proto__;a; {"__proto__":{"polluted":"yes"},"a":1}');
  });

  it('never prints a function: globals, macros, methods and joiners render as [function]', async () => {
    const text = await render(
      '{% macro m() %}x{% endmacro %}{{ range }} {{ m }} {{ "a".split }} {{ joiner() }} ' +
        '{{ range ~ "" }} {{ [range, m] | join(",") }} {{ m | string }} {{ cycler }}',
    );
    expect(text).toBe(
      '[function] [function] [function] [function] [function] [function],[function] [function] [function]',
    );
    expectNoLeak(text);
  });

  it('keeps the documented safe methods of strings, lists, numbers and dicts', async () => {
    const text = await render(
      '{{ "a,b".split(",") | length }} {{ name.toUpperCase() }} {{ name.toLowerCase() }} ' +
        '{{ name.startsWith("Ad") }} {{ name.replace("a", "o") }} {{ " x ".trim() }} ' +
        '{% set xs = [3, 1] %}{% set _ = xs.push(2) %}{{ xs.join("-") }} {{ xs.indexOf(1) }} ' +
        '{{ (3.14159).toFixed(2) }} {{ {"k": 1}.hasOwnProperty("k") }} {{ cycler(1, 2).next() }}',
      { name: 'Ada' },
    );
    expect(text).toBe('2 ADA ada true Ado x 3-1-2 1 3.14 true 1');
  });

  it('lets templates call functions the host passes as own properties, not their prototypes', async () => {
    const inputs = { host: { greet: (who: string) => `hi ${who}` }, when: new Date(0) };
    expect(await render('{{ host.greet("Ada") }}', inputs)).toBe('hi Ada');
    expectStopped(
      { name: 'Date method', source: '', codes: ['OT4001'] },
      await outcomeOf(() => render('{{ when.getTime() }}', inputs)),
    );
  });

  it("treats an undeclared input named __proto__ as data, not as the scope's prototype", async () => {
    const inputs = JSON.parse('{"__proto__": {"x": "injected"}, "y": 1}') as Record<
      string,
      unknown
    >;
    expect(await render('[{{ x }}]{{ y }}', inputs)).toBe('[]1');
  });
});
