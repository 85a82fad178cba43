// Errors a program can handle (issue 12, point 6): every class is exported, with typed fields,
// and a failed call names its builtin, its backend and, from a template, its file:line:col.
import { describe, expect, it } from 'vitest';
import {
  BackendError,
  CallError,
  InvalidReplyError,
  OtError,
  TruncatedReplyError,
  UnsupportedArgumentError,
  createFakeBackend,
  createRegistry,
  llm,
  run,
  template,
} from '../../src/index.js';

const registry = () =>
  createRegistry([
    createFakeBackend(
      {
        replies: [
          { match: 'fail', reply: { error: 'the server is down' } },
          { match: 'pick', reply: 'purple' },
          { match: 'cut', reply: { text: 'half a', finish_reason: 'length' } },
        ],
        default: 'ok',
      },
      'fake',
    ),
  ]);

/** The error `promise` rejects with. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('errors from the TypeScript API', () => {
  it('a backend failure is a CallError naming builtin and backend, its cause a BackendError', async () => {
    const error = await failure(run(llm.generateText('fail now'), { registry: registry() }));
    expect(error).toBeInstanceOf(CallError);
    expect(error).toBeInstanceOf(OtError);
    const call = error as CallError;
    expect(call.code).toBe('OT4004');
    expect(call.builtin).toBe('generate_text');
    expect(call.backend).toBe('fake');
    expect(call.location).toBeNull();
    expect(call.cause).toBeInstanceOf(BackendError);
    expect((call.cause as BackendError).retryable).toBe(false);
    expect(call.message).toBe('OT4004: generate_text on backend `fake` failed: the server is down');
  });

  it('a reply that is not an option is an InvalidReplyError carrying the reply', async () => {
    const error = (await failure(
      run(llm.select('pick one', ['red', 'blue']), { registry: registry() }),
    )) as CallError;
    expect(error.builtin).toBe('select');
    expect(error.cause).toBeInstanceOf(InvalidReplyError);
    expect((error.cause as InvalidReplyError).reply).toBe('purple');
  });

  it('an argument the backend does not take is an UnsupportedArgumentError with its name', async () => {
    const error = (await failure(
      run(llm.generateText('hi', { frequency_penalty: 1 } as never), { registry: registry() }),
    )) as CallError;
    expect(error.cause).toBeInstanceOf(UnsupportedArgumentError);
    const cause = error.cause as UnsupportedArgumentError;
    expect([cause.argument, cause.backend]).toEqual(['frequency_penalty', 'fake']);
  });

  it('a cut-off reply on an on_truncation: error backend is a TruncatedReplyError', async () => {
    const strict = {
      ...createFakeBackend(
        { replies: [{ match: 'cut', reply: { text: 'half a', finish_reason: 'length' } }] },
        'strict',
      ),
      onTruncation: 'error' as const,
    };
    const error = (await failure(
      run(llm.generateText('cut here'), { registry: createRegistry([strict]) }),
    )) as CallError;
    expect(error.cause).toBeInstanceOf(TruncatedReplyError);
    expect((error.cause as TruncatedReplyError).backend).toBe('strict');
  });

  it('no backend at all is a CallError with backend `none`', async () => {
    const error = (await failure(
      run(llm.generateText('x'), { registry: createRegistry([]) }),
    )) as CallError;
    expect(error).toBeInstanceOf(CallError);
    expect(error.backend).toBe('none');
  });
});

describe('errors from a template run', () => {
  it('name the file, line and column of the call', async () => {
    const flow = template('Hello.\nPlease fail << generate_text() >>', { path: 'flow.ot' });
    const error = (await failure(run(flow.run(), { registry: registry() }))) as CallError;
    expect(error).toBeInstanceOf(CallError);
    expect(error.location).toEqual({ file: 'flow.ot', line: 2, column: 13 });
    expect([error.builtin, error.backend]).toEqual(['generate_text', 'fake']);
    expect(error.cause).toBeInstanceOf(BackendError);
    expect(error.diagnostics[0]?.file).toBe('flow.ot');
  });
});
