// The README cannot drift: its `$ npx ot …` examples run and print what they show, every
// `npx ot run samples/…` it mentions works offline, its links lead somewhere, and every
// environment variable the code reads is documented.
//
// Convention for shell examples (fenced ```sh blocks): a line `$ npx ot …` is a command, the
// lines after it (up to the next `$` line) are what it prints — stderr first, then stdout —
// compared exactly after normalisation: the scratch directory's absolute path reads `/path/to`,
// and durations (`3.2s`, `12ms`, `"start_ms": 97.0`) read `<time>`. `exit=N` in the info string
// is the exit code of every command of the block (default 0). Each block runs in a fresh scratch
// directory holding a copy of `samples/` and every file defined by an earlier block tagged
// `file=PATH` (```yaml file=replies.yaml), with no API key variables and NO_COLOR set.
import { spawn } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildDist, repoRoot } from '../cli/run-ot.js';
import { anchorsOf, fencesOf, proseOf, read, type Fence } from './markdown.js';

const readme = read(join(repoRoot, 'README.md'));
const fences = fencesOf(readme);
const bin = join(repoRoot, 'bin', 'ot.js');

interface Command {
  command: string;
  expected: string;
}

function commandsOf(fence: Fence): Command[] {
  const commands: Command[] = [];
  for (const line of fence.lines) {
    if (line.startsWith('$ ')) commands.push({ command: line.slice(2), expected: '' });
    else if (commands.length > 0) {
      const last = commands[commands.length - 1]!;
      last.expected += (last.expected === '' ? '' : '\n') + line;
    }
  }
  return commands;
}

/** The documented normalisation: the scratch path and durations. */
function normalise(text: string, dir: string): string {
  return text
    .split(dir)
    .join('/path/to')
    .replace(/("(?:start|end)_ms":\s*)[\d.]+/g, '$1<time>')
    .replace(/\b\d+(?:\.\d+)?m?s\b/g, '<time>')
    .trimEnd();
}

function scratchWith(files: readonly Fence[]): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ot-readme-')));
  cpSync(join(repoRoot, 'samples'), join(dir, 'samples'), { recursive: true });
  for (const file of files) {
    const path = join(dir, file.attrs['file']!);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.lines.join('\n') + '\n');
  }
  return dir;
}

function sh(command: string, cwd: string): Promise<{ code: number | null; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const name of Object.keys(env)) if (name.endsWith('_API_KEY')) delete env[name];
  const line = command.replace(/\bnpx ot\b/g, `node ${JSON.stringify(bin)}`);
  return new Promise((done, fail) => {
    const child = spawn('sh', ['-c', line], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) =>
      done({ code, out: [stderr.trimEnd(), stdout.trimEnd()].filter((s) => s !== '').join('\n') }),
    );
  });
}

const examples = fences
  .map((fence, index) => ({ fence, index, commands: commandsOf(fence) }))
  .filter(({ fence, commands }) => fence.lang === 'sh' && commands.length > 0);

describe('README shell examples', () => {
  test('the README has examples that show output, and file blocks', () => {
    expect(examples.length).toBeGreaterThan(2);
    expect(fences.filter((f) => f.attrs['file'] !== undefined).length).toBeGreaterThan(1);
  });

  test.each(examples.map((e) => [e.fence.line, e] as const))(
    'the example at README.md:%i prints what it shows',
    async (_line, { fence, index, commands }) => {
      buildDist();
      const files = fences.slice(0, index).filter((f) => f.attrs['file'] !== undefined);
      const dir = scratchWith(files);
      for (const { command, expected } of commands) {
        const { code, out } = await sh(command, dir);
        expect({ command, output: normalise(out, dir) }).toEqual({
          command,
          output: normalise(expected, dir),
        });
        expect({ command, code }).toEqual({ command, code: Number(fence.attrs['exit'] ?? 0) });
      }
    },
  );
});

describe('README sample commands', () => {
  const sampleRuns = [
    ...new Set([...readme.matchAll(/npx ot run samples\/[^\n`#]*/g)].map((m) => m[0].trim())),
  ];

  test('the README mentions sample runs', () => {
    expect(sampleRuns.length).toBeGreaterThan(2);
  });

  test.each(sampleRuns)('`%s` exits 0 offline', async (command) => {
    buildDist();
    const dir = scratchWith([]);
    const { code, out } = await sh(command, dir);
    expect({ code, out }).toMatchObject({ code: 0 });
  });
});

describe('links', () => {
  const documents = ['README.md', 'docs/language.md', 'docs/diagnostics.md'];

  test.each(documents)('every relative link and anchor in %s resolves', (document) => {
    const path = join(repoRoot, document);
    const text = read(path);
    const links = [...proseOf(text).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    const broken = links.filter((link) => {
      if (/^[a-z]+:/.test(link)) return false;
      const [target = '', anchor] = link.split('#');
      const file = target === '' ? path : resolve(dirname(path), target);
      let exists = false;
      try {
        exists = statSync(file).isFile() || statSync(file).isDirectory();
      } catch {
        return true;
      }
      if (!exists) return true;
      return anchor !== undefined && !anchorsOf(read(file)).has(anchor);
    });
    expect(links.length).toBeGreaterThan(0);
    expect(broken).toEqual([]);
  });

  test('the README links the language reference and the diagnostics', () => {
    expect(readme).toContain('](docs/language.md)');
    expect(readme).toContain('](docs/diagnostics.md');
    expect(readme).not.toMatch(/`LANGUAGE\.md`|\(LANGUAGE\.md/);
  });
});

describe('environment variables', () => {
  const section = /## Environment variables\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';

  function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
      return /\.(ts|js|mjs)$/.test(entry.name) ? [path] : [];
    });
  }

  test('every variable the code and the tests read is documented', () => {
    const roots = ['src', 'lsp/src', 'bin', 'test', 'vscode-extension/src'].map((d) =>
      join(repoRoot, d),
    );
    const names = new Set<string>();
    for (const file of roots.flatMap(sourceFiles)) {
      const text = read(file);
      const patterns = [
        /process\.env\.([A-Z][A-Z0-9_]*)/g,
        /\benv\[['"]([A-Z][A-Z0-9_]*)['"]\]/g,
        /overrideEnv: ['"]([A-Z][A-Z0-9_]*)['"]/g,
        /defaultApiKeyEnv: ['"]([A-Z][A-Z0-9_]*)['"]/g,
      ];
      for (const pattern of patterns) for (const m of text.matchAll(pattern)) names.add(m[1]!);
    }
    // Variables the tests set for a child process rather than read, and the system's own.
    for (const name of ['PATH', 'ELECTRON_RUN_AS_NODE']) names.delete(name);
    expect(names.size).toBeGreaterThan(5);
    expect([...names].filter((name) => !section.includes(`\`${name}`)).sort()).toEqual([]);
  });
});
