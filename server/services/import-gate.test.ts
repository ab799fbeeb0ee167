// One import reads at a time: the next waits its turn, a few may wait, the rest are turned away with
// how long to wait; a turn is handed on when the work ends, fails or is waited out.
import { describe, expect, it } from 'vitest';
import { createGate, GateBusyError } from './import-gate.ts';

/** Work that runs until the test says so. */
function held() {
  let finish!: () => void;
  let fail!: (err: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { work: () => done, finish, fail };
}

describe('the import gate', () => {
  it('runs one at a time in order of arrival, lets two wait, and turns the fourth away at once', async () => {
    const gate = createGate({ maxWaiting: 2, maxWaitMs: 60_000, retryAfterSeconds: 7 });
    const order: string[] = [];
    const a = held();
    const first = gate.run(async () => { order.push('a'); await a.work(); });
    const second = gate.run(async () => { order.push('b'); });
    const third = gate.run(async () => { order.push('c'); });
    const fourth = gate.run(async () => { order.push('d'); });
    await expect(fourth).rejects.toEqual(new GateBusyError(7));
    expect(((await fourth.catch((e: unknown) => e)) as GateBusyError).retryAfterSeconds).toBe(7);
    expect(gate.load).toEqual({ running: true, waiting: 2 });
    expect(order).toEqual(['a']);
    a.finish();
    await Promise.all([first, second, third]);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(gate.load).toEqual({ running: false, waiting: 0 });
  });

  it('hands the turn on when the work fails, and turns a waiter away once it has waited too long', async () => {
    const gate = createGate({ maxWaiting: 5, maxWaitMs: 30, retryAfterSeconds: 1 });
    const a = held();
    const first = gate.run(a.work);
    const waiter = gate.run(async () => 'never');
    await expect(waiter).rejects.toBeInstanceOf(GateBusyError);
    expect(gate.load).toEqual({ running: true, waiting: 0 });
    a.fail(new Error('broken file'));
    await expect(first).rejects.toThrow('broken file');
    expect(await gate.run(async () => 'next')).toBe('next');
  });
});
