// Time, injected where it changes results (sessions, throttling, "no future years"), so tests are exact.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
