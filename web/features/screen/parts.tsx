// Small pieces every scene uses: a scene's heading, a status pill (icon, word and colour together,
// never colour alone), a progress track with the time elapsed, and the “no data” panel.
import type { CSSProperties, ReactNode } from 'react';
import type { Status } from '../../../shared/progress.ts';
import { SCREEN_STATUS } from '../../charts/screenTheme.ts';
import { stateNotes, statusBadge, type ReadableProgress } from '../../../shared/state-notes.ts';
import { useLocale } from '../../lib/i18n.ts';
import { statusLook } from '../../lib/status.ts';
import * as css from './screen.module.css';
import { clsx } from 'clsx';

export function SceneHead({ title, detail }: { title: string; detail?: ReactNode }) {
  return (
    <header className={css.scrSceneHead}>
      <h2 className={css.scrSceneTitle}>{title}</h2>
      {detail && <p className={css.scrSceneDetail}>{detail}</p>}
    </header>
  );
}

export function StatusPill({ status, held = false, size = 'normal' }: { status: Status; held?: boolean; size?: 'normal' | 'large' }) {
  const locale = useLocale();
  const look = SCREEN_STATUS[status];
  const style = { '--pill-bg': look.fill, '--pill-ink': look.ink } as CSSProperties;
  return (
    <span className={clsx(css.scrPill, size === 'large' && css.scrPillLarge)} style={style} data-status-pill={status}>
      <span aria-hidden="true" className={css.scrPillIcon}>{statusLook(status).icon}</span>
      {statusBadge({ status, held }, locale)}
    </span>
  );
}

/** Progress (0…1 of the way from baseline to target) as a bar, with a tick where time has got to. */
export function ProgressTrack({ progress, elapsed, status }: { progress: number | null; elapsed: number | null; status: Status }) {
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  const style = { '--track-fill': SCREEN_STATUS[status].fill } as CSSProperties;
  return (
    <div className={css.scrTrack} style={style} aria-hidden="true">
      {progress !== null && <span className={css.scrTrackFill} style={{ width: `${clamp(progress) * 100}%` }} />}
      {elapsed !== null && <span className={css.scrTrackTime} style={{ left: `${clamp(elapsed) * 100}%` }} />}
    </div>
  );
}

export function SceneEmpty({ title, text }: { title: string; text?: string }) {
  return (
    <div className={css.scrEmpty} data-scene-empty>
      <p className={css.scrEmptyTitle}>{title}</p>
      {text && <p className={css.scrEmptyText}>{text}</p>}
    </div>
  );
}

/** A figure in large type with its caption, for the side panels. */
export function Kpi({ label, value, note, tone }: { label: string; value: ReactNode; note?: ReactNode; tone?: 'target' | 'good' | 'bad' }) {
  return (
    <div className={clsx(tone === 'target' && css.scrKpiTarget, tone === 'good' && css.scrKpiGood, tone === 'bad' && css.scrKpiBad)}>
      <div className={css.scrKpiLabel}>{label}</div>
      <div className={css.scrKpiValue}>{value}</div>
      {note && <div className={css.scrKpiNote}>{note}</div>}
    </div>
  );
}

/** What a status rests on, under a scene's status pill: the same notes as on every view. */
export function SideNotes({ entry }: { entry: ReadableProgress }) {
  const locale = useLocale();
  const notes = stateNotes(entry, locale);
  if (notes.length === 0) return null;
  return (
    <ul className={css.scrSideNotes} data-testid="state-notes">
      {notes.map((n) => <li key={n.key} data-state-note={n.key}>{n.text}</li>)}
    </ul>
  );
}
