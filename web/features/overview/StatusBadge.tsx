import type { CSSProperties } from 'react';
import type { Status } from '../../../shared/progress.ts';
import { statusLook } from '../../lib/status.ts';

/** The status as icon + words on its colour; the English name on hover. */
export function StatusBadge({ status }: { status: Status }) {
  const look = statusLook(status);
  const style = { '--status-color': look.color, '--status-bg': look.background } as CSSProperties;
  return (
    <span className="status-badge" style={style} title={look.en}>
      <span className="status-badge__icon" aria-hidden="true">{look.icon}</span>
      <span>{look.zh}</span>
    </span>
  );
}
