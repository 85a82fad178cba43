import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PreviewCallParams, PreviewPromptsResult } from '../../lsp/src/preview-requests.js';
import { runOt } from '../cli/run-ot.js';
import { LspClient } from './lsp-client.js';

/** A chain of two calls; its fake backend answers both, so any use of it shows in a reply. */
const flow = [
  '---',
  'backend: fake:fake.yaml',
  'input:',
  '  country: string',
  '  style: { type: string, default: short }',
  '---',
  'Southernmost city in {{ country }} ({{ style }})? << city = generate_text() >>',
  'Mayor of {{ city | trim }}? << mayor = generate_text() >>',
  '',
].join('\n');
const fake = [
  'replies:',
  '  - match: "Mayor of"',
  '    reply: " FROM-THE-BACKEND"',
  '  - match: "city in France"',
  '    reply: " Menton"',
  '',
].join('\n');

let client: LspClient;
let dir: string;
let uri: string;
const notifications: PreviewCallParams[] = [];

beforeAll(async () => {
  ({ client } = await LspClient.start());
  client.connection.onNotification('ot/previewCall', (params: PreviewCallParams) => {
    notifications.push(params);
  });
  dir = mkdtempSync(join(tmpdir(), 'ot-preview-'));
  writeFileSync(join(dir, 'flow.ot'), flow);
  writeFileSync(join(dir, 'fake.yaml'), fake);
  uri = pathToFileURL(join(dir, 'flow.ot')).href;
});
afterAll(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

const preview = (params: object) =>
  client.request<PreviewPromptsResult>('ot/previewPrompts', { uri, cwd: dir, ...params });

/** The parts of each call a reader checks: prompt, status and reply. */
const summary = (result: PreviewPromptsResult) =>
  result.calls.map((call) => ({ prompt: call.prompt, status: call.status, reply: call.reply }));

describe('ot/previewPrompts', () => {
  test('a dry run: exact prompts in run order, placeholders marked, the default and the backend unused', async () => {
    const result = await preview({ inputs: { country: 'France' } });
    expect(result.error).toBeNull();
    expect(summary(result)).toEqual([
      {
        prompt: 'Southernmost city in France (short)? ',
        status: 'placeholder',
        reply: `<generate_text ${join(dir, 'flow.ot')}:7:51>`,
      },
      {
        prompt: `Southernmost city in France (short)? <generate_text ${join(dir, 'flow.ot')}:7:51>\nMayor of <generate_text ${join(dir, 'flow.ot')}:7:51>? `,
        status: 'placeholder',
        reply: `<generate_text ${join(dir, 'flow.ot')}:8:29>`,
      },
    ]);
    expect(result.calls.map((call) => call.line)).toEqual([6, 7]);
    expect(JSON.stringify(result)).not.toContain('Menton');
    expect(JSON.stringify(result)).not.toContain('FROM-THE-BACKEND');
  });

  test('a required input left out stands as a marked placeholder', async () => {
    const result = await preview({});
    expect(result.placeholderInputs).toEqual(['country']);
    expect(result.calls[0]!.prompt).toBe('Southernmost city in <input country> (short)? ');
  });

  test("the editor's unsaved text is previewed, and cached replies are used", async () => {
    // The first call's reply goes into the project's cache through the real CLI.
    writeFileSync(join(dir, 'city.ot'), flow.split('\n').slice(0, 7).join('\n') + '\n');
    const cached = await runOt(['run', 'city.ot', '--input', 'country=France'], { cwd: dir });
    expect(cached.code).toBe(0);
    const edited = flow.replace('Mayor of', 'Who is the mayor of');
    await client.open(uri, edited, 1);
    const result = await preview({ inputs: { country: 'France' } });
    await client.close(uri);
    expect(summary(result)).toEqual([
      { prompt: 'Southernmost city in France (short)? ', status: 'cached', reply: ' Menton' },
      {
        prompt: 'Southernmost city in France (short)?  Menton\nWho is the mayor of Menton? ',
        status: 'placeholder',
        reply: `<generate_text ${join(dir, 'flow.ot')}:8:40>`,
      },
    ]);
    expect(JSON.stringify(result)).not.toContain('FROM-THE-BACKEND');
    expect(readFileSync(join(dir, 'flow.ot'), 'utf8')).toBe(flow);
  });

  test('Run calls the backend for what the cache misses and sends each call as it finishes', async () => {
    const result = await preview({ inputs: { country: 'France' }, run: true, runId: 'r1' });
    expect(result.ran).toBe(true);
    expect(summary(result)).toEqual([
      { prompt: 'Southernmost city in France (short)? ', status: 'cached', reply: ' Menton' },
      {
        prompt: 'Southernmost city in France (short)?  Menton\nMayor of Menton? ',
        status: 'called',
        reply: ' FROM-THE-BACKEND',
      },
    ]);
    expect(result.text).toContain('Mayor of Menton?  FROM-THE-BACKEND');
    await expect.poll(() => notifications.length).toBe(2);
    expect(notifications.map((n) => [n.runId, n.call.status])).toEqual([
      ['r1', 'cached'],
      ['r1', 'called'],
    ]);
  });

  test('chat messages are shown as the backend would get them', async () => {
    const chat = [
      '---',
      'backend: fake:fake.yaml',
      '---',
      "{% role 'system' %}Be brief.{% endrole %}",
      "{% role 'user' %}Mayor of Paris?{% endrole %}",
      '<< answer = chat() >>',
      '',
    ].join('\n');
    const chatUri = pathToFileURL(join(dir, 'chat.ot')).href;
    await client.open(chatUri, chat, 1);
    const result = await client.request<PreviewPromptsResult>('ot/previewPrompts', {
      uri: chatUri,
      cwd: dir,
    });
    await client.close(chatUri);
    expect(result.calls.map((call) => [call.messages, call.status])).toEqual([
      [
        [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Mayor of Paris?' },
        ],
        'placeholder',
      ],
    ]);
  });

  test('a flow with errors reports them instead of running', async () => {
    const brokenUri = pathToFileURL(join(dir, 'broken.ot')).href;
    await client.open(brokenUri, 'Hi << x = generate_text( >>\n', 1);
    const result = await client.request<PreviewPromptsResult>('ot/previewPrompts', {
      uri: brokenUri,
      cwd: dir,
    });
    await client.close(brokenUri);
    expect(result.calls).toEqual([]);
    expect(result.error).toMatch(/^the flow has \d+ errors?: OT\d{4} /);
  });
});
