import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { reportUsageError } from '../command-context.js';

/** The part of the language server's entry module (lsp/src/main.ts) that the CLI calls. */
interface LanguageServerModule {
  startStdioServer(): void;
}

/**
 * Registers `ot lsp --stdio`. The server lives in lsp/ and is built to dist/lsp/, beside this
 * file's dist/cli/: it is loaded by URL at run time, so that src/ depends on no editor package
 * (layers import downward only: lsp → src).
 */
export function registerLspCommand(program: Command, context: CommandContext): void {
  program
    .command('lsp')
    .description('start the language server (Language Server Protocol) for editors')
    .option('--stdio', 'talk to the editor over stdin and stdout')
    .action(async (options: { stdio?: boolean }) => {
      if (!options.stdio) {
        reportUsageError(context, '`ot lsp` needs --stdio (the only transport it speaks)');
        return;
      }
      // dist/cli/commands/lsp.js → dist/lsp/main.js.
      const serverUrl = new URL('../../lsp/main.js', import.meta.url).href;
      const server = (await import(serverUrl)) as LanguageServerModule;
      // From here stdout belongs to the protocol; the server runs until the editor exits it.
      server.startStdioServer();
    });
}
