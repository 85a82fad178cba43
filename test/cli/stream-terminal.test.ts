// `ot run` on a terminal streams without `--stream` (issue 12, point 2): stderr is a
// pseudo-terminal (python3's pty module), and the calls are shown in source order.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { requireExternalProgram } from '../helpers/external-program.js';
import {
  chatChunk,
  startSseServer,
  streamChat,
  type SseServer,
} from '../helpers/provider-servers/sse-server.js';
import { buildDist, repoRoot } from './run-ot.js';

const python = requireExternalProgram({
  name: 'python3',
  install: 'apt-get install python3',
  overrideEnv: 'OT_TEST_PYTHON',
  suites: 'the ot run on a terminal tests',
});

/** Runs the command in a pseudo-terminal; resolves to everything it wrote there and its exit code. */
const PTY_RUN = [
  'import os, pty, sys',
  'pid, fd = pty.fork()',
  'if pid == 0:',
  '    os.execvp(sys.argv[1], sys.argv[1:])',
  'out = b""',
  'while True:',
  '    try:',
  '        data = os.read(fd, 4096)',
  '    except OSError:',
  '        break',
  '    if not data:',
  '        break',
  '    out += data',
  '_, status = os.waitpid(pid, 0)',
  'sys.stdout.buffer.write(out)',
  'sys.exit(os.waitstatus_to_exitcode(status))',
].join('\n');

function inTerminal(cwd: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(python!, ['-c', PTY_RUN, process.execPath, ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('close', (code) => resolve({ code, output: output.replace(/\r\n/g, '\n') }));
  });
}

let server: SseServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

beforeAll(() => buildDist());

it.skipIf(python === undefined)(
  'streams on a terminal, each call in its turn in source order',
  async () => {
    let secondDone!: () => void;
    const second = new Promise<void>((resolve) => (secondDone = resolve));
    server = await startSseServer(async (stream, request) => {
      const messages = request.body.messages as { content: string }[];
      const text = messages[messages.length - 1]!.content;
      if (text === 'zero') {
        streamChat(stream, ['Z']);
      } else if (text === 'first') {
        stream.send(chatChunk('A1'));
        await second;
        streamChat(stream, ['A2']);
      } else {
        streamChat(stream, ['B1', 'B2']);
        secondDone();
      }
    });
    const dir = mkdtempSync(join(tmpdir(), 'ot-stream-tty-'));
    writeFileSync(
      join(dir, 'ot.config.yaml'),
      `backends:\n  local:\n    provider: openai-compatible\n    model: m\n    base_url: ${server.url}/v1\n`,
    );
    writeFileSync(
      join(dir, 'flow.ot'),
      '<< x = generate_text("zero") >>|{% if x %}<< generate_text("first") >>{% endif %}|<< generate_text("second") >>',
    );
    const bin = join(repoRoot, 'bin', 'ot.js');
    const result = await inTerminal(dir, [
      bin,
      'run',
      'flow.ot',
      '--backend',
      'local',
      '--cache',
      'off',
    ]);
    expect(result.code).toBe(0);
    const header = /── generate_text at flow\.ot:1:\d+ \(local\)\n/g;
    expect(result.output.match(header)).toHaveLength(3);
    const shown = result.output.split(header).slice(1);
    expect(shown.slice(0, 2)).toEqual(['Z\n', 'A1A2\n']);
    // Then `second`, the result on stdout, and the run summary a terminal gets.
    expect(shown[2]).toMatch(/^B1B2\nZ\|A1A2\|B1B2\n/);
  },
);
