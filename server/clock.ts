// Time, injected where it changes results (sessions, throttling, "no future years"), so tests are exact.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts on `day` (YYYY-MM-DD, at this moment's time of day) and runs on from there. */
export function clockFrom(day: string): Clock {
  const start = new Date();
  const offset = Date.parse(`${day}T${start.toISOString().slice(11)}`) - start.getTime();
  return { now: () => new Date(Date.now() + offset) };
}

/** The calendar year in China Standard Time (UTC+8): on 31 December at 17:00 UTC it is already the next year there. */
export function yearInChina(at: Date): number {
  return new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();
}
