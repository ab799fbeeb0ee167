// How a progress status looks, the same everywhere: an icon, words and a colour together, never
// colour alone (someone who cannot tell amber from orange still reads “需加快”).
import { STATUSES, STATUS_EN, STATUS_ZH, type Status } from '../../shared/progress.ts';

export interface StatusLook {
  icon: string;
  zh: string;
  en: string;
  /** Text and border colour; dark enough for small text on white and on `background`. */
  color: string;
  background: string;
}

const LOOKS: Record<Status, Pick<StatusLook, 'icon' | 'color' | 'background'>> = {
  achieved: { icon: '✔', color: '#1b6e34', background: '#e3f4e8' },
  on_track: { icon: '↗', color: '#0b6b63', background: '#dff3f0' },
  needs_acceleration: { icon: '⚠', color: '#7a5200', background: '#fdf0c8' },
  limited: { icon: '…', color: '#a34a00', background: '#fde7d3' },
  regressing: { icon: '↘', color: '#b3261e', background: '#fce4e1' },
  missed: { icon: '✖', color: '#7a1212', background: '#f4d7d7' },
  insufficient_data: { icon: '?', color: '#4d5560', background: '#eceef1' },
};

export function statusLook(status: Status): StatusLook {
  return { ...LOOKS[status], zh: STATUS_ZH[status], en: STATUS_EN[status] };
}

/** Every status with how many of the items have it, in the engine's order (best to no data). */
export function countByStatus(items: readonly { status: Status }[]): { status: Status; count: number }[] {
  const counts = new Map<Status, number>(STATUSES.map((s) => [s, 0]));
  for (const item of items) counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
  return STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}
