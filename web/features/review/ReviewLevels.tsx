// 审核层级: planners and admins choose, per province, one level (planners approve what parks submit)
// or two (the city's reviewer first, then the planners). Only provinces with parks are offered.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Park, Region } from '../../../shared/schemas.ts';
import { getJson } from '../../lib/api.ts';
import { useMeta } from '../../lib/queries.ts';
import { invalidateAfterWrite, sendJson } from '../../lib/session.ts';
import { clsx } from 'clsx';
import * as css from './review.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as formCss from '../../lib/ui/form.module.css';
import * as noticeCss from '../../lib/ui/notice.module.css';
import * as panelCss from '../../lib/ui/panel.module.css';

type Levels = 1 | 2;

function useProvincesWithParks() {
  return useQuery({
    queryKey: ['review', 'provinces'] as const,
    queryFn: async ({ signal }) => {
      const [provinces, parks] = await Promise.all([
        getJson('/api/regions?level=province', z.array(Region), { signal }),
        getJson('/api/parks', z.array(Park), { signal }),
      ]);
      const withParks = new Set(parks.map((p) => p.provinceCode));
      return provinces.filter((p) => withParks.has(p.code));
    },
  });
}

export function ReviewLevels() {
  const { t } = useTranslation(['review', 'common']);
  const queryClient = useQueryClient();
  const provinces = useProvincesWithParks();
  const [code, setCode] = useState<string | null>(null);
  const meta = useMeta();
  const list = provinces.data ?? [];
  // The province the product is about first (the meta's first), unless the planner picks another.
  const province = list.find((p) => p.code === code) ?? list.find((p) => p.code === meta.data?.provinces[0]?.code) ?? list[0];
  const [levels, setLevels] = useState<Levels | null>(null);
  const chosen = levels ?? province?.reviewLevels ?? 1;
  const save = useMutation({
    mutationFn: ({ target, to }: { target: string; to: Levels }) => sendJson('PATCH', `/api/regions/${target}`, { reviewLevels: to }, Region),
    onSuccess: () => {
      setLevels(null);
      void queryClient.invalidateQueries({ queryKey: ['review'] });
      void invalidateAfterWrite(queryClient);
    },
  });
  if (!province) return null;
  const changed = chosen !== province.reviewLevels;
  return (
    <section className={clsx(panelCss.panel, css.levels)} aria-labelledby="review-levels-title" data-review-levels={province.code}>
      <header className={panelCss.header}>
        <div className={panelCss.titles}>
          <h3 id="review-levels-title" className={panelCss.title}>{t('levels.title')}</h3>
          <p className={panelCss.subtitle}>{t('levels.hint')}</p>
        </div>
      </header>
      <form className={css.levelsForm} onSubmit={(e) => { e.preventDefault(); save.mutate({ target: province.code, to: chosen }); }}>
        {list.length > 1 && (
          <div className={css.inlineFilter}>
            <label htmlFor="review-levels-province" className={formCss.label}>{t('levels.province')}</label>
            <select id="review-levels-province" className={formCss.control} value={province.code} onChange={(e) => { setCode(e.target.value); setLevels(null); save.reset(); }}>
              {list.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
            </select>
          </div>
        )}
        <fieldset className={css.levelsChoice}>
          <legend className={formCss.label}>{t('levels.legend', { province: province.name })}</legend>
          {([1, 2] as const).map((n) => (
            <label key={n} className={formCss.check}>
              <input type="radio" name="review-levels" value={n} checked={chosen === n} onChange={() => { setLevels(n); save.reset(); }} data-review-levels-option={n} />
              {t(n === 1 ? 'levels.one' : 'levels.two')}
            </label>
          ))}
        </fieldset>
        <button type="submit" className={buttonCss.button} disabled={!changed || save.isPending} data-review-levels-save>{t('levels.save')}</button>
        {save.isSuccess && <output className={clsx(noticeCss.notice, noticeCss.ok)} data-review-levels-saved>{t('levels.saved', { province: province.name })}</output>}
        {save.error && <p className={clsx(formCss.error, formCss.errorBlock)} role="alert">{save.error.message}</p>}
      </form>
    </section>
  );
}
