import { describe, expect, it } from 'vitest';
import { emptyList, listReducer, visibleRange, type ListAction } from '../../../src/ui/state/list-state.js';

const list = (count: number, height: number) => listReducer(emptyList, { type: 'resize', count, height });
const apply = (actions: ListAction[], start = list(100, 10)) => actions.reduce(listReducer, start);

describe('listReducer', () => {
  it('moves the cursor and scrolls the window to keep it on screen', () => {
    const state = apply(Array.from({ length: 12 }, () => ({ type: 'move', by: 1 }) as const));
    expect(state).toMatchObject({ cursor: 12, offset: 3 });
    expect(visibleRange(state)).toEqual({ start: 3, end: 13 });
  });

  it('stops at both ends', () => {
    expect(apply([{ type: 'move', by: -5 }])).toMatchObject({ cursor: 0, offset: 0 });
    expect(
      apply([
        { type: 'jump', to: 'bottom' },
        { type: 'move', by: 3 },
      ]),
    ).toMatchObject({ cursor: 99, offset: 90 });
  });

  it('pages by a screen less one row', () => {
    expect(apply([{ type: 'page', by: 1 }])).toMatchObject({ cursor: 9 });
    expect(
      apply([
        { type: 'page', by: 1 },
        { type: 'page', by: 1 },
        { type: 'page', by: -1 },
      ]),
    ).toMatchObject({ cursor: 9 });
  });

  it('keeps the cursor in range when the list shrinks or the screen resizes', () => {
    const shrunk = apply([
      { type: 'jump', to: 80 },
      { type: 'resize', count: 5, height: 10 },
    ]);
    expect(shrunk).toMatchObject({ cursor: 4, offset: 0 });
    const empty = apply([{ type: 'resize', count: 0, height: 10 }]);
    expect(empty).toMatchObject({ cursor: 0, offset: 0 });
    expect(visibleRange(empty)).toEqual({ start: 0, end: 0 });
  });

  it('renders only one window of ten thousand rows', () => {
    const state = apply([{ type: 'jump', to: 5000 }], list(10_000, 20));
    const { start, end } = visibleRange(state);
    expect(end - start).toBe(20);
    expect(state.cursor).toBeGreaterThanOrEqual(start);
    expect(state.cursor).toBeLessThan(end);
  });
});
