// One park: its figures over the years per indicator against the targets that apply to it, each figure
// with its source and who entered it.
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ParkDashboardT } from '../../../shared/schemas.ts';
import { ChartPanel } from '../../charts/ChartPanel.tsx';
import { buildTargetOption } from '../../../shared/charts/targetChart.ts';
import { describeSource, describeTarget, formatAxis, formatDifference, formatMeasured } from '../../../shared/format.ts';
import { sharedSearch } from '../../lib/filters.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, useLocale } from '../../lib/i18n.ts';
import { useParkDashboard } from '../../lib/queries.ts';
import type { TableData } from '../../lib/table.ts';
import { EmptyState, QueryState } from '../../lib/ui/States.tsx';
import { StatusBadge } from '../../lib/ui/StatusBadge.tsx';
import { progressShare, stateNotes } from '../../../shared/state-notes.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { formatDay } from '../../lib/time.ts';
import { clsx } from 'clsx';
import * as css from './parks.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as noticeCss from '../../lib/ui/notice.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import * as textCss from '../../lib/ui/text.module.css';
import './words.ts';

export default function ParkPage() {
  const { t } = useTranslation(['parks', 'common']);
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const park = useParkDashboard(valid ? id : 0);
  useDocumentTitle(park.data?.park.name ?? t('title'));
  if (!valid) return <EmptyState title={t('park.notFound')} />;
  return <QueryState query={park}>{(d) => <Park data={d} />}</QueryState>;
}

type IndicatorView = ParkDashboardT['indicators'][number];

function Park({ data }: { data: ParkDashboardT }) {
  const { t } = useTranslation(['parks', 'common']);
  const locale = useLocale();
  const [params] = useSearchParams();
  const search = sharedSearch(params);
  const { park } = data;
  return (
    <article className={pageCss.page} data-park-page={park.id}>
      <nav className={clsx(pageCss.breadcrumb, 'no-print')}><Link to={{ pathname: '/parks', search }}>← {t('park.back')}</Link></nav>
      <header className={pageCss.detailHead}>
        <div className={pageCss.main}>
          <p className={pageCss.kicker}>{[park.provinceName, park.cityName, park.countyName].filter(Boolean).join(' · ')}</p>
          <h2 className={pageCss.title} data-park-name>{park.name}</h2>
          <p className={pageCss.scope}>
            <span className={noticeCss.tag}>{t(`common:level.${park.level}`)}</span>
            {park.approvedOn && <> {t('park.approved')} {park.approvedOn}</>}
            {park.aliases.length > 0 && <> · {park.aliases.join('、')}</>}
          </p>
          {park.note && <p className={textCss.muted}>{park.note}</p>}
          {park.source && <p className={textCss.muted}>{t('park.col.source')}: {describeSource(park.source, locale)}</p>}
        </div>
        <div className={pageCss.side}>
          <button type="button" className={clsx(buttonCss.button, buttonCss.ghost, 'no-print')} onClick={() => window.print()}>{t('common:chart.print')}</button>
        </div>
      </header>
      {data.indicators.length === 0 && <EmptyState title={t('park.noFigures')} />}
      <div className={css.indicatorList}>
        {data.indicators.map((view) => <IndicatorSection key={view.indicator.code} view={view} parkName={park.name} />)}
      </div>
    </article>
  );
}

function IndicatorSection({ view, parkName }: { view: IndicatorView; parkName: string }) {
  const { t } = useTranslation(['parks', 'common']);
  const locale = useLocale();
  const { indicator } = view;
  const name = indicatorName(indicator, locale);
  const latest = view.series.at(-1);
  const latestFigure = [...view.figures].filter((f) => f.indicator.code === indicator.code || !view.figures.some((g) => g.indicator.code === indicator.code)).sort((a, b) => b.year - a.year)[0];

  const built = useMemo(() => {
    const fmt = (x: number) => formatMeasured(x, indicator.unit, locale) ?? '';
    const targets = view.targets.filter((tg) => tg.targetValue !== null).map((tg) => ({
      label: `${tg.code} ${describeTarget({ ...tg, scope: { kind: tg.scopeKind } }, locale).goal}`, value: tg.targetValue!, year: tg.targetYear,
    }));
    const option = buildTargetOption({ series: view.series, path: [], projection: [], targets, invert: indicator.unit === '名' }, {
      actual: name, path: '', projection: '', year: (y) => t('common:words.year', { year: y }), value: fmt,
      axis: (x) => formatAxis(x, indicator.unit, locale), description: `${parkName} ${name}`, empty: t('park.noSeries'),
    });
    const table: TableData = {
      columns: [
        { label: t('park.col.year') }, { label: t('park.col.indicator') }, { label: t('park.col.value'), numeric: true }, { label: t('common:col.status') },
        { label: t('park.col.source') }, { label: t('park.col.enteredBy') }, { label: t('park.col.enteredAt') },
      ],
      rows: [...view.figures].sort((a, b) => a.year - b.year || a.indicator.code.localeCompare(b.indicator.code)).map((f) => [
        String(f.year), `${indicatorName(f.indicator, locale)} (${f.unit})`, f.value, f.status,
        f.source ? `${describeSource(f.source, locale)}${f.source.reliability === 'secondary' ? ` (${t('park.secondary')})` : ''}` : null,
        f.enteredBy, formatDay(f.enteredAt),
      ]),
    };
    return { option, table };
  }, [view, indicator, name, parkName, t, locale]);

  return (
    <ChartPanel
      title={name}
      subtitle={
        <>
          {latest ? t('park.latest', { value: formatMeasured(latest.value, indicator.unit, locale) ?? '—', year: latest.year }) : '—'}
          {latest && latest.basis === 'parts' && <> · {t('park.basis.parts')}</>}
          {latestFigure && <> · {t('park.col.source')}: {latestFigure.source?.title ?? '—'} · {t('park.col.enteredBy')}: {latestFigure.enteredBy}</>}
        </>
      }
      option={built.option} table={built.table} height={260} fileName={`${parkName}-${name}`} testId={`indicator-${indicator.code}`}
    >
      {view.targets.length > 0 && (
        <ul className={css.parkTargets} aria-label={t('park.targets')}>
          {view.targets.map((tg) => (
            <li key={tg.id} data-park-target={tg.code} data-status={tg.progress.status}>
              <StatusBadge status={tg.progress.status} held={tg.progress.held} />
              <Link to={`/targets/${tg.id}`} className={css.parkTargetsCode}>{tg.code}</Link>
              <span>{describeTarget({ ...tg, scope: { kind: tg.scopeKind } }, locale).short}</span>
              {tg.progress.gap !== null && tg.progress.gap !== 0 && <span className={textCss.muted}>{t('common:progress.gap')} {formatDifference(Math.abs(tg.progress.gap), tg.unit, locale)}</span>}
              {progressShare(tg.progress, locale) !== null && tg.progress.status !== 'insufficient_data' && (
                <span className={textCss.muted}>{tg.progress.progress! > 1 ? progressShare(tg.progress, locale) : t('common:progress.progress', { progress: progressShare(tg.progress, locale) ?? '' })}</span>
              )}
              {stateNotes({ ...tg.progress, comparator: tg.comparator, targetValue: tg.targetValue, targetYear: tg.targetYear, unit: tg.unit, scope: { kind: tg.scopeKind } }, locale)
                .map((n) => <span key={n.key} className={textCss.muted} data-state-note={n.key}>{n.text}</span>)}
            </li>
          ))}
        </ul>
      )}
    </ChartPanel>
  );
}
