#!/usr/bin/env node
// Builds the extension into dist/ with esbuild (run by the root `npm run build`, after dist/ of
// the library is built):
//   dist/extension.cjs        the client (VS Code loads extensions as CommonJS; `vscode` is external)
//   dist/server/server.js     the language server (lsp/), started with --stdio
//   dist/server/program/program-worker.js   its worker thread
//   dist/server/ot.js         the `ot` command (bin/ot.js), for "Run flow"
//   dist/webview/plan-graph.js   "Show plan"'s page script with Mermaid, for the browser (no CDN)
//   dist/ot.tmLanguage.json, dist/language-configuration.json   copied from grammar/
// The server and the CLI share chunks (prettier, the compiler, the runtime), ESM with code
// splitting; everything is bundled, so the .vsix needs no node_modules.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
// The same ajv plugin as compiled bundles (src/codegen/bundle.ts), from the package's build.
import { bundledAjv } from '../dist/codegen/bundle.js';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const dist = here('./dist/');

rmSync(dist, { recursive: true, force: true });
mkdirSync(here('./dist/server'), { recursive: true });

await build({
  entryPoints: [here('./src/extension.ts')],
  outfile: here('./dist/extension.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: true,
  logLevel: 'warning',
});

// One file: Mermaid's diagram types, loaded with import() in its own build, are inlined.
await build({
  entryPoints: [here('./webview/plan-graph.ts')],
  outfile: here('./dist/webview/plan-graph.js'),
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  minify: true,
  logLevel: 'warning',
});

/**
 * `ot compile --bundle` runs esbuild, a native program that cannot be bundled: in the extension
 * (which only runs and plans flows) that command says so instead.
 */
const noEsbuild = {
  name: 'no-esbuild',
  setup(context) {
    context.onResolve({ filter: /^esbuild$/ }, () => ({
      path: 'esbuild',
      namespace: 'no-esbuild',
    }));
    context.onLoad({ filter: /.*/, namespace: 'no-esbuild' }, () => ({
      contents:
        "export function build() { throw new Error('ot compile --bundle is not available in the VS Code extension: use the ot command of the ot-lang package'); }",
      loader: 'js',
    }));
  },
};

/**
 * src/syntax/chevrotain.ts loads chevrotain's single-file build by path at run time, which a
 * bundle without node_modules cannot do: here it is chevrotain itself, bundled.
 */
const bundledChevrotain = {
  name: 'bundled-chevrotain',
  setup(context) {
    context.onResolve({ filter: /^\.\/chevrotain\.js$/ }, (args) =>
      /[\\/]syntax$/.test(args.resolveDir)
        ? { path: 'chevrotain', namespace: 'bundled-chevrotain' }
        : undefined,
    );
    context.onLoad({ filter: /.*/, namespace: 'bundled-chevrotain' }, () => ({
      contents: "export * from 'chevrotain';",
      resolveDir: here('..'),
      loader: 'js',
    }));
  },
};

/**
 * Prettier loads its language plugins on demand, when a file of their language is formatted; the
 * server formats `.ot` files, whose front matter goes through the YAML plugin only. The others
 * (JavaScript, TypeScript, CSS, HTML, Markdown… about 5 MB) are left out of the `.vsix`; loading
 * one fails with a message that says so.
 */
const unusedPrettierPlugins = {
  name: 'unused-prettier-plugins',
  setup(context) {
    context.onResolve({ filter: /^\.\/plugins\/[a-z-]+\.mjs$/ }, (args) =>
      /[\\/]prettier$/.test(args.resolveDir) && !args.path.endsWith('/yaml.mjs')
        ? { path: args.path, namespace: 'unused-prettier-plugin' }
        : undefined,
    );
    context.onLoad({ filter: /.*/, namespace: 'unused-prettier-plugin' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`prettier's ${args.path} is not part of the ot extension`)});`,
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: {
    server: here('./src/server-entry.ts'),
    'program/program-worker': here('../lsp/src/program/program-worker.ts'),
    ot: here('../bin/ot.js'),
  },
  outdir: here('./dist/server'),
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // The library's public API, as the server imports it: its sources, bundled.
  alias: {
    'ot-lang/prettier': here('../src/format/index.ts'),
    'ot-lang/tools': here('../src/tools.ts'),
    'ot-lang': here('../src/index.ts'),
  },
  // nunjucks' file watcher is optional and never used here.
  external: ['chokidar', 'fsevents'],
  plugins: [noEsbuild, bundledChevrotain, unusedPrettierPlugins, bundledAjv()],
  // Bundled CommonJS packages call require() for Node's modules, which ESM does not have.
  banner: {
    js: "import { createRequire as __otCreateRequire } from 'node:module'; const require = __otCreateRequire(import.meta.url);",
  },
  sourcemap: false,
  logLevel: 'warning',
});
// The bundles are ES modules with a .js extension.
writeFileSync(here('./dist/server/package.json'), '{ "type": "module" }\n');

copyFileSync(here('../grammar/ot.tmLanguage.json'), here('./dist/ot.tmLanguage.json'));
copyFileSync(
  here('../grammar/language-configuration.json'),
  here('./dist/language-configuration.json'),
);
console.log(`built ${dist}`);
