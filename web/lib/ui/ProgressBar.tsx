import { formatShare } from '../format.ts';
import { useTranslation } from 'react-i18next';

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
    <div className="progress">
      <span className="visually-hidden">{t('progress.bar', { progress: p, elapsed: e })}</span>
      <div className="progress__track" aria-hidden="true">
        <div className="progress__fill" style={{ width: `${width}%`, background: color }} />
        {tick !== null && <div className="progress__tick" style={{ left: `${tick}%` }} />}
      </div>
      <p className="progress__caption" aria-hidden="true">
        <span>{t('progress.progress', { progress: p })}</span>
        {elapsed !== null && <span className="progress__elapsed">{t('progress.elapsed', { elapsed: e })}</span>}
      </p>
    </div>
  );
}
