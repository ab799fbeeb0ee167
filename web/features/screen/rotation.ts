// Which scene is on the wall: it moves on by itself every interval, a presenter steps with the arrow
// keys and pauses with the space bar. A pure reducer; the page owns the one timer that sends `tick`.

export interface RotationState {
  index: number;
  count: number;
  paused: boolean;
}

export type RotationAction =
  /** The timer ran out on scene `from` (a tick for a scene no longer shown changes nothing). */
  | { type: 'tick'; from: number }
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'togglePause' }
  | { type: 'setCount'; count: number };

export function initialRotation(count: number): RotationState {
  return { index: 0, count: Math.max(0, count), paused: false };
}

const wrap = (index: number, count: number) => (count > 0 ? ((index % count) + count) % count : 0);

export function rotate(state: RotationState, action: RotationAction): RotationState {
  switch (action.type) {
    case 'tick':
      // A paused screen stays; a late tick (the presenter stepped, or paused) changes nothing.
      return state.paused || state.count < 2 || action.from !== state.index ? state : { ...state, index: wrap(state.index + 1, state.count) };
    case 'next':
      return state.count < 2 ? state : { ...state, index: wrap(state.index + 1, state.count) };
    case 'prev':
      return state.count < 2 ? state : { ...state, index: wrap(state.index - 1, state.count) };
    case 'togglePause':
      return { ...state, paused: !state.paused };
    case 'setCount': {
      const count = Math.max(0, action.count);
      return count === state.count ? state : { ...state, count, index: state.index < count ? state.index : 0 };
    }
  }
}

/** The key a presenter pressed, as an action (PageUp/PageDown: what a presentation clicker sends). */
export function keyAction(key: string): RotationAction | null {
  switch (key) {
    case 'ArrowRight': case 'ArrowDown': case 'PageDown': return { type: 'next' };
    case 'ArrowLeft': case 'ArrowUp': case 'PageUp': return { type: 'prev' };
    case ' ': case 'Spacebar': return { type: 'togglePause' };
    default: return null;
  }
}
