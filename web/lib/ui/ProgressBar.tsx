import { formatShare } from '../format.ts';
import { useTranslation } from 'react-i18next';
import * as css from './ProgressBar.module.css';
import * as textCss from './text.module.css';

/**
 * How far the target has come (progress, clamped only for the bar) against the share of time elapsed
 * (the tick). A bar behind its tick is behind schedule.
 */
export function ProgressBar({ progress, elapsed, color }: { progress: number | null; elapsed: number | null; color: string }) {
  const { t } = useTranslation();
  if (progress === null) return null;
  const width = Math.max(0, Math.min(1, progress)) * 100;
  const tick = elapsed === null ? null : Math.max(0, Math.min(1, elapsed)) * 100;
  const p = formatShare(progress);
  const e = formatShare(elapsed);
  return (
    <div className={css.progress}>
      <span className={textCss.visuallyHidden}>{t('progress.bar', { progress: p, elapsed: e })}</span>
      <div className={css.progressTrack} aria-hidden="true">
        <div className={css.progressFill} style={{ width: `${width}%`, background: color }} />
        {tick !== null && <div className={css.progressTick} style={{ left: `${tick}%` }} />}
      </div>
      <p className={css.progressCaption} aria-hidden="true">
        <span>{t('progress.progress', { progress: p })}</span>
        {elapsed !== null && <span>{t('progress.elapsed', { elapsed: e })}</span>}
      </p>
    </div>
  );
}
