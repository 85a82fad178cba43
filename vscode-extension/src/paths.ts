import { join } from 'node:path';

/** Where the bundled parts live inside the installed extension (see build.mjs). */
export interface BundledPaths {
  /** The language server, started with `--stdio`. */
  server: string;
  /** The `ot` command line, for running flows. */
  cli: string;
}

/** The bundled parts under the extension's folder. */
export function bundledPaths(extensionPath: string): BundledPaths {
  return {
    server: join(extensionPath, 'dist', 'server', 'server.js'),
    cli: join(extensionPath, 'dist', 'server', 'ot.js'),
  };
}
