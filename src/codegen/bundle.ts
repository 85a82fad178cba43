import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metafile, Plugin } from 'esbuild';

/** Options of `bundleModule`. */
export interface BundleOptions {
  /** Minify the bundle (default false: the generated code stays readable). */
  minify?: boolean;
  /** A name for the module in esbuild's messages. */
  filename?: string;
}

/** A bundled module and what went into it. */
export interface BundledModule {
  code: string;
  /** esbuild's metafile: every input file and its size. */
  metafile: Metafile;
}

/**
 * Bundles a generated module with `ot-lang/runtime` and its dependencies into one ES module
 * that imports nothing but Node's own modules (`ot compile --bundle`). The runtime is this
 * package's own, found next to this file, so bundling works wherever `ot` is installed.
 */
export async function bundleModule(
  code: string,
  options: BundleOptions = {},
): Promise<BundledModule> {
  // Loaded on demand: importing `ot-lang` should not load esbuild for tools that never bundle.
  const { build } = await import('esbuild');
  const result = await build({
    stdin: {
      contents: code,
      loader: 'js',
      sourcefile: options.filename ?? 'flow.mjs',
      resolveDir: process.cwd(),
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    minify: options.minify ?? false,
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [runtimeEntry(), bundledAjv()],
    // CommonJS dependencies call `require` for Node's modules; give the ES module one.
    banner: {
      js: "import { createRequire as __otCreateRequire } from 'node:module';\nconst require = __otCreateRequire(import.meta.url);",
    },
  });
  return { code: result.outputFiles[0]!.text, metafile: result.metafile };
}

/** The path of `ot-lang/runtime`'s entry: built (`dist/runtime/index.js`) or, under tests, the source. */
export function runtimeEntryPath(): string {
  const built = fileURLToPath(new URL('../runtime/index.js', import.meta.url));
  if (existsSync(built)) return built;
  const source = fileURLToPath(new URL('../runtime/index.ts', import.meta.url));
  if (existsSync(source)) return source;
  throw new Error(`cannot find the runtime next to ${fileURLToPath(import.meta.url)}`);
}

function runtimeEntry(): Plugin {
  return {
    name: 'ot-lang-runtime',
    setup(plugin) {
      plugin.onResolve({ filter: /^ot-lang\/runtime$/ }, () => ({ path: runtimeEntryPath() }));
    },
  };
}

/**
 * src/ir/load-ajv.ts requires ajv at run time from the package's node_modules, which a bundle
 * does not have: in a bundle it is ajv itself, imported statically. Used by compiled bundles and
 * by the VS Code extension's build.
 */
export function bundledAjv(): Plugin {
  const contents = [
    "import { Ajv } from 'ajv';",
    "import addFormats from 'ajv-formats';",
    'export function createAjv(options) { return addFormats(new Ajv(options)); }',
  ].join('\n');
  const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
  return {
    name: 'bundled-ajv',
    setup(plugin) {
      plugin.onResolve({ filter: /load-ajv\.js$/ }, (args) =>
        /[\\/]ir[\\/]load-ajv\.js$/.test(path.join(args.resolveDir, args.path))
          ? { path: 'load-ajv', namespace: 'bundled-ajv' }
          : undefined,
      );
      plugin.onLoad({ filter: /.*/, namespace: 'bundled-ajv' }, () => ({
        contents,
        resolveDir: packageRoot,
        loader: 'js',
      }));
    },
  };
}
