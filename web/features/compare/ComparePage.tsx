// Provinces (all their parks aggregated) and parks side by side on one indicator.
import { useMemo, useState } from 'react';
import type { MetaT } from '../../../shared/schemas.ts';
import { ChartPanel } from '../../charts/ChartPanel.tsx';
import { buildCompareOption } from '../../charts/compareChart.ts';
import { formatAxis, formatMeasured } from '../../../shared/format.ts';
import { useFilters } from '../../lib/filters.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, useLocale } from '../../lib/i18n.ts';
import { useComparison, useIndicators, useMeta, useParks } from '../../lib/queries.ts';
import type { TableData } from '../../lib/table.ts';
import { Select } from '../../lib/ui/FilterBar.tsx';
import { EmptyState, QueryState } from '../../lib/ui/States.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { clsx } from 'clsx';
import * as css from './compare.module.css';
import * as formCss from '../../lib/ui/form.module.css';
import * as noticeCss from '../../lib/ui/notice.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import './words.ts';

export default function ComparePage() {
  const { t } = useTranslation(['compare', 'common']);
  const meta = useMeta();
  useDocumentTitle(t('title'));
  return <QueryState query={meta}>{(m) => <Compare meta={m} />}</QueryState>;
}

function Compare({ meta }: { meta: MetaT }) {
  const { t } = useTranslation(['compare', 'common']);
  const locale = useLocale();
  const { filters, params, set } = useFilters(meta);
  const indicators = useIndicators();
  const usable = (indicators.data ?? []).filter((i) => i.kind !== 'coverage');
  const code = params.get('indicator') ?? 'rd_intensity';
  const indicator = usable.find((i) => i.code === code);
  const provinces = (params.get('cmp') ?? meta.provinces.map((p) => p.code).join(',')).split(',').filter((c) => meta.provinces.some((p) => p.code === c));
  const parkIds = (params.get('parks') ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const parks = useParks(filters.province);
  const comparison = useComparison(indicator?.code, indicator?.aggregation === 'none' ? [] : provinces, parkIds);
  const [pick, setPick] = useState('');

  const toggleProvince = (c: string) => set({ cmp: (provinces.includes(c) ? provinces.filter((x) => x !== c) : [...provinces, c]).join(',') || ',' });
  const addPark = (id: string) => {
    if (id && !parkIds.includes(Number(id))) set({ parks: [...parkIds, Number(id)].join(',') });
    setPick('');
  };
  const removePark = (id: number) => set({ parks: parkIds.filter((x) => x !== id).join(',') || null });

  return (
    <div className={pageCss.page}>
      <div className={pageCss.head}><h2 className={pageCss.title}>{t('title')}</h2></div>
      <p className={pageCss.intro}>{t('text')}</p>
      <form className={clsx(formCss.filters, 'no-print')} onSubmit={(e) => e.preventDefault()} aria-label={t('common:filter.label')}>
        <Select id="cmp-indicator" label={t('common:filter.indicator')} value={code} wide onChange={(v) => set({ indicator: v })}
          options={usable.map((i) => ({ value: i.code, label: indicatorName(i, locale) }))} />
        <fieldset className={clsx(formCss.field, formCss.checks)}>
          <legend className={formCss.label}>{t('provinces')}</legend>
          {meta.provinces.map((p) => (
            <label key={p.code} className={formCss.check}><input type="checkbox" checked={provinces.includes(p.code)} onChange={() => toggleProvince(p.code)} disabled={indicator?.aggregation === 'none'} />{p.name}</label>
          ))}
        </fieldset>
        <Select id="cmp-province" label={t('parksFrom')} value={filters.province} onChange={(v) => set({ province: v })}
          options={meta.provinces.map((p) => ({ value: p.code, label: p.name }))} />
        <Select id="cmp-park" label={t('addPark')} value={pick} wide onChange={addPark}
          options={[{ value: '', label: '—' }, ...(parks.data ?? []).filter((p) => !parkIds.includes(p.id)).map((p) => ({ value: String(p.id), label: p.name }))]} />
      </form>
      {parkIds.length > 0 && (
        <ul className={css.chips} aria-label={t('parks')}>
          {parkIds.map((id) => {
            const name = comparison.data?.series.find((s) => s.key === `park:${id}`)?.label ?? (parks.data ?? []).find((p) => p.id === id)?.name ?? `#${id}`;
            return (
              <li key={id} className={css.chip}>
                {name}
                <button type="button" className={css.chipRemove} onClick={() => removePark(id)} aria-label={t('remove', { name })}>×</button>
              </li>
            );
          })}
        </ul>
      )}
      {indicator?.aggregation === 'none' && <p className={clsx(noticeCss.notice, noticeCss.warn)}>{t('notAggregable')}</p>}
      {!indicator ? null : (provinces.length === 0 || indicator.aggregation === 'none') && parkIds.length === 0
        ? <EmptyState title={t('choose')} />
        : (
          <QueryState query={comparison}>
            {(c) => <CompareChart data={c} />}
          </QueryState>
        )}
    </div>
  );
}

function CompareChart({ data }: { data: NonNullable<ReturnType<typeof useComparison>['data']> }) {
  const { t } = useTranslation(['compare', 'common']);
  const locale = useLocale();
  const unit = data.indicator.unit;
  const name = indicatorName(data.indicator, locale);
  const built = useMemo(() => {
    const fmt = (x: number) => formatMeasured(x, unit, locale) ?? '';
    const lines = data.series.map((s) => ({ label: s.kind === 'province' ? t('provinceZones', { province: s.label }) : s.label, points: s.points }));
    const option = buildCompareOption(lines, { year: (y) => t('common:words.year', { year: y }), value: fmt, axis: (x) => formatAxis(x, unit, locale), description: `${name}: ${lines.map((l) => l.label).join(', ')}`, noData: (label) => t('noData', { name: label }) });
    const years = [...new Set(data.series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
    const table: TableData = {
      columns: [{ label: t('common:chart.year') }, ...lines.map((l) => ({ label: `${l.label} (${unit})`, numeric: true, format: fmt }))],
      rows: years.map((y) => [String(y), ...data.series.map((s) => s.points.find((p) => p.year === y)?.value ?? null)]),
    };
    return { option, table };
  }, [data, unit, name, t, locale]);
  if (data.series.every((s) => s.points.length === 0)) return <EmptyState title={t('common:state.empty')} />;
  return <ChartPanel title={name} subtitle={unit} option={built.option} table={built.table} height={400} fileName={`${t('title')}-${name}`} testId="compare" />;
}
