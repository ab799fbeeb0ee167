// One target as a card: status (icon, word, colour), latest value against the target with units, a
// progress bar against the share of time elapsed, a sparkline, and the source on hover.
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import type { OverviewEntryT } from '../../../shared/schemas.ts';
import { describeLatest, describeTarget } from '../../lib/format.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, useLocale } from '../../lib/i18n.ts';
import { statusLook } from '../../lib/status.ts';
import { ProgressBar } from '../../lib/ui/ProgressBar.tsx';
import { Sparkline } from '../../lib/ui/Sparkline.tsx';
import { StatusBadge } from '../../lib/ui/StatusBadge.tsx';
import { entryNotes, sourceTitle } from './model.ts';

export function TargetCard({ entry, search }: { entry: OverviewEntryT; search: string }) {
  const { t } = useTranslation(['overview', 'common']);
  const locale = useLocale();
  const look = statusLook(entry.status);
  const target = describeTarget(entry, locale);
  const latest = describeLatest(entry, locale);
  const notes = entryNotes(entry, t, locale);
  const source = sourceTitle(entry.source, t);
  const hover = [source, entry.quote ? `“${entry.quote}”` : null].filter(Boolean).join('\n') || undefined;
  const style = { '--status-color': look.color, '--status-bg': look.background } as CSSProperties;
  const name = indicatorName(entry.indicator, locale);

  return (
    <li className="card" data-target-code={entry.code} data-status={entry.status} style={style}>
      <div className="card__top">
        <span className="card__code">{entry.code}</span>
        <StatusBadge status={entry.status} />
      </div>
      <h3 className="card__title">
        <Link to={{ pathname: `/targets/${entry.id}`, search }} className="card__link">{name}</Link>
      </h3>
      <p className="card__scope">{entry.scope.label}</p>
      <div className="card__body">
        <dl className="card__figures">
          <div className="figure">
            <dt>{t('latest')}</dt>
            <dd>
              {latest === null ? <span className="figure__none">{t('noData')}</span> : (
                <>
                  <span className="figure__value" data-latest>{latest.value}</span>
                  {latest.year !== null && <span className="figure__year">{latest.year}</span>}
                </>
              )}
            </dd>
          </div>
          <div className="figure">
            <dt>{t('target')}</dt>
            <dd title={target.spoken}>
              <span className="figure__goal" data-goal>{target.goal}</span>
              <span className="figure__year">{target.year}</span>
            </dd>
          </div>
        </dl>
        <Sparkline points={entry.sparkline} target={entry.targetValue} label={t('sparkline', { name })} invert={entry.unit === '名'} />
      </div>
      <ProgressBar progress={entry.progress} elapsed={entry.elapsed} color={look.color} />
      {notes.length > 0 && (
        <ul className="card__notes">
          {notes.map((note) => <li key={note.text} className={`note note--${note.tone}`} title={note.title}>{note.text}</li>)}
        </ul>
      )}
      {source && (
        <p className="card__source" title={hover} data-source>
          <span aria-hidden="true">ⓘ </span>{source}
        </p>
      )}
    </li>
  );
}
