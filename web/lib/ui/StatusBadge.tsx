import type { CSSProperties } from 'react';
import type { Status } from '../../../shared/progress.ts';
import { statusWord, useLocale } from '../i18n.ts';
import { statusLook } from '../status.ts';
import { clsx } from 'clsx';
import * as css from './StatusBadge.module.css';
import * as textCss from './text.module.css';

/** The status as icon + words on its colour, in the chosen language; the other language on hover. */
export function StatusBadge({ status, compact = false }: { status: Status; compact?: boolean }) {
  const locale = useLocale();
  const look = statusLook(status);
  const style = { '--status-color': look.color, '--status-bg': look.background } as CSSProperties;
  const word = statusWord(status, locale);
  return (
    <span className={compact ? clsx(css.badge, css.compact) : css.badge} style={style} title={locale === 'zh' ? look.en : look.zh} data-status-badge={status}>
      <span className={css.icon} aria-hidden="true">{look.icon}</span>
      {compact ? <span className={textCss.visuallyHidden}>{word}</span> : <span>{word}</span>}
    </span>
  );
}
