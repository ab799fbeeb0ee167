import type { CSSProperties } from 'react';
import type { Status } from '../../../shared/progress.ts';
import { statusWord, useLocale } from '../i18n.ts';
import { statusLook } from '../status.ts';

/** The status as icon + words on its colour, in the chosen language; the other language on hover. */
export function StatusBadge({ status, compact = false }: { status: Status; compact?: boolean }) {
  const locale = useLocale();
  const look = statusLook(status);
  const style = { '--status-color': look.color, '--status-bg': look.background } as CSSProperties;
  const word = statusWord(status, locale);
  return (
    <span className={compact ? 'status-badge status-badge--compact' : 'status-badge'} style={style} title={locale === 'zh' ? look.en : look.zh} data-status-badge={status}>
      <span className="status-badge__icon" aria-hidden="true">{look.icon}</span>
      {compact ? <span className="visually-hidden">{word}</span> : <span>{word}</span>}
    </span>
  );
}
