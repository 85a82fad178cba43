import { execFile, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { startServer } from '../helpers/provider-servers/http-server.js';
import { wireFormats } from '../helpers/provider-servers/wire-formats.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const extensionDir = join(root, 'vscode-extension');
const outDir = mkdtempSync(join(tmpdir(), 'ot-vsix-'));

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

interface Manifest {
  main: string;
  engines: { vscode: string };
  activationEvents?: string[];
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    snippets: { language: string; path: string }[];
    commands: { command: string; title: string }[];
  };
}

/** The names of the files in a .vsix (a zip): its central directory lists them. */
function zipEntries(zip: Buffer): string[] {
  const names: string[] = [];
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

describe('the VS Code extension package', () => {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8')) as Manifest;

  test('the manifest contributes the language, grammar, configuration, snippets and commands', () => {
    expect(manifest.contributes.languages).toEqual([
      expect.objectContaining({
        id: 'ot',
        extensions: ['.ot'],
        configuration: './dist/language-configuration.json',
      }),
    ]);
    expect(manifest.contributes.grammars).toEqual([
      expect.objectContaining({
        language: 'ot',
        scopeName: 'source.ot',
        path: './dist/ot.tmLanguage.json',
      }),
    ]);
    expect(manifest.contributes.snippets).toEqual([
      { language: 'ot', path: './snippets/ot.code-snippets' },
    ]);
    expect(manifest.contributes.commands.map((c) => c.command)).toEqual([
      'ot.runFlow',
      'ot.showPlan',
      'ot.previewPrompts',
    ]);
    // The grammar the extension ships is the repository's grammar.
    expect(readFileSync(join(extensionDir, 'dist/ot.tmLanguage.json'), 'utf8')).toBe(
      readFileSync(join(root, 'grammar/ot.tmLanguage.json'), 'utf8'),
    );
    const snippets = JSON.parse(
      readFileSync(join(extensionDir, 'snippets/ot.code-snippets'), 'utf8'),
    ) as Record<string, { prefix: string }>;
    expect(Object.values(snippets).map((s) => s.prefix)).toEqual(
      expect.arrayContaining(['---', '<<', 'fork']),
    );
  });

  test('`npm run package` makes a .vsix offline, with everything the extension loads', () => {
    const vsix = join(outDir, 'ot.vsix');
    const run = spawnSync(
      'npm',
      ['run', 'package', '--silent', '-w', 'vscode-extension', '--', '--out', vsix],
      {
        cwd: root,
        encoding: 'utf8',
        // No registry and no network: packaging must not need them.
        env: {
          ...process.env,
          npm_config_offline: 'true',
          npm_config_registry: 'http://127.0.0.1:9/',
        },
      },
    );
    expect(run.status, run.stderr + run.stdout).toBe(0);
    expect(existsSync(vsix)).toBe(true);
    const entries = zipEntries(readFileSync(vsix));
    for (const file of [
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/readme.md',
      'extension/dist/extension.cjs',
      'extension/dist/server/server.js',
      'extension/dist/server/program/program-worker.js',
      'extension/dist/server/ot.js',
      'extension/dist/server/package.json',
      'extension/dist/ot.tmLanguage.json',
      'extension/dist/language-configuration.json',
      'extension/snippets/ot.code-snippets',
    ]) {
      expect(entries, file).toContain(file);
    }
    // Bundled: no node_modules, no sources, no source maps.
    expect(entries.filter((name) => /node_modules|\/src\/|\.map$/.test(name))).toEqual([]);
  });

  test("the bundled server keeps prettier's YAML plugin and drops the language plugins it never loads", () => {
    // After the packaging test, which built dist/ through `npm run package`.
    const serverDir = join(extensionDir, 'dist', 'server');
    const chunks = readdirSync(serverDir).filter((name) => name.endsWith('.js'));
    const sizeOf = (prefix: string) =>
      chunks
        .filter((name) => name.startsWith(`${prefix}-`))
        .reduce((sum, name) => sum + statSync(join(serverDir, name)).size, 0);
    for (const plugin of ['typescript', 'flow', 'babel', 'markdown', 'postcss', 'html', 'glimmer'])
      expect(sizeOf(plugin), plugin).toBeLessThan(1000);
    expect(sizeOf('yaml')).toBeGreaterThan(50_000);
    // Front matter is formatted through that YAML plugin by the bundled CLI.
    const dir = mkdtempSync(join(tmpdir(), 'ot-vsix-fmt-'));
    try {
      const file = join(dir, 'a.ot');
      writeFileSync(file, '---\ninput:\n    topic:   string\n---\n{%if topic%}Hi{%endif%}\n');
      const run = spawnSync(process.execPath, [join(serverDir, 'ot.js'), 'fmt', file], {
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(
        '---\ninput:\n  topic: string\n---\n{% if topic %}Hi{% endif %}\n',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the bundled CLI sends an OpenAI-compatible call without any node_modules', async () => {
    // After the packaging test. A copy outside the repository, so that nothing the bundle
    // leaves to Node's resolution (the direct request path's undici) can be found there.
    const dir = mkdtempSync(join(tmpdir(), 'ot-vsix-run-'));
    const wire = wireFormats.find((w) => w.provider === 'openai-compatible')!;
    const server = await startServer(() => ({ status: 200, body: wire.answer('hello back') }));
    try {
      // The .vsix's layout: dist/ next to the extension's package.json (the CLI reads its version).
      cpSync(join(extensionDir, 'dist'), join(dir, 'extension', 'dist'), { recursive: true });
      cpSync(join(extensionDir, 'package.json'), join(dir, 'extension', 'package.json'));
      writeFileSync(join(dir, 'flow.ot'), 'Say hello. << generate_text() >>\n');
      writeFileSync(
        join(dir, 'ot.config.yaml'),
        `backends:\n  local:\n    provider: openai-compatible\n    model: m\n    base_url: ${server.url}/v1\n`,
      );
      const run = await promisify(execFile)(
        process.execPath,
        [
          join(dir, 'extension', 'dist', 'server', 'ot.js'),
          'run',
          'flow.ot',
          '--backend',
          'local',
          '--cache',
          'off',
        ],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(run.stdout).toBe('Say hello. hello back\n');
      expect(server.requests.map((r) => r.path)).toEqual(['/v1/chat/completions']);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
