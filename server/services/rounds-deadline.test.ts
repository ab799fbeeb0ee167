import { describe, expect, it } from 'vitest';
import { isOverdue } from './rounds.ts';

describe('a round’s deadline, on China’s calendar', () => {
  it('is the last day to report: overdue from 00:00 the next day in China (16:00 UTC), not from 08:00', () => {
    expect(isOverdue('2026-12-31', new Date('2026-12-31T15:59:00Z'))).toBe(false);
    expect(isOverdue('2026-12-31', new Date('2026-12-31T16:00:00Z'))).toBe(true);
  });
});
