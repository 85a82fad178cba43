import { expect, it } from 'vitest';
import { createFakeBackend } from '../../src/backends/fake/fake-backend.js';
import { recordingSleep, textRequest } from '../helpers/provider-servers/backend-for.js';
import { textOf } from '../helpers/reply-text.js';

it('streams a fake reply word by word, spread over latency_ms', async () => {
  const log = recordingSleep();
  const fake = createFakeBackend({ default: 'Hello big world', latency_ms: 400 }, 'fake', {
    sleep: log.sleep,
  });
  const deltas: string[] = [];
  const reply = await fake.complete(
    textRequest('q', undefined, { onDelta: (t) => deltas.push(t) }),
  );
  expect(deltas).toEqual(['Hello ', 'big ', 'world']);
  expect(textOf(reply)).toBe('Hello big world');
  expect(log.waits).toEqual([100, 100, 100, 100]);
});

it('answers in one piece, after the whole latency, when not asked to stream', async () => {
  const log = recordingSleep();
  const fake = createFakeBackend({ default: 'Hello big world', latency_ms: 400 }, 'fake', {
    sleep: log.sleep,
  });
  expect(textOf(await fake.complete(textRequest('q')))).toBe('Hello big world');
  expect(log.waits).toEqual([400]);
});
