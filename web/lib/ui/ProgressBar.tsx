import { formatShare } from '../../../shared/format.ts';
import { progressShare } from '../../../shared/state-notes.ts';
import { useLocale } from '../i18n.ts';
import { useTranslation } from 'react-i18next';
import * as css from './ProgressBar.module.css';
import * as textCss from './text.module.css';

/**
 * How far the target has come (progress, clamped only for the bar) against the share of time elapsed
 * (the tick). A bar behind its tick is behind schedule. None for a held target (no distance to cover);
 * beyond the whole distance it reads 已超额, never "200%".
 */
export function ProgressBar({ progress, elapsed, held = false, color }: { progress: number | null; elapsed: number | null; held?: boolean; color: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const p = progressShare({ progress, held }, locale);
  if (progress === null || p === null) return null;
  const width = Math.max(0, Math.min(1, progress)) * 100;
  const tick = elapsed === null ? null : Math.max(0, Math.min(1, elapsed)) * 100;
  const e = formatShare(elapsed);
  return (
    <div className={css.progress}>
      <span className={textCss.visuallyHidden}>{t('progress.bar', { progress: p, elapsed: e })}</span>
      <div className={css.progressTrack} aria-hidden="true">
        <div className={css.progressFill} style={{ width: `${width}%`, background: color }} />
        {tick !== null && <div className={css.progressTick} style={{ left: `${tick}%` }} />}
      </div>
      <p className={css.progressCaption} aria-hidden="true">
        <span data-progress-text>{progress > 1 ? p : t('progress.progress', { progress: p })}</span>
        {elapsed !== null && <span>{t('progress.elapsed', { elapsed: e })}</span>}
      </p>
    </div>
  );
}
