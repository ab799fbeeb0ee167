import { describe, expect, it } from 'vitest';
import { formatDay, formatWhen, hhmm, hhmmss } from './time.ts';

describe('times on China’s clock', () => {
  it('writes a moment in China Standard Time, whatever the machine’s zone', () => {
    expect(formatWhen('2026-12-05T17:30:00Z')).toBe('2026-12-06 01:30');
    expect(formatWhen('2026-12-31T16:00:00.000Z')).toBe('2027-01-01 00:00');
    expect(hhmm(new Date('2026-12-06T01:00:00Z'))).toBe('09:00');
    expect(hhmmss(new Date('2026-12-06T01:00:05Z'))).toBe('09:00:05');
    expect(formatWhen('初始数据')).toBe('初始数据');
    // A figure entered at 20:00 UTC was entered the next day in China.
    expect(formatDay('2026-12-06T20:00:00Z')).toBe('2026-12-07');
  });
});
