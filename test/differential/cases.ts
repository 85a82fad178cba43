import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** One template of a case directory, with its context. */
export interface TemplateCase {
  name: string;
  path: string;
  source: string;
  context: Record<string, unknown>;
  /** Cases named `error-*` are templates on which nunjucks fails, so ours must fail too. */
  expectError: boolean;
}

/**
 * The cases of `dir`: every `*.njk` with a sibling `*.json` holding its context. Files whose
 * name starts with `_` are partials (included by cases), not cases; any other `.njk` without
 * its `.json` is a mistake and throws.
 */
export function loadCases(dir: string): TemplateCase[] {
  const cases: TemplateCase[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.njk') || file.startsWith('_')) continue;
    const name = file.slice(0, -'.njk'.length);
    const contextPath = join(dir, `${name}.json`);
    if (!existsSync(contextPath)) throw new Error(`${join(dir, file)} has no ${name}.json context`);
    cases.push({
      name,
      path: join(dir, file),
      source: readFileSync(join(dir, file), 'utf8'),
      context: JSON.parse(readFileSync(contextPath, 'utf8')) as Record<string, unknown>,
      expectError: name.startsWith('error-'),
    });
  }
  return cases;
}
