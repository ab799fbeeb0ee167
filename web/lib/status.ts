// How a progress status looks, the same everywhere: an icon, words and a colour together, never
// colour alone (someone who cannot tell amber from orange still reads “需加快”).
import { STATUSES, STATUS_EN, STATUS_ZH, type Status } from '../../shared/progress.ts';

export interface StatusLook {
  icon: string;
  zh: string;
  en: string;
  /** Text and border colour, a design token (web/app/tokens.css); dark enough for small text on white and on `background`. */
  color: string;
  background: string;
}

const LOOKS: Record<Status, Pick<StatusLook, 'icon' | 'color' | 'background'>> = {
  achieved: { icon: '✔', color: 'var(--status-achieved)', background: 'var(--status-achieved-bg)' },
  on_track: { icon: '↗', color: 'var(--status-on-track)', background: 'var(--status-on-track-bg)' },
  needs_acceleration: { icon: '⚠', color: 'var(--status-needs-acceleration)', background: 'var(--status-needs-acceleration-bg)' },
  limited: { icon: '…', color: 'var(--status-limited)', background: 'var(--status-limited-bg)' },
  regressing: { icon: '↘', color: 'var(--status-regressing)', background: 'var(--status-regressing-bg)' },
  missed: { icon: '✖', color: 'var(--status-missed)', background: 'var(--status-missed-bg)' },
  insufficient_data: { icon: '?', color: 'var(--status-insufficient-data)', background: 'var(--status-insufficient-data-bg)' },
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
