// Source-order keys (src/runtime/source-order.ts) and the display that shows calls by them.
import { describe, expect, it } from 'vitest';
import { createStreamDisplay } from '../../src/cli/run/stream-display.js';
import { compareOrder, OrderBook } from '../../src/runtime/source-order.js';

describe('order keys', () => {
  it('sort a deferred stretch’s calls where it stands, before the calls after it', () => {
    const book = new OrderBook();
    const walk = book.root.open();
    const first = walk.take();
    const deferred = walk.open();
    const after = walk.take();
    const inside = deferred.take();
    const keys = [after, inside, first].sort(compareOrder);
    expect(keys).toEqual([first, inside, after]);
  });

  it('say whether an open stretch may still start a call before a given one', () => {
    const book = new OrderBook();
    book.onClose(() => undefined);
    const walk = book.root.open();
    const deferred = walk.open();
    const after = walk.take();
    walk.close();
    expect(book.waitsBefore(after)).toBe(true);
    const inside = deferred.take();
    // A call it already made is not waited for; only what it may still start.
    expect(book.waitsBefore(inside)).toBe(false);
    deferred.close();
    expect(book.waitsBefore(after)).toBe(false);
  });

  it('keep nothing when nobody listens', () => {
    const book = new OrderBook();
    const walk = book.root.open();
    expect(book.waitsBefore([...walk.key, 5])).toBe(false);
  });
});

describe('the stream display', () => {
  it('holds a started call back while an earlier place is open, and shows it when it closes', () => {
    const book = new OrderBook();
    let shown = '';
    const display = createStreamDisplay((text) => (shown += text), book);
    const walk = book.root.open();
    const deferred = walk.open();
    const later = walk.take();
    walk.close();
    const start = (id: number, order: readonly number[]) =>
      display.sink({
        type: 'start',
        id,
        builtin: 'generate_text',
        location: '',
        backend: 'b',
        order,
      });
    start(0, later);
    display.sink({ type: 'delta', id: 0, text: 'later' });
    expect(shown).toBe('');
    start(1, deferred.take());
    display.sink({ type: 'delta', id: 1, text: 'early' });
    expect(shown).toBe('── generate_text (b)\nearly');
    display.sink({ type: 'error', id: 1, message: 'boom' });
    // Its error ends it; `later` waits while the deferred stretch may still start a call.
    expect(shown).toBe('── generate_text (b)\nearly\n[failed: boom]\n');
    deferred.close();
    expect(shown).toBe('── generate_text (b)\nearly\n[failed: boom]\n── generate_text (b)\nlater');
    display.sink({ type: 'end', id: 0, result: 'later', cached: false });
    expect(shown.endsWith('later\n')).toBe(true);
  });

  it('shows what is still held back when the run is over', () => {
    const book = new OrderBook();
    let shown = '';
    const display = createStreamDisplay((text) => (shown += text), book);
    const walk = book.root.open();
    walk.open(); // never closed
    const later = walk.take();
    display.sink({
      type: 'start',
      id: 0,
      builtin: 'chat',
      location: 'f.ot:1:1',
      backend: 'b',
      order: later,
    });
    display.sink({ type: 'end', id: 0, result: 'done', cached: true });
    expect(shown).toBe('');
    display.finish();
    expect(shown).toBe('── chat at f.ot:1:1 (b)\ndone\n');
  });
});
