/** The two-call flow the CLI suites run: a city, then its mayor (the second reads the first). */
export const chain = [
  '---',
  'input:',
  '  country: string',
  '---',
  'Southernmost city in {{ country }}? << city = generate_text() >>',
  'Mayor of {{ city | trim }}? << mayor = generate_text() >>',
  '',
].join('\n');

/** Its fake backend: France answers, Nowhere fails. */
export const fake = [
  'replies:',
  '  - match: "Mayor of Menton"',
  '    reply: " Yves Juhel"',
  '  - match: "city in France"',
  '    reply: " Menton"',
  '  - match: "city in Nowhere"',
  '    reply: {error: "no such country"}',
  '',
].join('\n');
