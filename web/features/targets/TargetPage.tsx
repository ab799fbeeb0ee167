// One target in full: the yearly series with the target line, the straight path and the projection;
// every output of the progress method in plain words; for aggregates the parks ranked by what each
// would need; for classes each park's progress; for coverage the covered and uncovered regions.
import { useMemo, type CSSProperties } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ProgressDetailT } from '../../../shared/schemas.ts';
import { buildRankingOption, rankingHeight, rankRows } from '../../../shared/charts/rankingChart.ts';
import { buildTargetOption } from '../../../shared/charts/targetChart.ts';
import { ChartPanel } from '../../charts/ChartPanel.tsx';
import { describeLatest, describeSource, describeTarget, formatAxis, formatDifference, formatMeasured, formatShare, joinNames } from '../../../shared/format.ts';
import { sharedSearch } from '../../lib/filters.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, useLocale } from '../../lib/i18n.ts';
import { useIndicators, useTargetDetail } from '../../lib/queries.ts';
import { statusLook } from '../../lib/status.ts';
import type { TableData } from '../../lib/table.ts';
import { DataTable } from '../../lib/ui/DataTable.tsx';
import { ProgressBar } from '../../lib/ui/ProgressBar.tsx';
import { EmptyState, QueryState } from '../../lib/ui/States.tsx';
import { StatusBadge } from '../../lib/ui/StatusBadge.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { paceText, readings } from '../../../shared/readings.ts';
import { progressShare, statusBadge } from '../../../shared/state-notes.ts';
import { StateNotes } from '../../lib/ui/StateNotes.tsx';
import { clsx } from 'clsx';
import { reportProvince } from '../../lib/report.ts';
import { ReportButton } from '../../lib/ui/ReportButton.tsx';
import * as css from './targets.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import * as panelCss from '../../lib/ui/panel.module.css';
import * as textCss from '../../lib/ui/text.module.css';
import './words.ts';

export default function TargetPage() {
  const { t } = useTranslation(['targets', 'common']);
  const locale = useLocale();
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const detail = useTargetDetail(Number.isInteger(id) && id > 0 ? id : 0, params.get('basis') === 'submitted' ? 'submitted' : 'approved');
  useDocumentTitle(detail.data ? `${detail.data.code} ${indicatorName(detail.data.indicator, locale)}` : undefined);
  if (!(Number.isInteger(id) && id > 0)) return <EmptyState title={t('notFound')} />;
  return (
    <QueryState query={detail}>
      {(d) => <TargetDetail detail={d} />}
    </QueryState>
  );
}

function TargetDetail({ detail: d }: { detail: ProgressDetailT }) {
  const { t } = useTranslation(['targets', 'common']);
  const locale = useLocale();
  const [params] = useSearchParams();
  const search = sharedSearch(params);
  const indicators = useIndicators();
  const catalogue = indicators.data ?? [];
  const indicator = catalogue.find((i) => i.code === d.indicator.code);
  const part = catalogue.find((i) => i.code === (indicator?.numerator ?? indicator?.shareOf));
  const base = catalogue.find((i) => i.code === indicator?.denominator);
  const share = catalogue.find((i) => i.code === indicator?.shareOf);
  const look = statusLook(d.status);
  const goal = describeTarget(d, locale);
  const latest = describeLatest(d, locale);
  const name = indicatorName(d.indicator, locale);
  const v = (x: number | null) => formatMeasured(x, d.unit, locale) ?? '—';
  const texts = readings(d, { part: part ? indicatorName(part, locale) : null, base: base ? indicatorName(base, locale) : null }, locale);
  const style = { '--status-color': look.color, '--status-bg': look.background } as CSSProperties;

  const chart = useMemo(() => {
    const labels = {
      actual: t('series.actual'), path: t('series.path'), projection: t('series.projection'), provisional: t('series.provisional'), empty: t('noSeries'),
      year: (y: number) => t('common:words.year', { year: y }), value: (x: number) => formatMeasured(x, d.unit, locale) ?? '',
      axis: (x: number) => formatAxis(x, d.unit, locale),
      description: `${name}: ${latest ? `${latest.value} (${latest.year})` : ''}; ${t('series.target')} ${goal.short}`,
    };
    const targets = d.targetValue !== null ? [{ label: `${t('series.target')} ${goal.goal}`, value: d.targetValue, year: d.targetYear }] : [];
    const option = buildTargetOption({ series: d.series, path: d.path, projection: d.projection, targets, invert: d.unit === '名' }, labels);
    const years = [...new Set([...d.series, ...d.path, ...d.projection].map((p) => p.year))].sort((a, b) => a - b);
    const at = (list: { year: number; value: number }[], y: number) => list.find((p) => p.year === y)?.value ?? null;
    const fmt = (x: number) => formatMeasured(x, d.unit, locale) ?? '';
    // A share of the province: the province's own total of each year, and where it comes from.
    const totalOf = d.indicator.kind === 'share' && share ? share : null;
    const point = (y: number) => d.series.find((p) => p.year === y);
    const table: TableData = {
      columns: [
        { label: t('common:chart.year') },
        { label: `${t('series.actual')} (${d.unit})`, numeric: true, format: fmt },
        { label: `${t('series.path')} (${d.unit})`, numeric: true, format: fmt },
        { label: `${t('series.projection')} (${d.unit})`, numeric: true, format: fmt },
        { label: `${t('series.target')} (${d.unit})`, numeric: true, format: fmt },
        ...(totalOf ? [
          { label: `${t('series.provinceTotal', { name: indicatorName(totalOf, locale) })} (${totalOf.unit})`, numeric: true, format: (x: number) => formatMeasured(x, totalOf.unit, locale) ?? '' },
          { label: t('series.totalSource') },
        ] : []),
      ],
      rows: years.map((y) => [
        String(y), at(d.series, y), at(d.path, y), at(d.projection, y), d.targetValue,
        ...(totalOf ? [point(y)?.denominator ?? null, point(y)?.denominatorSource ?? null] : []),
      ]),
    };
    return { option, table };
  }, [d, t, locale, name, latest, goal, share]);

  // A line the chart does not draw says why (held: no path; stale or one value: no projection).
  const chartNotes: string[] = [
    d.held ? t('chartNote.held') : null,
    d.projection.length === 0 && d.statusReason === 'stale' ? t('chartNote.stale', { year: d.latestYear ?? '' }) : null,
    d.projection.length === 0 && d.statusReason === 'one_point' ? t('chartNote.noProjection') : null,
  ].flatMap((n) => (n === null ? [] : [String(n)]));

  return (
    <article className={pageCss.page} data-target-detail={d.code} data-status={d.status} style={style}>
      <nav className={clsx(pageCss.breadcrumb, 'no-print')}><Link to={{ pathname: '/', search }}>← {t('back')}</Link></nav>
      <header className={pageCss.detailHead}>
        <div className={pageCss.main}>
          <p className={pageCss.kicker}><span className={textCss.code}>{d.code}</span> {d.plan.title}</p>
          <h2 className={pageCss.title}>{name}</h2>
          <p className={pageCss.scope}>{d.scope.label}</p>
        </div>
        <div className={pageCss.side}>
          <StatusBadge status={d.status} held={d.held} />
          <button type="button" className={clsx(buttonCss.button, buttonCss.ghost, 'no-print')} onClick={() => window.print()}>{t('common:chart.print')}</button>
          <ReportButton province={reportProvince(d.scope.regionCode, params.get('province'))} plan={params.get('plan') || undefined}
            targetYear={Number(params.get('horizon')) || undefined} basis={params.get('basis') === 'submitted' ? 'submitted' : 'approved'} />
        </div>
      </header>

      {d.quote && (
        <blockquote className={textCss.quote} title={d.source ? describeSource(d.source, locale) : undefined}>
          <span className={css.quoteLabel}>{t('quote')}</span>“{d.quote}”
          {d.source && <cite className={textCss.quoteSource}>{describeSource(d.source, locale)}</cite>}
        </blockquote>
      )}

      <dl className={css.kpis}>
        <Kpi label={t('kpi.latest')} value={latest?.value ?? '—'} sub={latest?.year ?? undefined} testId="latest" />
        <Kpi label={t('kpi.target')} value={goal.goal} title={goal.spoken} testId="goal"
          sub={d.stretchValue != null ? `${goal.year} · ${t('common:words.stretch', { value: v(d.stretchValue) })}` : goal.year} />
        <Kpi label={t('kpi.baseline')} value={v(d.baselineValue)} sub={d.baselineYear !== null ? t('common:words.year', { year: d.baselineYear }) : undefined} />
        {/* A distance, in the unit it is spoken in: "3名", never "−3名"; the reading says which way. */}
        <Kpi label={t('common:progress.gap')} value={d.gap === null ? '—' : formatDifference(Math.abs(d.gap), d.unit, locale)} testId="gap" />
        <Kpi label={t('kpi.pace')} value={d.paceRatio !== null ? formatShare(d.paceRatio) : '—'} testId="pace"
          sub={d.observedPace !== null && d.requiredPace !== null
            ? `${paceText(d.observedPace, d.unit, locale)} / ${paceText(d.requiredPace, d.unit, locale)}${d.statusReason === 'stale' ? ` (${t('common:words.year', { year: d.latestYear ?? '' })})` : ''}`
            : undefined} />
        <div className={clsx(css.kpi, css.kpiWide)} data-kpi="progress">
          <dt>{t('kpi.progress')}</dt>
          <dd>
            {d.status !== 'insufficient_data' && <ProgressBar progress={d.progress} elapsed={d.elapsed} held={d.held} color={look.color} />}
            {(d.status === 'insufficient_data' || progressShare(d, locale) === null) && (d.held ? statusBadge(d, locale) : '—')}
          </dd>
        </div>
      </dl>

      <StateNotes entry={d} />

      <section className={panelCss.panel} aria-labelledby="readings-title">
        <h2 id="readings-title" className={panelCss.title}>{t('reading')}</h2>
        <ul className={css.readingsList}>
          {texts.map((r) => <li key={r.key} data-reading={r.key}>{r.text}</li>)}
        </ul>
      </section>

      {d.series.length > 0 ? (
        <ChartPanel title={t('chartTitle')} subtitle={`${name} · ${d.unit}`} option={chart.option} table={chart.table} height={360}
          fileName={`${d.code}-${name}`} testId="target-chart">
          {chartNotes.length > 0 && <ul className={textCss.plainList} data-testid="chart-notes">{chartNotes.map((n) => <li key={n} className={textCss.muted}>{n}</li>)}</ul>}
        </ChartPanel>
      ) : (
        <section className={panelCss.panel} data-testid="target-chart">
          <h2 className={panelCss.title}>{t('chartTitle')}</h2>
          <p className={textCss.muted}>{t(d.scope.kind === 'park_class' ? 'classSeries' : 'noSeries')}</p>
        </section>
      )}

      {d.scope.kind === 'province_aggregate' && <AggregateSection d={d} partName={part ? indicatorName(part, locale) : null} baseName={base ? indicatorName(base, locale) : null} />}
      {d.scope.kind === 'park_class' && d.parks && <ClassSection d={d} search={search} />}
      {d.scope.kind === 'coverage' && d.coverage && <CoverageSection d={d} search={search} />}
    </article>
  );
}

function Kpi({ label, value, sub, title, testId }: { label: string; value: string; sub?: string | undefined; title?: string; testId?: string }) {
  return (
    <div className={css.kpi} title={title} data-kpi={testId}>
      <dt>{label}</dt>
      <dd><span className={css.kpiValue} data-testid="kpi-value">{value}</span>{sub && <span className={css.kpiSub}>{sub}</span>}</dd>
    </div>
  );
}

function AggregateSection({ d, partName, baseName }: { d: ProgressDetailT; partName: string | null; baseName: string | null }) {
  const { t } = useTranslation(['targets', 'common']);
  const locale = useLocale();
  const agg = d.aggregate!;
  const isRatio = d.breakdown.some((b) => b.need !== null);
  const needUnit = d.needUnit ?? agg.extraNeededUnit ?? '';
  const chart = useMemo(() => {
    if (!isRatio) return null;
    const rows = d.breakdown.filter((b) => b.need !== null).map((b) => ({ id: b.parkId, name: b.parkName, value: b.need!, note: `${formatMeasured(b.value, d.unit, locale) ?? '—'}` }));
    const fmt = (x: number) => formatMeasured(x, needUnit, locale) ?? '';
    const option = buildRankingOption({ rows, direction: 'up', target: null }, {
      valueName: partName ?? '', value: fmt, axis: (x) => formatAxis(x, needUnit, locale), description: t('breakdownTitle', { part: partName ?? '' }),
    });
    const ranked = rankRows(rows, 'up');
    const table: TableData = {
      columns: [
        { label: t('common:col.park') },
        { label: `${indicatorName(d.indicator, locale)} (${d.unit})`, numeric: true, format: (x) => formatMeasured(x, d.unit, locale) ?? '' },
        { label: `${partName ?? ''} (${needUnit})`, numeric: true, format: fmt },
        { label: `${baseName ?? ''}`, numeric: true },
        { label: `+ ${partName ?? ''} (${needUnit})`, numeric: true, format: fmt },
      ],
      rows: ranked.map((r) => {
        const b = d.breakdown.find((x) => x.parkId === r.id)!;
        return [b.parkName, b.value, b.numerator, b.denominator, b.need];
      }),
    };
    return { option, table, height: rankingHeight(rows.length) };
  }, [d, isRatio, needUnit, partName, baseName, t, locale]);

  const plainTable: TableData = {
    columns: [{ label: t('common:col.park') }, { label: `${indicatorName(d.indicator, locale)}`, numeric: true }],
    rows: d.breakdown.map((b) => [b.parkName, b.value]),
  };

  return (
    <>
      <p className={clsx(textCss.muted, css.includedLine)} data-included={`${agg.parksIncluded}/${agg.parksExpected}`}>
        {agg.year !== null ? t('included', { year: agg.year, included: agg.parksIncluded, expected: agg.parksExpected }) : t('common:words.parksIncluded', { included: agg.parksIncluded, expected: agg.parksExpected })}
        {agg.provisional && ` ${t('provisional')}`}
      </p>
      {chart ? (
        <ChartPanel title={t('breakdownTitle', { part: partName ?? '' })}
          subtitle={t('breakdownText', { year: agg.year ?? '', den: baseName ?? '', part: partName ?? '' })}
          option={chart.option} table={chart.table} height={chart.height} fileName={`${d.code}-breakdown`} testId="breakdown" />
      ) : d.breakdown.length > 0 && (
        <section className={panelCss.panel}>
          <h2 className={panelCss.title}>{t('parksTitle')}</h2>
          <DataTable table={plainTable} caption={t('parksTitle')} maxHeight={420} />
        </section>
      )}
      {agg.excluded.length > 0 && (
        <section className={panelCss.panel}>
          <h2 className={panelCss.title}>{t('excludedTitle')}</h2>
          <ul className={textCss.plainList}>
            {agg.excluded.map((x) => (
              <li key={`${x.parkId}-${x.year}`}>
                <Link to={`/parks/${x.parkId}`}>{x.parkName}</Link> · {t('common:words.year', { year: x.year })} · {t(`common:words.reason.${x.reason}`)}
                {x.reportedValue !== null && ` (${formatMeasured(x.reportedValue, d.unit, locale)})`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function ClassSection({ d, search }: { d: ProgressDetailT; search: string }) {
  const { t } = useTranslation(['targets', 'common']);
  const locale = useLocale();
  const parks = [...d.parks!].sort((a, b) => (b.latestValue ?? -Infinity) - (a.latestValue ?? -Infinity));
  const chart = useMemo(() => {
    const rows = parks.filter((p) => p.latestValue !== null).map((p) => ({
      id: p.parkId, name: p.parkName, value: p.latestValue!, status: p.status,
      note: `${statusBadge(p, locale)} · ${t('common:words.year', { year: p.latestYear ?? '' })}`,
    }));
    const fmt = (x: number) => formatMeasured(x, d.unit, locale) ?? '';
    const option = buildRankingOption({
      rows, direction: d.direction,
      target: d.targetValue !== null ? { value: d.targetValue, label: t('common:chart.targetLine', { value: fmt(d.targetValue) }) } : null,
    }, { valueName: indicatorName(d.indicator, locale), value: fmt, axis: (x) => formatAxis(x, d.unit, locale), description: t('classTitle') });
    const table: TableData = {
      columns: [{ label: t('common:col.park') }, { label: t('common:col.status') }, { label: t('common:chart.year') }, { label: `${indicatorName(d.indicator, locale)} (${d.unit})`, numeric: true, format: fmt }, { label: t('kpi.progress') }],
      rows: parks.map((p) => [p.parkName, statusBadge(p, locale), p.latestYear !== null ? String(p.latestYear) : null, p.latestValue, progressShare(p, locale)]),
    };
    return { option, table, height: rankingHeight(rows.length) };
  }, [d, parks, t, locale]);
  return (
    <ChartPanel title={t('classTitle')} option={chart.option} table={chart.table} height={chart.height} fileName={`${d.code}-parks`} testId="class-parks">
      <ul className={css.parkStatusList}>
        {parks.map((p) => (
          <li key={p.parkId}><StatusBadge status={p.status} held={p.held} compact /> <Link to={{ pathname: `/parks/${p.parkId}`, search }}>{p.parkName}</Link></li>
        ))}
      </ul>
    </ChartPanel>
  );
}

function CoverageSection({ d, search }: { d: ProgressDetailT; search: string }) {
  const { t } = useTranslation(['targets', 'common']);
  const locale = useLocale();
  const c = d.coverage!;
  if (c.regionsTotal === 0) {
    return <section className={panelCss.panel}><h2 className={panelCss.title}>{t('common:coverage.title')}</h2><p className={textCss.muted}>{t('common:words.noRegionSet')}</p></section>;
  }
  const params = new URLSearchParams(search);
  params.set('show', `coverage:${d.id}`);
  return (
    <section className={panelCss.panel} aria-labelledby="coverage-title">
      <header className={panelCss.header}>
        <h2 id="coverage-title" className={panelCss.title}>{t('common:coverage.title')} · {t('common:coverage.count', { covered: c.coveredCount, total: c.regionsTotal })} · {t('common:coverage.asOf', { year: c.asOfYear })}</h2>
        <Link className={clsx(buttonCss.button, buttonCss.ghost, 'no-print')} to={{ pathname: '/map', search: `?${params}` }}>{t('viewMap')}</Link>
      </header>
      <div className={css.coverageGrid}>
        <div>
          <h3 className={clsx(css.coverageHeading, css.coverageHeadingBad)}>{t('common:coverage.uncovered')} ({c.uncovered.length})</h3>
          <p data-uncovered>{c.uncovered.length ? joinNames(c.uncovered.map((r) => r.name), locale) : t('common:words.allCovered')}</p>
        </div>
        <div>
          <h3 className={css.coverageHeading}>{t('common:coverage.covered')} ({c.covered.length})</h3>
          <ul className={textCss.plainList}>
            {c.covered.map((r) => (
              <li key={r.code}>{r.name}: {r.parks.map((p, i) => (
                <span key={p.id}>{i > 0 && '、'}<Link to={{ pathname: `/parks/${p.id}`, search }}>{p.name}</Link>{p.approvalYear ? ` (${p.approvalYear})` : ''}</span>
              ))}</li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
