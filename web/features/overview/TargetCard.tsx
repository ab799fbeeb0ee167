// One target as a card: status (icon, word, colour), latest value against the target with units, a
// progress bar against the share of time elapsed, what the status rests on (StateNotes), a sparkline,
// and the source on hover.
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import type { OverviewEntryT } from '../../../shared/schemas.ts';
import { describeLatest, describeTarget, formatMeasured } from '../../../shared/format.ts';
import { StateNotes } from '../../lib/ui/StateNotes.tsx';
import { useTranslation } from 'react-i18next';
import { indicatorName, useLocale } from '../../lib/i18n.ts';
import { statusLook } from '../../lib/status.ts';
import { ProgressBar } from '../../lib/ui/ProgressBar.tsx';
import { Sparkline } from '../../lib/ui/Sparkline.tsx';
import { StatusBadge } from '../../lib/ui/StatusBadge.tsx';
import { entryNotes, sourceTitle } from './model.ts';
import * as css from './overview.module.css';
import * as textCss from '../../lib/ui/text.module.css';
import { clsx } from 'clsx';
import * as noticeCss from '../../lib/ui/notice.module.css';

export function TargetCard({ entry, search }: { entry: OverviewEntryT; search: string }) {
  const { t } = useTranslation(['overview', 'common']);
  const locale = useLocale();
  const look = statusLook(entry.status);
  const target = describeTarget(entry, locale);
  const latest = describeLatest(entry, locale);
  const notes = entryNotes(entry, t, locale);
  const source = sourceTitle(entry.source, t, locale);
  const hover = [source, entry.quote ? `“${entry.quote}”` : null].filter(Boolean).join('\n') || undefined;
  const style = { '--status-color': look.color, '--status-bg': look.background } as CSSProperties;
  const name = indicatorName(entry.indicator, locale);
  const stretch = entry.stretchValue != null ? formatMeasured(entry.stretchValue, entry.unit, locale) : null;

  return (
    <li className={css.card} data-target-code={entry.code} data-status={entry.status} style={style}>
      <div className={css.cardTop}>
        <span className={textCss.code}>{entry.code}</span>
        <StatusBadge status={entry.status} held={entry.held} />
      </div>
      <h3 className={css.cardTitle}>
        <Link to={{ pathname: `/targets/${entry.id}`, search }} className={css.cardLink}>{name}</Link>
      </h3>
      <p className={css.cardScope}>{entry.scope.label}</p>
      <div className={css.cardBody}>
        <dl className={css.cardFigures}>
          <div className={css.figure}>
            <dt>{t('latest')}</dt>
            <dd>
              {latest === null ? <span className={css.figureNone}>{t('noData')}</span> : (
                <>
                  <span className={css.figureValue} data-latest>{latest.value}</span>
                  {latest.year !== null && <span className={css.figureYear}>{latest.year}</span>}
                </>
              )}
            </dd>
          </div>
          <div className={css.figure}>
            <dt>{t('target')}</dt>
            <dd title={target.spoken}>
              <span className={css.figureGoal} data-goal>{target.goal}</span>
              {stretch && <span className={css.figureStretch} data-stretch>{t('common:words.stretch', { value: stretch })}</span>}
              <span className={css.figureYear}>{target.year}</span>
            </dd>
          </div>
        </dl>
        <Sparkline points={entry.sparkline} target={entry.targetValue} label={t('sparkline', { name })} invert={entry.unit === '名'} />
      </div>
      {entry.status !== 'insufficient_data' && <ProgressBar progress={entry.progress} elapsed={entry.elapsed} held={entry.held} color={look.color} />}
      <StateNotes entry={entry} />
      {notes.length > 0 && (
        <ul className={css.cardNotes} data-testid="card-notes">
          {notes.map((note) => <li key={note.text} className={clsx(noticeCss.note, note.tone === 'warn' && noticeCss.noteWarn)} title={note.title}>{note.text}</li>)}
        </ul>
      )}
      {source && (
        <p className={css.cardSource} title={hover} data-source>
          <span aria-hidden="true">ⓘ </span>{source}
        </p>
      )}
    </li>
  );
}
