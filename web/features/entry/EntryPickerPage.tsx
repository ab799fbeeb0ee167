// 数据填报: pick the year and one of the parks this user may write (a park manager's own; every park of
// a province for planners). Viewers may open any park's form to read it.
import { Link, useSearchParams } from 'react-router';
import { canWritePark, defaultReportYear } from '../../lib/access.ts';
import { useTranslation } from 'react-i18next';
import { useCities, useMeta } from '../../lib/queries.ts';
import { recentYears, useAllParks, useCurrentYear } from '../../lib/reporting.ts';
import { useMe } from '../../lib/session.ts';
import { useState } from 'react';
import { EmptyState, QueryState } from '../../lib/ui/States.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { clsx } from 'clsx';
import * as css from './entry.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as formCss from '../../lib/ui/form.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import * as textCss from '../../lib/ui/text.module.css';
import './words.ts';

export default function EntryPickerPage() {
  const { t } = useTranslation(['entry', 'common']);
  useDocumentTitle(t('pickerTitle'));
  const me = useMe().data;
  const meta = useMeta();
  const parks = useAllParks();
  const [params, setParams] = useSearchParams();
  const currentYear = useCurrentYear();
  const fallbackYear = defaultReportYear(currentYear);
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 1980 && yearParam <= currentYear ? yearParam : fallbackYear;
  const years = recentYears(currentYear);
  const manager = me?.role === 'park_manager';
  const province = params.get('province') ?? (manager ? '' : meta.data?.provinces[0]?.code ?? '');
  const set = (key: string, value: string) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    if (value) next.set(key, value);
    else next.delete(key);
    return next;
  });

  return (
    <div className={pageCss.page}>
      <header className={pageCss.head}>
        <h2 className={pageCss.title}>{t('pickerTitle')}</h2>
        <Link className={clsx(buttonCss.button, buttonCss.ghost)} to={`/import?year=${year}`}>{t('orImport')}</Link>
      </header>
      <p className={pageCss.intro}>{manager ? t('pickerIntroManager') : t('pickerIntro')}</p>
      <form className={formCss.filters} onSubmit={(e) => e.preventDefault()} aria-label={t('common:filter.label')}>
        <div className={formCss.field}>
          <label htmlFor="pick-year" className={formCss.label}>{t('common:col.year')}</label>
          <select id="pick-year" className={formCss.control} value={year} onChange={(e) => set('year', e.target.value)}>
            {years.map((y) => <option key={y} value={y}>{t('common:words.year', { year: y })}</option>)}
          </select>
        </div>
        {!manager && (
          <div className={formCss.field}>
            <label htmlFor="pick-province" className={formCss.label}>{t('common:filter.province')}</label>
            <select id="pick-province" className={formCss.control} value={province} onChange={(e) => set('province', e.target.value)}>
              <option value="">{t('common:filter.all')}</option>
              {(meta.data?.provinces ?? []).map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
            </select>
          </div>
        )}
      </form>
      {(me?.role === 'planner' || me?.role === 'admin') && <RegionPick province={province || (meta.data?.provinces[0]?.code ?? '')} year={year} />}
      {(me?.role === 'planner' || me?.role === 'admin') && <h3 className={css.pickHeading}>{t('parksTitle')}</h3>}
      <QueryState query={parks} loadingLines={2}>
        {(all) => {
          const list = manager ? all.filter((p) => me.parkIds.includes(p.id)) : all.filter((p) => !province || p.provinceCode === province);
          if (list.length === 0) return <EmptyState title={t('noParks')}><p>{manager ? t('noParksManager') : t('noParksText')}</p></EmptyState>;
          return (
            <ul className={css.parkPickList}>
              {list.map((p) => {
                const writable = canWritePark(me, p.id);
                return (
                  <li key={p.id} className={css.parkPick} data-pick-park={p.id}>
                    <div>
                      <span className={css.parkPickName}>{p.name}</span>
                      <span className={clsx(textCss.muted, css.parkPickMeta)}>{[p.provinceName, p.cityName, t(`common:level.${p.level}`)].filter(Boolean).join(' · ')}</span>
                    </div>
                    <Link className={writable ? clsx(buttonCss.button, buttonCss.small) : clsx(buttonCss.button, buttonCss.ghost)} to={`/entry/${p.id}/${year}`}>
                      {writable ? t('fillIn', { year }) : t('view', { year })}
                    </Link>
                  </li>
                );
              })}
            </ul>
          );
        }}
      </QueryState>
    </div>
  );
}

/** Planners: a province (or one of its cities) and its own totals for the year. */
function RegionPick({ province, year }: { province: string; year: number }) {
  const { t } = useTranslation(['entry', 'common']);
  const meta = useMeta();
  const cities = useCities(province);
  const [choice, setChoice] = useState('');
  const provinceName = meta.data?.provinces.find((p) => p.code === province)?.name ?? province;
  const code = choice && (choice === province || cities.data?.some((c) => c.code === choice)) ? choice : province;
  if (!province) return null;
  return (
    <section className={css.regionPick} aria-labelledby="region-pick-title" data-region-pick>
      <h3 id="region-pick-title" className={css.pickHeading}>{t('regionPickTitle')}</h3>
      <p className={textCss.muted}>{t('regionPickText')}</p>
      <div className={clsx(formCss.filters, formCss.filtersPlain)}>
        <div className={formCss.field}>
          <label htmlFor="pick-region" className={formCss.label}>{t('regionPick')}</label>
          <select id="pick-region" className={formCss.control} value={code} onChange={(e) => setChoice(e.target.value)} data-pick-region>
            <option value={province}>{provinceName}</option>
            {(cities.data ?? []).map((c) => <option key={c.code} value={c.code}>{`${provinceName} · ${c.name}`}</option>)}
          </select>
        </div>
        <Link className={clsx(buttonCss.button, buttonCss.small)} to={`/entry/region/${code}/${year}`} data-open-region>{t('regionOpen', { year })}</Link>
      </div>
    </section>
  );
}
