import type { CSSProperties } from 'react';
import type { Status } from '../../../shared/progress.ts';
import { statusBadge } from '../../../shared/state-notes.ts';
import { useLocale } from '../i18n.ts';
import { statusLook } from '../status.ts';
import { clsx } from 'clsx';
import * as css from './StatusBadge.module.css';
import * as textCss from './text.module.css';

/**
 * The status as icon + words on its colour, in the chosen language (a compact badge, only the icon, says
 * its words on hover; the English interface also gives the Chinese word, the Chinese one no English). A held
 * target that still attains reads 保持 (shared/readings.ts), as on every view.
 */
export function StatusBadge({ status, held = false, compact = false }: { status: Status; held?: boolean; compact?: boolean }) {
  const locale = useLocale();
  const look = statusLook(status);
  const style = { '--status-color': look.color, '--status-bg': look.background } as CSSProperties;
  const word = statusBadge({ status, held }, locale);
  const title = locale === 'en' ? `${word} · ${statusBadge({ status, held }, 'zh')}` : compact ? word : undefined;
  return (
    <span className={compact ? clsx(css.badge, css.compact) : css.badge} style={style} title={title} data-status-badge={status} data-held={held || undefined}>
      <span className={css.icon} aria-hidden="true">{look.icon}</span>
      {compact ? <span className={textCss.visuallyHidden}>{word}</span> : <span>{word}</span>}
    </span>
  );
}
