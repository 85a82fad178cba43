import { describe, expect, it } from 'vitest';
import { formatSource } from '../../src/format/format-source.js';
import { sameTemplate } from '../../src/format/template-shape.js';

/** Formats one `{{ }}` or `<< >>` tag and returns its inside. */
async function formatInside(open: '{{' | '<<', expr: string): Promise<string> {
  const close = open === '{{' ? '}}' : '>>';
  const source = `${open} ${expr} ${close}`;
  const formatted = await formatSource(source);
  expect(sameTemplate(source, formatted)).toBe(true);
  return formatted.slice(open.length + 1, -(close.length + 1));
}

describe('expressions keep their meaning with as few parentheses as needed', () => {
  it.each([
    ['a+b*c', 'a + b * c'],
    ['(a+b)*c', '(a + b) * c'],
    ['a-(b-c)', 'a - (b - c)'],
    ['(a-b)-c', 'a - b - c'],
    ['a+b-c', 'a + b - c'],
    ['a*(b*c)', 'a * (b * c)'],
    ['a*b/c%d', 'a * b / c % d'],
    ['a % b // c % d', '(a % b) // (c % d)'],
    // `//` binds tighter than `*`; the parentheses keep `%` from regrouping next to it.
    ['a * b // c', 'a * (b // c)'],
    ['(a * b) // c', '(a * b) // c'],
    ['a // b // c', 'a // b // c'],
    ['a // (b // c)', 'a // (b // c)'],
    ['2**3**2', '2 ** 3 ** 2'],
    ['2**(3**2)', '2 ** (3 ** 2)'],
    ['a ~ b + c', 'a ~ b + c'],
    ['a ~ (b ~ c)', 'a ~ (b ~ c)'],
    ['-x|abs', '-x | abs'],
    ['-(x|abs)', '-(x | abs)'],
    ['-(-x)', '--x'],
    ['(a+b)|string', '(a + b) | string'],
    ['x.y[0](1).z', 'x.y[0](1).z'],
    ['(a or b) and c', '(a or b) and c'],
    ['a or b and c', 'a or b and c'],
    ['not a and b', 'not a and b'],
    ['not (a and b)', 'not (a and b)'],
    ['not a in b', 'not a in b'],
    ['(a in b) in c', 'a in b in c'],
    ['a in (b in c)', 'a in (b in c)'],
    ['a not in b', 'a not in b'],
    ['a < b <= c', 'a < b <= c'],
    ['(a < b) == c', '(a < b) == c'],
    ['a is odd', 'a is odd'],
    ['(a is odd) == b', '(a is odd) == b'],
    ['a + b is odd', 'a + b is odd'],
    ['a is not divisibleby(3)', 'a is not divisibleby(3)'],
    ['a if b else c', 'a if b else c'],
    ['(a if b else c) if d else e', '(a if b else c) if d else e'],
    ['a if b else (c if d else e)', 'a if b else (c if d else e)'],
    ['(a if b else c) | f', '(a if b else c) | f'],
    ['x[1:2]', 'x[1:2]'],
    ['x[::2]', 'x[::2]'],
    ['x[:-1]', 'x[:-1]'],
    ['(1,2)', '(1, 2)'],
    ['[ ]', '[]'],
    ['{ }', '{}'],
    ['{"a":{"b":1} }', '{ "a": { "b": 1 } }'],
    ['{a:1}', '{ a: 1 }'],
    ['f(1,x=2)', 'f(1, x=2)'],
  ])('{{ %s }} → {{ %s }}', async (input, expected) => {
    expect(await formatInside('{{', input)).toBe(expected);
  });
});

describe('call blocks keep the composition `+` apart from addition', () => {
  it.each([
    ['(1+2)', '(1 + 2)'],
    ['1+2', '1 + 2'],
    ['x = a ~ (b + c)', 'x = a ~ (b + c)'],
    ['(a+b)-c', '(a + b) - c'],
    ['a - b + c', 'a - b + c'],
    ['"Q: " + generate_text() + "!"', '"Q: " + generate_text() + "!"'],
    ['f(a + b)', 'f(a + b)'],
    ['[a + b]', '[a + b]'],
    ['(a + b) if c else d', '(a + b) if c else d'],
    ['+x', '+x'],
  ])('<< %s >> → << %s >>', async (input, expected) => {
    expect(await formatInside('<<', input)).toBe(expected);
  });
});
