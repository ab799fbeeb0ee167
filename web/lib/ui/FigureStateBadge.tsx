import type { CSSProperties } from 'react';
import { figureStateLook, type FigureState } from '../figureState.ts';
import { useTranslation } from 'react-i18next';
import { clsx } from 'clsx';
import * as badgeCss from './StatusBadge.module.css';

/** 缺报 / 草稿 / 已退回 / 已提交 / 已通过 as icon + word on its colour. */
export function FigureStateBadge({ state, compact = false }: { state: FigureState; compact?: boolean }) {
  const { t } = useTranslation(['common']);
  const look = figureStateLook(state);
  const style = { '--status-color': look.color, '--status-bg': look.background } as CSSProperties;
  return (
    <span className={compact ? clsx(badgeCss.badge, badgeCss.compact) : badgeCss.badge} style={style} data-figure-state={state}>
      <span className={badgeCss.icon} aria-hidden="true">{look.icon}</span>
      <span>{t(look.label)}</span>
    </span>
  );
}
