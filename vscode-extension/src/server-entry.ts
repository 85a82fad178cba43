// The entry of the language server bundled into the extension: the same server as `ot lsp --stdio`.
import { startStdioServer } from '../../lsp/src/main.js';

startStdioServer();
