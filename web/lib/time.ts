// Times as people in China read them: 2026-04-01 16:30 in China Standard Time (UTC+8), whatever the
// time zone of the machine the browser runs on (a wall PC, a laptop abroad), so every page, file and
// log line names the same moment the same way.

/** China Standard Time has no daylight saving: a fixed offset. */
const CST_OFFSET_MS = 8 * 3600_000;

/** The parts of a moment on China's clock. */
export function chinaClock(d: Date): { year: number; month: number; day: number; hours: number; minutes: number; seconds: number; weekday: number } {
  const c = new Date(d.getTime() + CST_OFFSET_MS);
  return {
    year: c.getUTCFullYear(), month: c.getUTCMonth() + 1, day: c.getUTCDate(),
    hours: c.getUTCHours(), minutes: c.getUTCMinutes(), seconds: c.getUTCSeconds(), weekday: c.getUTCDay(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO time as “YYYY-MM-DD HH:mm” in China Standard Time; text that is not a time is shown as it is. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const c = chinaClock(d);
  return `${c.year}-${pad(c.month)}-${pad(c.day)} ${pad(c.hours)}:${pad(c.minutes)}`;
}

/** An ISO time as the day “YYYY-MM-DD” in China Standard Time (20:00 UTC is the next morning in China). */
export function formatDay(iso: string): string {
  return formatWhen(iso).slice(0, 10);
}

/** “HH:mm” and “HH:mm:ss” on China's clock. */
export const hhmm = (d: Date) => { const c = chinaClock(d); return `${pad(c.hours)}:${pad(c.minutes)}`; };
export const hhmmss = (d: Date) => { const c = chinaClock(d); return `${pad(c.hours)}:${pad(c.minutes)}:${pad(c.seconds)}`; };
