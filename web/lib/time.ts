// Times of writes as people read them: 2026-04-01 16:30 in the reader's own time zone.

/** An ISO time as “YYYY-MM-DD HH:mm” local time; text that is not a time is shown as it is. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
