// All parks of a province: a sortable, filterable table with their latest figures and their status
// against each target that applies, and a ranking of the parks on any indicator with the target line.
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { MetaT, ParkFiguresT, ParkStatusMatrixT } from '../../../shared/schemas.ts';
import { ChartPanel } from '../../charts/ChartPanel.tsx';
import { buildRankingOption, rankingHeight, rankRows } from '../../../shared/charts/rankingChart.ts';
import { describeTarget, formatAxis, formatMeasured } from '../../../shared/format.ts';
import { sharedSearch, useFilters, type Filters } from '../../lib/filters.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, statusWord, useLocale } from '../../lib/i18n.ts';
import { useMeta, useParkFigures, useParkStatus } from '../../lib/queries.ts';
import type { TableData } from '../../lib/table.ts';
import { ExportButtons } from '../../lib/ui/ExportButtons.tsx';
import { FilterBar, Select } from '../../lib/ui/FilterBar.tsx';
import { EmptyState, QueryState } from '../../lib/ui/States.tsx';
import { StatusBadge } from '../../lib/ui/StatusBadge.tsx';
import { statusCell } from '../../../shared/state-notes.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { defaultColumns, filterRows, parkRows, parseSort, sortRows, type SortKey } from './model.ts';
import { clsx } from 'clsx';
import * as css from './parks.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as formCss from '../../lib/ui/form.module.css';
import * as legendCss from '../../lib/ui/legend.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import * as panelCss from '../../lib/ui/panel.module.css';
import * as tableCss from '../../lib/ui/table.module.css';
import * as tabsCss from '../../lib/ui/tabs.module.css';
import * as textCss from '../../lib/ui/text.module.css';
import './words.ts';

export default function ParksPage() {
  const { t } = useTranslation(['parks', 'common']);
  const meta = useMeta();
  useDocumentTitle(t('title'));
  return <QueryState query={meta}>{(m) => <Parks meta={m} />}</QueryState>;
}

function Parks({ meta }: { meta: MetaT }) {
  const { t } = useTranslation(['parks', 'common']);
  const { filters, params, set } = useFilters(meta);
  const figures = useParkFigures(filters);
  const matrix = useParkStatus(filters);
  const tab = params.get('tab') === 'ranking' ? 'ranking' : 'table';

  return (
    <div className={pageCss.page}>
      <div className={pageCss.head}>
        <h2 className={pageCss.title}>{t('title')}</h2>
        <div className={clsx(tabsCss.tabs, 'no-print')} role="tablist" aria-label={t('title')}>
          {(['table', 'ranking'] as const).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? clsx(tabsCss.tab, tabsCss.isActive) : tabsCss.tab} onClick={() => set({ tab: k === 'table' ? null : k })}>
              {t(`tab.${k}`)}
            </button>
          ))}
        </div>
      </div>
      <FilterBar meta={meta} fields={['province', 'plan', 'horizon', 'year', 'city', 'level', 'basis']} />
      <QueryState query={figures} renderEmpty={(f) => (f.parks.length === 0 ? <EmptyState title={t('emptyTitle')}><p>{t('emptyText')}</p></EmptyState> : null)}>
        {(f) => (tab === 'table'
          ? <ParksTable figures={f} matrix={matrix.data} params={params} set={set} />
          : <Ranking figures={f} matrix={matrix.data} filters={filters} params={params} set={set} />)}
      </QueryState>
    </div>
  );
}

type SetParams = (patch: Record<string, string | number | undefined | null>) => void;

function ParksTable({ figures, matrix, params, set }: { figures: ParkFiguresT; matrix: ParkStatusMatrixT | undefined; params: URLSearchParams; set: SetParams }) {
  const { t } = useTranslation(['parks', 'common']);
  const locale = useLocale();
  const search = sharedSearch(params);
  const chosen = params.get('cols');
  const columns = (chosen !== null ? chosen.split(',').filter(Boolean) : defaultColumns(figures, matrix))
    .map((c) => figures.indicators.find((i) => i.code === c)).filter((i) => i !== undefined);
  const sort = parseSort(params.get('sort'));
  const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const query = params.get('q') ?? '';
  const targets = matrix?.targets ?? [];
  const rows = sortRows(filterRows(parkRows(figures, matrix), query), sort, dir);

  const toggleColumn = (code: string) => {
    const current = columns.map((c) => c.code);
    const next = current.includes(code) ? current.filter((c) => c !== code) : [...current, code];
    set({ cols: next.join(',') || ',' });
  };
  const sortBy = (key: SortKey) => set({ sort: key, dir: sort === key && dir === 'asc' ? 'desc' : 'asc' });
  const ariaSort = (key: SortKey) => (sort === key ? (dir === 'asc' ? 'ascending' : 'descending') : 'none') as 'ascending' | 'descending' | 'none';
  const level = (l: ParkFiguresT['parks'][number]['level']) => t(`common:level.${l}`);

  const table: TableData = {
    columns: [
      { label: t('common:col.park') }, { label: t('col.level') }, { label: t('common:col.city') },
      ...columns.flatMap((c) => [{ label: `${indicatorName(c, locale)} (${c.unit})`, numeric: true }, { label: `${indicatorName(c, locale)} · ${t('common:chart.year')}` }]),
      ...targets.map((tg) => ({ label: `${tg.code} ${indicatorName(tg.indicator, locale)}` })),
    ],
    rows: rows.map((r) => [
      r.name, level(r.level), r.cityName,
      ...columns.flatMap((c) => [r.figures[c.code]?.value ?? null, r.figures[c.code] ? String(r.figures[c.code]!.year) : null]),
      ...targets.map((tg) => (r.statuses[tg.id] ? statusCell(r.statuses[tg.id]!, locale) : null)),
    ]),
  };

  const sortHeader = (k: SortKey, children: ReactNode, numeric = false, title?: string) => (
    <th key={k} scope="col" aria-sort={ariaSort(k)} className={numeric ? tableCss.num : undefined} title={title}>
      <button type="button" className={css.sortButton} onClick={() => sortBy(k)} data-sort={k}>
        {children}<span className={css.sortButtonIcon} aria-hidden="true">{sort === k ? (dir === 'asc' ? '▲' : '▼') : '↕'}</span>
      </button>
    </th>
  );

  return (
    <section className={panelCss.panel} aria-labelledby="parks-table-title">
      <header className={panelCss.header}>
        <div className={panelCss.titles}>
          <h2 id="parks-table-title" className={panelCss.title}>{t('common:words.parkCount', { count: rows.length })}</h2>
          {figures.year !== null && <p className={panelCss.subtitle}>{t('common:filter.year')}: ≤ {figures.year}</p>}
        </div>
        <div className={panelCss.tools}>
          <div className={clsx(formCss.field, formCss.inline, 'no-print')}>
            <label htmlFor="park-search" className={textCss.visuallyHidden}>{t('common:filter.search')}</label>
            <input id="park-search" type="search" className={formCss.control} placeholder={t('common:filter.searchPlaceholder')} value={query} onChange={(e) => set({ q: e.target.value })} />
          </div>
          <details className={clsx(css.columnsMenu, 'no-print')}>
            <summary className={clsx(buttonCss.button, buttonCss.ghost)}>{t('columns')} ({columns.length})</summary>
            <fieldset className={css.columnsMenuList}>
              <legend className={textCss.visuallyHidden}>{t('columns')}</legend>
              {figures.indicators.map((i) => (
                <label key={i.code} className={formCss.check}>
                  <input type="checkbox" checked={columns.some((c) => c.code === i.code)} onChange={() => toggleColumn(i.code)} />
                  {indicatorName(i, locale)}
                </label>
              ))}
            </fieldset>
          </details>
          <ExportButtons table={table} fileName={t('title')} />
        </div>
      </header>
      {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard */}
      <section className={clsx(tableCss.scroll, tableCss.scrollSticky)} tabIndex={0} aria-labelledby="parks-table-title">
        <table className={clsx(tableCss.table, css.parksTable)} data-parks-table>
          <thead>
            <tr>
              {sortHeader('name', t('common:col.park'))}
              {sortHeader('level', t('col.level'))}
              {sortHeader('city', t('common:col.city'))}
              {columns.map((c) => sortHeader(`ind:${c.code}`, indicatorName(c, locale), true, c.unit))}
              {targets.map((tg) => sortHeader(`tgt:${tg.id}`, tg.code, false, `${indicatorName(tg.indicator, locale)} ${describeTarget({ ...tg, scope: { kind: tg.scopeKind } }, locale).short}`))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-park-id={r.id}>
                <th scope="row"><Link to={{ pathname: `/parks/${r.id}`, search }} data-park-link>{r.name}</Link></th>
                <td>{level(r.level)}</td>
                <td>{r.cityName ?? '—'}</td>
                {columns.map((c) => {
                  const f = r.figures[c.code];
                  return (
                    <td key={c.code} className={tableCss.num} data-figure={c.code} title={f ? t('common:words.year', { year: f.year }) : undefined}>
                      {f ? formatMeasured(f.value, c.unit, locale) : '—'}
                      {f && figures.year === null && f.year !== Math.max(...Object.values(r.figures).map((x) => x.year)) && <sup className={css.staleYear}>{f.year}</sup>}
                    </td>
                  );
                })}
                {targets.map((tg) => {
                  const cell = r.statuses[tg.id];
                  return <td key={tg.id} data-cell-status={cell?.status ?? 'na'}>{cell ? <StatusBadge status={cell.status} held={cell.held} compact /> : <span className={textCss.muted} title={t('notApplicable')}>·</span>}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

function Ranking({ figures, matrix, filters, params, set }: { figures: ParkFiguresT; matrix: ParkStatusMatrixT | undefined; filters: Filters; params: URLSearchParams; set: SetParams }) {
  const { t } = useTranslation(['parks', 'common']);
  const locale = useLocale();
  const codes = figures.indicators.map((i) => i.code);
  const fallback = matrix?.targets.find((tg) => codes.includes(tg.indicator.code))?.indicator.code ?? codes[0];
  const code = params.get('indicator') && codes.includes(params.get('indicator')!) ? params.get('indicator')! : fallback;
  const indicator = figures.indicators.find((i) => i.code === code);
  const target = matrix?.targets.find((tg) => tg.indicator.code === code && tg.targetValue !== null);
  const built = useMemo(() => {
    if (!indicator) return null;
    const fmt = (x: number) => formatMeasured(x, indicator.unit, locale) ?? '';
    const rows = figures.parks.flatMap((p) => {
      const f = p.figures[indicator.code];
      if (!f) return [];
      const cell = target ? matrix?.cells.find((c) => c.parkId === p.id && c.targetId === target.id) : undefined;
      return [{ id: p.id, name: p.name, value: f.value, status: cell?.status ?? null, note: `${t('common:words.year', { year: f.year })}${cell ? ` · ${statusWord(cell.status, locale)}` : ''}` }];
    });
    const direction = indicator.kind === 'rank' || indicator.code === 'low_efficiency_firms' ? 'down' as const : 'up' as const;
    const name = indicatorName(indicator, locale);
    const option = buildRankingOption({
      rows, direction,
      target: target ? { value: target.targetValue!, label: t('common:chart.targetLine', { value: fmt(target.targetValue!) }) } : null,
    }, { valueName: name, value: fmt, axis: (x) => formatAxis(x, indicator.unit, locale), description: t('ranking.title', { indicator: name }) });
    const ranked = rankRows(rows, direction);
    const table: TableData = {
      columns: [{ label: '#' }, { label: t('common:col.park') }, { label: `${name} (${indicator.unit})`, numeric: true, format: fmt }, { label: t('common:chart.year') }, { label: t('common:col.status') }],
      rows: ranked.map((r, i) => {
        const p = figures.parks.find((x) => x.id === r.id)!;
        return [String(i + 1), r.name, r.value, String(p.figures[indicator.code]!.year), r.status ? statusWord(r.status, locale) : null];
      }),
    };
    return { option, table, height: rankingHeight(rows.length), name, ranked };
  }, [indicator, figures, matrix, target, t, locale]);

  if (!indicator || !built) return <EmptyState title={t('common:state.empty')} />;
  return (
    <>
      <div className={clsx(formCss.filters, formCss.filtersSub, 'no-print')}>
        <Select id="rank-indicator" label={t('common:filter.indicator')} value={indicator.code} wide onChange={(v) => set({ indicator: v })}
          options={figures.indicators.map((i) => ({ value: i.code, label: indicatorName(i, locale) }))} />
      </div>
      <ChartPanel
        title={t('ranking.title', { indicator: built.name })}
        subtitle={[indicator.unit, target ? `${target.code} ${describeTarget({ ...target, scope: { kind: target.scopeKind } }, locale).short}` : null, filters.year ? `≤ ${filters.year}` : null].filter(Boolean).join(' · ')}
        option={built.option} table={built.table} height={built.height} fileName={`${t('title')}-${built.name}`}
        testId="ranking"
      >
        {target && (
          <ul className={legendCss.legend} aria-label={t('common:col.status')}>
            {[...new Set(built.ranked.map((r) => r.status).filter((x) => x !== null && x !== undefined))].map((status) => (
              <li key={status} className={legendCss.item}><StatusBadge status={status} /></li>
            ))}
            {built.ranked.some((r) => !r.status) && <li className={legendCss.item}><span className={legendCss.swatch} style={{ background: '#9aa7b5' }} />{t('notApplicable')}</li>}
          </ul>
        )}
      </ChartPanel>
    </>
  );
}

