import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A template on which we deliberately differ from nunjucks, with what we give instead. */
export interface DivergenceCase {
  name: string;
  path: string;
  source: string;
  context: Record<string, unknown>;
  expected: { text: string } | { errorCode: string };
  /** Why we differ: the rule (LANGUAGE.md) or the nunjucks bug. */
  why: string;
}

/** The cases of `dir`: `<name>.njk` with `<name>.json` = `{ why, context, expected }`. */
export function loadDivergences(dir: string): DivergenceCase[] {
  const cases: DivergenceCase[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.njk')) continue;
    const name = file.slice(0, -'.njk'.length);
    const specPath = join(dir, `${name}.json`);
    if (!existsSync(specPath)) throw new Error(`${join(dir, file)} has no ${name}.json`);
    const spec = JSON.parse(readFileSync(specPath, 'utf8')) as Omit<
      DivergenceCase,
      'name' | 'path' | 'source'
    >;
    if (!spec.why || !spec.expected) throw new Error(`${specPath} needs "why" and "expected"`);
    cases.push({
      name,
      path: join(dir, file),
      source: readFileSync(join(dir, file), 'utf8'),
      ...spec,
      context: spec.context ?? {},
    });
  }
  return cases;
}
