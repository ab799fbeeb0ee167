import { describe, expect, it } from 'vitest';
import { initialRotation, keyAction, rotate, type RotationAction, type RotationState } from './rotation.ts';

const run = (state: RotationState, ...actions: RotationAction[]) => actions.reduce(rotate, state);

describe('the rotation of scenes', () => {
  it('moves on at every tick and wraps around', () => {
    let s = initialRotation(3);
    const seen = [s.index];
    for (let i = 0; i < 5; i++) {
      s = rotate(s, { type: 'tick', from: s.index });
      seen.push(s.index);
    }
    expect(seen).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it('steps forwards and backwards with the presenter’s keys, wrapping both ways', () => {
    const s = initialRotation(4);
    expect(run(s, { type: 'prev' }).index).toBe(3);
    expect(run(s, { type: 'next' }, { type: 'next' }).index).toBe(2);
    expect(run(s, { type: 'next' }, { type: 'prev' }, { type: 'prev' }).index).toBe(3);
  });

  it('stays while paused, still lets the presenter step, and moves on again after resuming', () => {
    let s = run(initialRotation(3), { type: 'togglePause' });
    expect(s.paused).toBe(true);
    s = rotate(s, { type: 'tick', from: 0 });
    expect(s.index).toBe(0);
    s = rotate(s, { type: 'next' });
    expect(s).toEqual({ index: 1, count: 3, paused: true });
    s = run(s, { type: 'togglePause' }, { type: 'tick', from: 1 });
    expect(s).toEqual({ index: 2, count: 3, paused: false });
  });

  it('ignores a late tick for a scene no longer shown', () => {
    const s = run(initialRotation(3), { type: 'next' });
    expect(rotate(s, { type: 'tick', from: 0 })).toBe(s);
  });

  it('does nothing with one scene or none', () => {
    for (const count of [0, 1]) {
      const s = initialRotation(count);
      expect(run(s, { type: 'tick', from: 0 }, { type: 'next' }, { type: 'prev' }).index).toBe(0);
    }
  });

  it('keeps the scene when the number of scenes changes and it still exists, else starts over', () => {
    const s = run(initialRotation(5), { type: 'next' }, { type: 'next' }, { type: 'next' });
    expect(rotate(s, { type: 'setCount', count: 5 })).toBe(s);
    expect(rotate(s, { type: 'setCount', count: 4 }).index).toBe(3);
    expect(rotate(s, { type: 'setCount', count: 2 }).index).toBe(0);
  });
});

describe('presenter keys', () => {
  it('maps arrows, a clicker’s page keys and the space bar; nothing else', () => {
    expect(keyAction('ArrowRight')).toEqual({ type: 'next' });
    expect(keyAction('PageDown')).toEqual({ type: 'next' });
    expect(keyAction('ArrowLeft')).toEqual({ type: 'prev' });
    expect(keyAction('PageUp')).toEqual({ type: 'prev' });
    expect(keyAction(' ')).toEqual({ type: 'togglePause' });
    expect(keyAction('Enter')).toBeNull();
    expect(keyAction('a')).toBeNull();
  });
});
