// The filters of a view, kept in the URL. Each view shows the ones that change what it draws.
import type { ReactNode } from 'react';
import type { MetaT } from '../../../shared/schemas.ts';
import { PARK_LEVELS, useFilters } from '../filters.ts';
import { useTranslation } from 'react-i18next';
import { useCities } from '../queries.ts';
import { clsx } from 'clsx';
import * as formCss from './form.module.css';

export type FilterField = 'province' | 'plan' | 'horizon' | 'year' | 'city' | 'level' | 'basis';

export function FilterBar({ meta, fields, children }: { meta: MetaT; fields: readonly FilterField[]; children?: ReactNode }) {
  const { t } = useTranslation();
  const { filters, set } = useFilters(meta);
  const cities = useCities(filters.province);
  const has = (f: FilterField) => fields.includes(f);
  const plans = meta.plans.filter((p) => p.regionCode === filters.province);
  const plan = plans.find((p) => p.code === filters.plan || String(p.id) === filters.plan);
  const horizons = [...new Set((plan ? [plan] : plans).flatMap((p) => p.targetYears))].sort((a, b) => a - b);
  const years = meta.years ? Array.from({ length: meta.years.last - meta.years.first + 1 }, (_, k) => meta.years!.last - k) : [];

  return (
    <form className={clsx(formCss.filters, 'no-print')} aria-label={t('filter.label')} onSubmit={(e) => e.preventDefault()}>
      {has('province') && (
        <Select id="f-province" label={t('filter.province')} value={filters.province} onChange={(v) => set({ province: v })}
          options={meta.provinces.map((p) => ({ value: p.code, label: p.name }))} />
      )}
      {has('plan') && (
        <Select id="f-plan" label={t('filter.plan')} value={plan?.code ?? ''} onChange={(v) => set({ plan: v })} wide
          options={[{ value: '', label: t('filter.allPlans') }, ...plans.map((p) => ({ value: p.code, label: p.title }))]} />
      )}
      {has('horizon') && (
        <Select id="f-horizon" label={t('filter.horizon')} value={filters.horizon ? String(filters.horizon) : ''} onChange={(v) => set({ horizon: v })}
          options={[{ value: '', label: t('filter.allHorizons') }, ...horizons.map((y) => ({ value: String(y), label: t('words.year', { year: y }) }))]} />
      )}
      {has('year') && (
        <Select id="f-year" label={t('filter.year')} value={filters.year ? String(filters.year) : ''} onChange={(v) => set({ year: v })}
          options={[{ value: '', label: t('filter.latest') }, ...years.map((y) => ({ value: String(y), label: t('words.year', { year: y }) }))]} />
      )}
      {has('city') && (
        <Select id="f-city" label={t('filter.city')} value={filters.city ?? ''} onChange={(v) => set({ city: v })}
          options={[{ value: '', label: t('filter.allCities') }, ...(cities.data ?? []).map((c) => ({ value: c.code, label: c.name }))]} />
      )}
      {has('level') && (
        <Select id="f-level" label={t('filter.level')} value={filters.level ?? ''} onChange={(v) => set({ level: v })}
          options={[{ value: '', label: t('filter.allLevels') }, ...PARK_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))]} />
      )}
      {has('basis') && (
        <Select id="f-basis" label={t('filter.basis')} value={filters.basis} onChange={(v) => set({ basis: v === 'submitted' ? v : null })}
          options={[{ value: 'approved', label: t('filter.basis.approved') }, { value: 'submitted', label: t('filter.basis.submitted') }]} />
      )}
      {children}
    </form>
  );
}

export function Select({ id, label, value, options, onChange, wide = false }: {
  id: string; label: string; value: string; options: { value: string; label: string }[]; onChange: (value: string) => void; wide?: boolean;
}) {
  return (
    <div className={wide ? clsx(formCss.field, formCss.wide) : formCss.field}>
      <label htmlFor={id} className={formCss.label}>{label}</label>
      <select id={id} className={formCss.control} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}
