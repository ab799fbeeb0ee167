// The province's cities on an offline map: shaded by an indicator aggregated over each city's parks,
// or coloured covered / uncovered for a coverage target, with the parks as points and the list of
// uncovered cities beside it. Provinces without a bundled outline get the same figures as bars.
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { MetaT, OverviewEntryT, ParkT } from '../../../shared/schemas.ts';
import { ChartPanel } from '../../charts/ChartPanel.tsx';
import { echarts } from '../../charts/echarts.ts';
import { buildMapOption, LEVEL_STYLE } from '../../charts/mapChart.ts';
import { buildRankingOption, rankingHeight } from '../../../shared/charts/rankingChart.ts';
import zhejiang from '../../charts/maps/zhejiang.json';
import { formatAxis, formatMeasured, joinNames } from '../../../shared/format.ts';
import { sharedSearch, useFilters } from '../../lib/filters.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, useLocale } from '../../lib/i18n.ts';
import { useCityFigures, useIndicators, useMeta, useOverview, useParks } from '../../lib/queries.ts';
import type { TableData } from '../../lib/table.ts';
import { FilterBar, Select } from '../../lib/ui/FilterBar.tsx';
import { EmptyState, Loading, QueryState } from '../../lib/ui/States.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { clsx } from 'clsx';
import * as css from './map.module.css';
import * as legendCss from '../../lib/ui/legend.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import * as panelCss from '../../lib/ui/panel.module.css';
import * as textCss from '../../lib/ui/text.module.css';
import './words.ts';

interface GeoFeature { id: string; properties: { name: string; cp?: [number, number] } }

/** Offline outlines bundled with the app (web/charts/maps/README.md). */
const MAPS: Record<string, { name: string; geo: { features: GeoFeature[] } }> = {
  '330000': { name: 'zhejiang', geo: zhejiang as unknown as { features: GeoFeature[] } },
};
for (const m of Object.values(MAPS)) echarts.registerMap(m.name, m.geo as never);

/** The map's height: the province is about as tall as wide, so a phone needs less. */
const mapHeight = () => (typeof window !== 'undefined' && window.innerWidth < 600 ? Math.round(window.innerWidth * 1.05) : 520);

const centresOf = (geo: { features: GeoFeature[] }) =>
  Object.fromEntries(geo.features.filter((f) => f.properties.cp).map((f) => [f.id, f.properties.cp!] as const));

export default function MapPage() {
  const { t } = useTranslation(['map', 'common']);
  const meta = useMeta();
  useDocumentTitle(t('title'));
  return <QueryState query={meta}>{(m) => <MapView meta={m} />}</QueryState>;
}

function MapView({ meta }: { meta: MetaT }) {
  const { t } = useTranslation(['map', 'common']);
  const locale = useLocale();
  const { filters, params, set } = useFilters(meta);
  const indicators = useIndicators();
  const overview = useOverview({ province: filters.province, plan: undefined, horizon: undefined, basis: filters.basis });
  const coverageTargets = (overview.data ?? []).filter((e) => e.scope.kind === 'coverage' && e.coverage && e.coverage.regionsTotal > 0);
  const mapped = (indicators.data ?? []).filter((i) => ['sum', 'ratio_of_sums', 'share_of_province'].includes(i.aggregation));
  const show = params.get('show')
    ?? (coverageTargets.length ? `coverage:${coverageTargets.at(-1)!.id}` : 'ind:rd_intensity');
  const coverage = show.startsWith('coverage:') ? coverageTargets.find((e) => `coverage:${e.id}` === show) : undefined;
  const indicatorCode = show.startsWith('ind:') ? show.slice(4) : undefined;
  const cities = useCityFigures(filters, coverage ? undefined : indicatorCode);
  const parks = useParks(filters.province);
  const map = MAPS[filters.province];

  const options = [
    ...coverageTargets.map((e) => ({ value: `coverage:${e.id}`, label: t('coverageOption', { name: `${e.code} ${indicatorName(e.indicator, locale)} (${e.targetYear})` }) })),
    ...mapped.map((i) => ({ value: `ind:${i.code}`, label: indicatorName(i, locale) })),
  ];

  return (
    <div className={pageCss.page}>
      <div className={pageCss.head}><h2 className={pageCss.title}>{t('title')}</h2></div>
      <FilterBar meta={meta} fields={coverage ? ['province', 'level'] : ['province', 'year', 'level', 'basis']}>
        <Select id="map-show" label={t('mode')} value={show} wide onChange={(v) => set({ show: v })} options={options.length ? options : [{ value: show, label: '…' }]} />
      </FilterBar>
      {overview.isPending || indicators.isPending ? <Loading /> : coverage
        ? <CoverageMap entry={coverage} parks={parks.data ?? []} map={map} level={filters.level} search={sharedSearch(params)} />
        : (
          <QueryState query={cities}>
            {(c) => <ValueMap data={c} map={map} />}
          </QueryState>
        )}
    </div>
  );
}

function CoverageMap({ entry, parks, map, level, search }: { entry: OverviewEntryT; parks: ParkT[]; map: (typeof MAPS)[string] | undefined; level: string | undefined; search: string }) {
  const { t } = useTranslation(['map', 'common']);
  const locale = useLocale();
  const c = entry.coverage!;
  const built = useMemo(() => {
    const coveredCodes = new Set(c.covered.map((r) => r.code));
    const regions = [...c.covered, ...c.uncovered].sort((a, b) => a.code.localeCompare(b.code));
    const shownParks = parks.filter((p) => !level || p.level === level);
    const table: TableData = {
      columns: [{ label: t('col.city') }, { label: t('common:col.status') }, { label: t('parks') }],
      rows: regions.map((r) => [r.name, coveredCodes.has(r.code) ? t('common:coverage.covered') : t('common:coverage.uncovered'), (c.covered.find((x) => x.code === r.code)?.parks ?? []).map((p) => p.name).join('、') || null]),
    };
    const option = map ? buildMapOption({
      mapName: map.name, mode: 'coverage', centres: centresOf(map.geo),
      cities: regions.map((r) => ({ code: r.code, name: r.name, value: null, covered: coveredCodes.has(r.code) })),
      parks: shownParks.map((p) => ({ id: p.id, name: p.name, cityCode: p.cityCode, level: p.level, value: null })),
    }, {
      value: (x) => String(x), noValue: t('noValue'), covered: t('coveredLegend'), uncovered: t('uncoveredLegend'),
      level: (l) => t(`common:level.${l}`), parksName: t('parks'),
      description: `${t('common:coverage.count', { covered: c.coveredCount, total: c.regionsTotal })}; ${t('common:coverage.uncovered')}: ${joinNames(c.uncovered.map((r) => r.name), locale)}`,
    }) : buildRankingOption({ rows: regions.map((r, i) => ({ id: i, name: r.name, value: coveredCodes.has(r.code) ? 1 : 0 })), direction: 'up' }, {
      valueName: t('common:coverage.covered'), value: (x) => (x ? t('common:coverage.covered') : t('common:coverage.uncovered')), axis: (x) => String(x), description: t('common:coverage.title'),
    });
    return { option, table, count: regions.length };
  }, [parks, level, map, c, t, locale]);

  return (
    <div className={css.mapLayout}>
      <ChartPanel
        title={`${entry.code} ${indicatorName(entry.indicator, locale)}`}
        subtitle={`${t('common:coverage.count', { covered: c.coveredCount, total: c.regionsTotal })} · ${t('common:coverage.asOf', { year: c.asOfYear })}`}
        option={built.option} table={built.table} height={map ? mapHeight() : rankingHeight(built.count)} fileName={`${entry.code}-coverage`} testId="map"
      >
        {map ? (
          <div className={legendCss.legend}>
            <span className={legendCss.item}><span className={clsx(legendCss.swatch, css.legendSwatchCovered)} />{t('coveredLegend')}</span>
            <span className={legendCss.item}><span className={clsx(legendCss.swatch, css.legendSwatchUncovered)} />{t('uncoveredLegend')}</span>
            <LevelLegend />
            <span className={textCss.muted}>{t('parksNote')}</span>
          </div>
        ) : <p className={textCss.muted}>{t('noMap')}</p>}
      </ChartPanel>
      <aside className={clsx(panelCss.panel, css.sideList)} aria-labelledby="uncovered-title" data-uncovered-list>
        <h2 id="uncovered-title" className={panelCss.title}>{t('uncoveredTitle')} ({c.uncovered.length})</h2>
        {c.uncovered.length === 0 ? <p>{t('allCovered')}</p> : (
          <ul className={css.uncovered}>
            {c.uncovered.map((r) => <li key={r.code} data-uncovered-city={r.name}><span aria-hidden="true" className={css.uncoveredIcon}>✖</span>{r.name}</li>)}
          </ul>
        )}
        <p className={textCss.muted}><Link to={{ pathname: `/targets/${entry.id}`, search }}>{entry.code} →</Link></p>
      </aside>
    </div>
  );
}

function ValueMap({ data, map }: { data: NonNullable<ReturnType<typeof useCityFigures>['data']>; map: (typeof MAPS)[string] | undefined }) {
  const { t } = useTranslation(['map', 'common']);
  const locale = useLocale();
  const unit = data.indicator.unit;
  const name = indicatorName(data.indicator, locale);
  const fmt = (x: number) => formatMeasured(x, unit, locale) ?? '';
  const built = useMemo(() => {
    const sorted = [...data.cities].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
    const table: TableData = {
      columns: [{ label: t('col.city') }, { label: `${name} (${unit})`, numeric: true, format: (x) => formatMeasured(x, unit, locale) ?? '' }, { label: t('col.parks') }],
      rows: sorted.map((c) => [c.name, c.value, `${c.parksIncluded}/${c.parksTotal}`]),
    };
    const option = map ? buildMapOption({
      mapName: map.name, mode: 'value', centres: centresOf(map.geo),
      cities: data.cities.map((c) => ({ code: c.code, name: c.name, value: c.value })),
      parks: data.parks.map((p) => ({ id: p.id, name: p.name, cityCode: p.cityCode, level: p.level, value: p.value })),
    }, {
      value: (x) => formatMeasured(x, unit, locale) ?? '', noValue: t('noValue'), covered: '', uncovered: '',
      level: (l) => t(`common:level.${l}`), parksName: t('parks'), description: `${name} ${data.year ?? ''}`,
    }) : buildRankingOption({ rows: sorted.filter((c) => c.value !== null).map((c, i) => ({ id: i, name: c.name, value: c.value! })), direction: 'up' }, {
      valueName: name, value: (x) => formatMeasured(x, unit, locale) ?? '', axis: (x) => formatAxis(x, unit, locale), description: name,
    });
    return { option, table, sorted };
  }, [data, map, name, unit, t, locale]);

  if (data.aggregation === 'none') return <EmptyState title={t('common:state.empty')} />;
  return (
    <div className={css.mapLayout}>
      <ChartPanel title={name} subtitle={`${unit}${data.year ? ` · ${t('common:words.year', { year: data.year })}` : ''}`} option={built.option} table={built.table}
        height={map ? mapHeight() : rankingHeight(data.cities.length)} fileName={`${name}-${data.year ?? ''}`} testId="map">
        {map ? <div className={legendCss.legend}><LevelLegend /><span className={textCss.muted}>{t('parksNote')}</span></div> : <p className={textCss.muted}>{t('noMap')}</p>}
      </ChartPanel>
      <aside className={clsx(panelCss.panel, css.sideList)} aria-labelledby="city-title">
        <h2 id="city-title" className={panelCss.title}>{t('cityTable')}</h2>
        <ol className={css.cityList}>
          {built.sorted.map((c) => (
            <li key={c.code} data-city={c.name}>
              <span>{c.name}</span>
              <span className={css.cityListValue} data-testid="city-value">{c.value === null ? '—' : fmt(c.value)}</span>
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}

function LevelLegend() {
  const { t } = useTranslation(['map', 'common']);
  return (
    <>
      {(['national', 'provincial', 'other'] as const).map((l) => (
        <span key={l} className={legendCss.item}>
          <span className={css.legendDot} style={{ background: LEVEL_STYLE[l].color, width: LEVEL_STYLE[l].size, height: LEVEL_STYLE[l].size }} />
          {t(`common:level.${l}`)}
        </span>
      ))}
    </>
  );
}
