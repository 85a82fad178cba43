import { describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/ir/load-program.js';
import { formatCount, plan, type Plan } from '../../src/plan/index.js';

/** The plan of a template given as text (includes and flows need files: see the fixtures). */
function planOf(source: string): Plan {
  const loaded = loadProgram('inline.ot', { source });
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join('; '));
  return plan(loaded.program);
}

/** `c2 <- c1 (prefix)` lines: what each call waits for. */
function waits(p: Plan): string[] {
  return p.calls.map((call) => {
    const on = call.waitsFor.map(
      (w) =>
        `${w.call}${w.previousIteration ? `@${w.previousIteration}` : ''} (${w.reasons.map((r) => r.kind + ('name' in r ? ` ${r.name}` : 'names' in r && r.names.length > 0 ? ` ${r.names.join(',')}` : '')).join(', ')})`,
    );
    return `${call.id} <- ${on.join(', ') || 'nothing'}`;
  });
}

describe('what a call waits for', () => {
  it('its prefix: every call whose text is before it', () => {
    expect(
      waits(
        planOf(
          'A << a = generate_text() >> B << b = generate_text() >> C << c = generate_text() >>',
        ),
      ),
    ).toEqual(['c1 <- nothing', 'c2 <- c1 (prefix)', 'c3 <- c1 (prefix), c2 (prefix)']);
  });

  it('not the prefix when the prompt is explicit (positional, prompt=, select’s second argument, chat messages)', () => {
    const p = planOf(
      [
        'A << a = generate_text() >>',
        '<< generate_text("x") >><< generate_text(prompt="y") >><< select(["p", "q"], "Pick") >>',
        '<< chat([{"role": "user", "content": "hi"}]) >><< instruct("Say hi") >>',
      ].join('\n'),
    );
    expect(p.calls.map((c) => `${c.builtin}:${c.prompt}`)).toEqual([
      'generate_text:prefix',
      'generate_text:explicit',
      'generate_text:explicit',
      'select:explicit',
      'chat:explicit',
      'instruct:explicit',
    ]);
    expect(p.calls.slice(1).every((c) => c.waitsFor.length === 0)).toBe(true);
  });

  it('the prefix when the explicit prompt is a literal none, and select without a prompt', () => {
    expect(
      waits(
        planOf(
          'A << a = generate_text() >> << generate_text(prompt=none) >> << select(["x", "y"]) >>',
        ),
      ),
    ).toEqual(['c1 <- nothing', 'c2 <- c1 (prefix)', 'c3 <- c1 (prefix), c2 (prefix)']);
  });

  it('variables: through set, filters and composed text; arguments nested in the call', () => {
    const p = planOf(
      '<< a = generate_text("1") >>{% set b = a | upper ~ "!" %}<< c = generate_text(prompt=b) >><< d = generate_text(prompt=generate_text("2")) >>',
    );
    expect(waits(p)).toEqual([
      'c1 <- nothing',
      'c2 <- c1 (variable b)',
      'c3 <- nothing',
      'c4 <- c3 (argument)',
    ]);
  });

  it('not a capture’s calls through the prefix (the captured text is not in it), but through its variable', () => {
    expect(
      waits(
        planOf(
          '{% set s %}S: << generate_text() >>{% endset %}<< generate_text() >><< generate_text(prompt=s) >>',
        ),
      ),
    ).toEqual(['c1 <- nothing', 'c2 <- nothing', 'c3 <- c1 (variable s)']);
  });

  it('conditions that read calls, including a conditional term and `and`', () => {
    const p = planOf(
      '<< a = generate_text("1") >>{% if a %}<< generate_text("2") >>{% endif %}<< generate_text("3") if a else "no" >><< (a and generate_text("4")) >>',
    );
    expect(waits(p)).toEqual([
      'c1 <- nothing',
      'c2 <- c1 (condition a)',
      'c3 <- c1 (condition a)',
      'c4 <- c1 (condition a)',
    ]);
    expect(
      p.guards.map((g) => `${g.id} ${g.kind} ${g.branches}${g.exhaustive ? ' exhaustive' : ''}`),
    ).toEqual(['g1 if 1', 'g2 conditional 2 exhaustive', 'g3 conditional 1']);
    expect(formatCount(p.estimate.min)).toBe('1');
    expect(formatCount(p.estimate.max)).toBe('4');
  });

  it('names assigned under a condition that waits: even an unassigned one waits for the condition', () => {
    expect(
      waits(
        planOf(
          '{% set x = "k" %}<< a = generate_text("1") >>{% if a == "z" %}{% set x = "y" %}{% endif %}<< generate_text(prompt=x) >>',
        ),
      ),
    ).toEqual(['c1 <- nothing', 'c2 <- c1 (variable x)']);
  });

  it('fork branches never wait for each other; after the fork, both', () => {
    const p = planOf(
      '{% fork %}{% branch %}<< a = generate_text() >>{% endbranch %}{% branch %}<< b = generate_text() >>{% endbranch %}{% endfork %}<< generate_text() >>',
    );
    expect(waits(p)).toEqual(['c1 <- nothing', 'c2 <- nothing', 'c3 <- c1 (prefix), c2 (prefix)']);
    expect(
      p.loops.map((l) => `${l.id} ${l.kind} ${formatCount(l.iterations)} ${l.concurrent}`),
    ).toEqual(['l1 fork 2 true']);
  });

  it('macros: each call of the macro is a call; the second sees the first in its prefix', () => {
    const p = planOf(
      '{% macro ask(q) %}{{ q }}: << generate_text() >>{% endmacro %}{{ ask("one") }} {{ ask("two") }}',
    );
    expect(waits(p)).toEqual(['c1 <- nothing', 'c2 <- c1 (prefix)']);
    expect(p.calls.map((c) => c.scope.map((s) => s.kind).join('/'))).toEqual(['macro', 'macro']);
  });

  it('a recursive macro is planned once, with a diagnostic', () => {
    const p = planOf(
      '{% macro m(n) %}<< generate_text(prompt=n) >>{{ m(n) }}{% endmacro %}{{ m("x") }}',
    );
    expect(p.calls).toHaveLength(1);
    expect(p.diagnostics.map((d) => d.code)).toEqual(['OT3003']);
  });

  it('a computed include is a diagnostic', () => {
    const loaded = loadProgram('inline.ot', {
      source: '{% set name = "x.ot" %}{% include name ignore missing %}',
    });
    expect(plan(loaded.program).diagnostics.map((d) => d.code)).toEqual(['OT3002']);
  });
});

describe('loops', () => {
  it('iterations wait for each other when a call carries state over (prefix or variable); counts from literals and range', () => {
    const p = planOf(
      [
        '{% for x in ["a", "b"] %}- << generate_text() >>{% endfor %}',
        '{% for i in range(3) %}<< generate_text(prompt="p" ~ i) >>{% endfor %}',
        '{% set acc = "" %}{% for i in range(1, 5) %}<< r = generate_text(prompt=acc) >>{% set acc = acc ~ r %}{% endfor %}',
      ].join('\n'),
    );
    expect(
      p.loops.map(
        (l) => `${l.id} ${formatCount(l.iterations)} ${l.concurrent ? 'concurrent' : 'sequential'}`,
      ),
    ).toEqual(['l1 2 sequential', 'l2 3 concurrent', 'l3 4 sequential']);
    expect(waits(p)).toEqual([
      'c1 <- c1@l1 (prefix)',
      'c2 <- nothing',
      'c3 <- c3@l3 (variable acc)',
    ]);
    expect(formatCount(p.estimate.max)).toBe('9');
    expect(p.criticalPath.calls).toEqual(['c3']);
    expect(formatCount(p.criticalPath.length)).toBe('4');
  });

  it('an outer loop stays concurrent when each iteration starts its inner sequence afresh', () => {
    const p = planOf(
      '{% for x in items %}{% set acc = x %}{% for y in [1, 2, 3] %}<< r = generate_text(prompt=acc) >>{% set acc = acc ~ r %}{% endfor %}{% endfor %}',
    );
    expect(
      p.loops.map(
        (l) => `${l.id} ${formatCount(l.iterations)} ${l.concurrent ? 'concurrent' : 'sequential'}`,
      ),
    ).toEqual(['l1 len(items) concurrent', 'l2 3 sequential']);
    expect(formatCount(p.calls[0]!.repeat)).toBe('3 × len(items)');
  });

  it('a loop over a call’s result waits for it (loop list); a fork over one too (fork)', () => {
    const p = planOf(
      '<< xs = generate_object("list", schema={"type": "array"}) >>{% for x in xs %}<< generate_text(prompt=x) >>{% endfor %}{% fork %}{% for x in xs %}<< generate_text(prompt=x) >>{% endfor %}{% endfork %}',
    );
    expect(waits(p)).toEqual(['c1 <- nothing', 'c2 <- c1 (loop list xs)', 'c3 <- c1 (fork xs)']);
  });

  it('samples count as requests, a symbol when not literal', () => {
    const p = planOf(
      '---\ninput:\n  n: integer\n---\n<< generate_texts(samples=3) >><< generate_texts(prompt="x", samples=n) >>',
    );
    expect(formatCount(p.estimate.max)).toBe('3 + n');
  });
});
