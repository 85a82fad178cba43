import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { serverCapabilities } from '../../lsp/src/capabilities.js';
import { features } from '../../lsp/src/features/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Spawns `ot lsp --stdio`, sends `initialize` with `processId`, then runs `then`. */
function server(processId: number, then: (stdin: NodeJS.WritableStream) => void) {
  const child = spawn(process.execPath, ['bin/ot.js', 'lsp', '--stdio'], { cwd: root });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += String(chunk);
    if (stdout.includes('"id":1')) then(child.stdin);
  });
  const send = (message: object) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  send({ id: 1, method: 'initialize', params: { processId, rootUri: null, capabilities: {} } });
  send({ method: 'initialized', params: {} });
  send({
    method: 'textDocument/didOpen',
    params: {
      textDocument: { uri: 'untitled:a.ot', languageId: 'ot', version: 1, text: 'Hi << x() >>\n' },
    },
  });
  return new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stderr })),
  );
}

test('the server exits quietly when its input closes without shutdown', async () => {
  const { code, stderr } = await server(process.pid, (stdin) => stdin.end());
  expect(code).toBe(0);
  expect(stderr).toBe('');
});

test('the server exits quietly when the process that started it is gone', async () => {
  const gone = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => gone.on('exit', resolve));
  // Its input stays open: only the dead parent can end it.
  const { code, stderr } = await server(gone.pid!, () => {});
  expect(code).toBe(0);
  expect(stderr).toBe('');
});

test('the capabilities announced before the features load are those the features declare', () => {
  expect(serverCapabilities).toEqual(
    Object.assign({ textDocumentSync: 2 }, ...features.map((feature) => feature.capabilities)),
  );
});
