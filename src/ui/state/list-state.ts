// A windowed list's cursor and scroll position. Only the rows between `offset` and
// `offset + height` are rendered, so ten thousand rows cost what a screenful costs.

/** Cursor and window over a list of `count` rows. */
export interface ListState {
  readonly cursor: number;
  readonly offset: number;
  readonly count: number;
  readonly height: number;
}

export type ListAction =
  | { readonly type: 'move'; readonly by: number }
  | { readonly type: 'page'; readonly by: 1 | -1 }
  | { readonly type: 'jump'; readonly to: 'top' | 'bottom' | number }
  | { readonly type: 'resize'; readonly count: number; readonly height: number };

export const emptyList: ListState = { cursor: 0, offset: 0, count: 0, height: 10 };

/** The next list state. Keeps the cursor in range and on screen. */
export function listReducer(state: ListState, action: ListAction): ListState {
  switch (action.type) {
    case 'move':
      return place(state, state.cursor + action.by);
    case 'page':
      return place(state, state.cursor + action.by * Math.max(1, state.height - 1));
    case 'jump':
      return place(state, action.to === 'top' ? 0 : action.to === 'bottom' ? state.count - 1 : action.to);
    case 'resize':
      return place({ ...state, count: action.count, height: Math.max(1, action.height) }, state.cursor);
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

function place(state: ListState, wanted: number): ListState {
  const cursor = state.count === 0 ? 0 : Math.min(Math.max(0, wanted), state.count - 1);
  let offset = state.offset;
  if (cursor < offset) offset = cursor;
  if (cursor >= offset + state.height) offset = cursor - state.height + 1;
  offset = Math.max(0, Math.min(offset, Math.max(0, state.count - state.height)));
  return { ...state, cursor, offset };
}

/** Indexes of the rows to render. */
export function visibleRange(state: ListState): { start: number; end: number } {
  return { start: state.offset, end: Math.min(state.count, state.offset + state.height) };
}
