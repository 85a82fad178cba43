import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { isOtError } from '../../src/diagnostics/ot-error.js';
import { loadProgram } from '../../src/ir/load-program.js';
import { run } from '../../src/runtime/api/run.js';
import { loadTemplate, template } from '../../src/template.js';
import { buildDist, runOt } from '../cli/run-ot.js';

/*
 * `include` and `flow()` read only inside the project's roots; a computed path needs
 * `allow_dynamic_paths`. Every fixture lives in a fresh temp dir: `proj/` is the project,
 * `outside.txt` and `shared/` sit next to it.
 */
let work: string;
let proj: string;

beforeAll(() => {
  buildDist();
  // The real path, so messages (which name real paths) match where tmpdir() is a symlink.
  work = realpathSync(mkdtempSync(path.join(tmpdir(), 'ot-paths-')));
  proj = path.join(work, 'proj');
  mkdirSync(proj);
  mkdirSync(path.join(work, 'shared'));
  writeFileSync(path.join(work, 'outside.txt'), 'SECRET-OUTSIDE\n');
  writeFileSync(path.join(work, 'shared', 'part.ot'), 'shared part\n');
  writeFileSync(path.join(proj, 'inside.ot'), 'inside part\n');
  symlinkSync(path.join(work, 'outside.txt'), path.join(proj, 'link.txt'));
}, 120_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** A fresh project dir holding `files` (and `ot.config.yaml` when given). */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(proj, 'p-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const PAGE_INPUT = '---\ninput:\n  page: string\n---\n';

function errorCodes(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (isOtError(error)) return error.diagnostics.map((d) => d.code);
    throw error;
  }
  return [];
}

describe('check time: literal paths stay inside the roots', () => {
  it('refuses a `..` escape, naming the path and the root, and never reads the file', () => {
    const entry = path.join(proj, 'up.ot');
    writeFileSync(entry, 'A {% include "../outside.txt" %}\n');
    const reads: string[] = [];
    const loaded = loadProgram(entry, {
      readFile: (file) => {
        reads.push(file);
        return file === entry ? 'A {% include "../outside.txt" %}\n' : 'SECRET';
      },
      access: { roots: [proj], allowDynamicPaths: false },
    });
    expect(reads).toEqual([entry]);
    expect(loaded.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'OT2018',
        `include path \`${path.join(work, 'outside.txt')}\` leaves the project: \`${path.join(work, 'outside.txt')}\` is outside \`${proj}\` (add its directory to \`include_roots\` in ot.config.yaml to allow it)`,
      ],
    ]);
  });

  it('refuses an absolute path outside and a symlink whose real path leaves the root, even with ignore missing', () => {
    const dir = project({
      'abs.ot': `{% include "${path.join(work, 'outside.txt')}" ignore missing %}`,
      'link.ot': '{% include "../link.txt" %}',
      'flow.ot': '<< flow("../../outside.txt") >>',
    });
    for (const file of ['abs.ot', 'link.ot', 'flow.ot']) {
      const loaded = loadProgram(path.join(dir, file));
      expect(loaded.diagnostics.map((d) => d.code)).toEqual(['OT2018']);
      expect(loaded.diagnostics[0]!.message).toContain(path.join(work, 'outside.txt'));
    }
  });

  it('allows files under include_roots, relative to the config file', () => {
    // The config sits in proj/p-…/, so the root climbs two levels to reach shared/.
    const dir = project({
      'ot.config.yaml': 'include_roots: [../../shared]\n',
      'main.ot': '{% include "../../shared/part.ot" %}',
    });
    const loaded = loadProgram(path.join(dir, 'main.ot'));
    expect(loaded.diagnostics).toEqual([]);
    writeFileSync(path.join(dir, 'ot.config.yaml'), '{}\n');
    expect(loadProgram(path.join(dir, 'main.ot')).diagnostics.map((d) => d.code)).toEqual([
      'OT2018',
    ]);
  });

  it('the API refuses outside paths: template(source, {path}) roots at the path, loadTemplate too', () => {
    const entry = path.join(proj, 'api.ot');
    writeFileSync(entry, '{% include "../outside.txt" %}');
    expect(errorCodes(() => template('{% include "../outside.txt" %}', { path: entry }))).toEqual([
      'OT2018',
    ]);
    expect(errorCodes(() => loadTemplate(entry))).toEqual(['OT2018']);
    expect(errorCodes(() => template('{% include "inside.ot" %}', { path: entry }))).toEqual([]);
  });
});

describe('computed paths', () => {
  it('are an error at check time unless the config allows them', () => {
    const source = `${PAGE_INPUT}{% include page %}<< flow(page) >>`;
    const entry = path.join(proj, 'dyn.ot');
    expect(errorCodes(() => template(source, { path: entry }))).toEqual(['OT2019', 'OT2019']);
    const config = parseConfig('allow_dynamic_paths: true\n', path.join(proj, 'ot.config.yaml'));
    expect(errorCodes(() => template(source, { path: entry, config }))).toEqual([]);
  });

  it('when allowed, an input may choose a file inside the roots but not one outside', async () => {
    const entry = path.join(proj, 'dyn.ot');
    const config = parseConfig('allow_dynamic_paths: true\n', path.join(proj, 'ot.config.yaml'));
    const compiled = template(`${PAGE_INPUT}[{% include page %}]`, { path: entry, config });
    const render = (page: string) => run(compiled.run({ page }), { cache: undefined });
    expect((await render('inside.ot')).text).toBe('[inside part\n]');
    for (const page of ['../outside.txt', path.join(work, 'outside.txt'), 'link.txt']) {
      const error = await render(page).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isOtError(error) && error.diagnostics.map((d) => [d.code, d.message])).toEqual([
        [
          'OT4016',
          `include of \`${page}\` refused: \`${path.join(work, 'outside.txt')}\` is outside \`${proj}\``,
        ],
      ]);
    }
  });
});

describe('ignore missing', () => {
  it('a missing literal file renders nothing, as before (it is not a computed path)', async () => {
    const entry = path.join(proj, 'maybe.ot');
    const compiled = template('[{% include "no-such.ot" ignore missing %}]', { path: entry });
    expect((await run(compiled.run({}), { cache: undefined })).text).toBe('[]');
  });
});

describe('through the CLI', () => {
  it('ot run: an input cannot choose a file to read (check-time OT2019, nothing rendered)', async () => {
    const dir = project({ 'b.ot': `${PAGE_INPUT}{% include page %}\n` });
    const result = await runOt(['run', 'b.ot', '--input', 'page=../../outside.txt'], {
      cwd: dir,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('b.ot:5:12: error OT2019: include with a computed path');
    expect(result.stderr).not.toContain('SECRET');
  });

  it('ot run with allow_dynamic_paths: an outside file is refused at the include (OT4016)', async () => {
    const dir = project({
      'ot.config.yaml': 'allow_dynamic_paths: true\n',
      'b.ot': `${PAGE_INPUT}{% include page %}\n`,
    });
    const result = await runOt(['run', 'b.ot', '--input', 'page=../../outside.txt'], {
      cwd: dir,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `b.ot:5:1: error OT4016: include of \`../../outside.txt\` refused: \`${path.join(work, 'outside.txt')}\` is outside \`${dir}\``,
    );
    expect(result.stderr).not.toContain('SECRET');
  });

  it('ot run --config: the named config says where includes may read', async () => {
    const dir = project({ 'main.ot': '[{% include "../../shared/part.ot" %}]\n' });
    const configDir = mkdtempSync(path.join(work, 'cfg-'));
    const config = path.join(configDir, 'ot.config.yaml');
    writeFileSync(config, `include_roots: [${JSON.stringify(path.join(work, 'shared'))}]\n`);
    const allowed = await runOt(['run', 'main.ot', '--config', config, '--cache', 'off'], {
      cwd: dir,
    });
    expect(allowed.stderr).toBe('');
    expect(allowed).toMatchObject({ code: 0, stdout: '[shared part\n]\n' });
    const refused = await runOt(['run', 'main.ot', '--cache', 'off'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error OT2018');
  });

  it('ot check reports an absolute path outside the project', async () => {
    const dir = project({ 'a.ot': `{% include "${path.join(work, 'outside.txt')}" %}\n` });
    const result = await runOt(['check', 'a.ot'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('a.ot:1:12: error OT2018: include path');
    expect(result.stderr).toContain(`is outside \`${dir}\``);
  });

  it('ot compile refuses to embed a file outside the root and writes nothing', async () => {
    const dir = project({ 'c.ot': 'X {% include "../../outside.txt" %}\n' });
    const result = await runOt(['compile', 'c.ot'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('c.ot:1:14: error OT2018');
    expect(existsSync(path.join(dir, 'c.mjs'))).toBe(false);
  });
});
