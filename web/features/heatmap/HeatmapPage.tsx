// The whole province at once: every park against every target that applies to it, coloured by status.
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { MetaT, ParkStatusMatrixT } from '../../../shared/schemas.ts';
import { ChartPanel } from '../../charts/ChartPanel.tsx';
import { buildHeatmapOption, heatmapHeight } from '../../charts/heatmapChart.ts';
import { countByStatus } from '../../lib/status.ts';
import { describeTarget, formatMeasured } from '../../../shared/format.ts';
import { sharedSearch, useFilters } from '../../lib/filters.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, statusWord, useLocale } from '../../lib/i18n.ts';
import { useMeta, useParkStatus } from '../../lib/queries.ts';
import type { TableData } from '../../lib/table.ts';
import { FilterBar } from '../../lib/ui/FilterBar.tsx';
import { EmptyState, QueryState } from '../../lib/ui/States.tsx';
import { StatusBadge } from '../../lib/ui/StatusBadge.tsx';
import { statusCell } from '../../../shared/state-notes.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import * as legendCss from '../../lib/ui/legend.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import * as summaryCss from '../../lib/ui/summary.module.css';
import './words.ts';

export default function HeatmapPage() {
  const { t } = useTranslation(['heatmap', 'common']);
  const meta = useMeta();
  useDocumentTitle(t('title'));
  return <QueryState query={meta}>{(m) => <Heatmap meta={m} />}</QueryState>;
}

function Heatmap({ meta }: { meta: MetaT }) {
  const { t } = useTranslation(['heatmap', 'common']);
  const { filters } = useFilters(meta);
  const matrix = useParkStatus(filters);
  return (
    <div className={pageCss.page}>
      <div className={pageCss.head}><h2 className={pageCss.title}>{t('title')}</h2></div>
      <p className={pageCss.intro}>{t('text')}</p>
      <FilterBar meta={meta} fields={['province', 'plan', 'horizon', 'year', 'city', 'level', 'basis']} />
      <QueryState query={matrix} renderEmpty={(m) => (m.targets.length === 0 || m.parks.length === 0 ? <EmptyState title={t('empty')} /> : null)}>
        {(m) => <HeatmapPanel matrix={m} />}
      </QueryState>
    </div>
  );
}

function HeatmapPanel({ matrix }: { matrix: ParkStatusMatrixT }) {
  const { t } = useTranslation(['heatmap', 'common']);
  const locale = useLocale();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Parks with at least one applicable target, by city (GB/T 2260 order), then name.
  const parks = matrix.parks.filter((p) => matrix.cells.some((c) => c.parkId === p.id))
    .sort((a, b) => (a.cityCode ?? '').localeCompare(b.cityCode ?? '') || a.name.localeCompare(b.name, 'zh'));
  const compact = window.innerWidth < 600;
  const built = useMemo(() => {
    const label = (tg: ParkStatusMatrixT['targets'][number]) => `${tg.code} ${indicatorName(tg.indicator, locale)}`;
    const option = buildHeatmapOption({
      parks,
      targets: matrix.targets.map((tg) => ({
        id: tg.id,
        label: compact ? tg.code : `${tg.code} · ${tg.targetYear}\n${indicatorName(tg.indicator, locale)}\n${describeTarget({ ...tg, scope: { kind: tg.scopeKind } }, locale).goal}`,
      })),
      cells: matrix.cells.map((c) => {
        const tg = matrix.targets.find((x) => x.id === c.targetId)!;
        const said = statusCell(c, locale);
        const value = c.latestValue !== null ? `${label(tg)}: ${formatMeasured(c.latestValue, tg.unit, locale)} (${c.latestYear})` : label(tg);
        // The tooltip's first words are the status; a held or data-lacking cell says more after the value.
        return { ...c, value: said === statusWord(c.status, locale) ? value : `${value} · ${said}` };
      }),
    }, { status: (s) => statusWord(s, locale), description: t('title'), compact });
    const table: TableData = {
      columns: [{ label: t('common:col.park') }, { label: t('common:col.city') }, ...matrix.targets.map((tg) => ({ label: label(tg) }))],
      rows: parks.map((p) => [p.name, p.cityName, ...matrix.targets.map((tg) => {
        const c = matrix.cells.find((x) => x.parkId === p.id && x.targetId === tg.id);
        return c ? statusCell(c, locale) : null;
      })]),
    };
    return { option, table };
  }, [matrix, parks, t, locale, compact]);

  return (
    <ChartPanel title={t('title')} subtitle={t('common:words.parkCount', { count: parks.length })} option={built.option} table={built.table}
      height={heatmapHeight(parks.length)} fileName={t('title')} testId="heatmap"
      onItemClick={(p) => {
        if (p.seriesType !== 'heatmap') return;
        const cell = (built.option.series as { data: number[][] }[])[0]!.data[p.dataIndex];
        const park = cell ? parks[cell[1]!] : undefined;
        if (park) void navigate({ pathname: `/parks/${park.id}`, search: sharedSearch(params) });
      }}
    >
      <ul className={legendCss.legend} aria-label={t('common:col.status')}>
        {countByStatus(matrix.cells).map(({ status, count }) => (
          <li key={status} className={legendCss.item}><StatusBadge status={status} /> <span className={summaryCss.count}>{count}</span></li>
        ))}
      </ul>
    </ChartPanel>
  );
}
