// Scene “拉低全省的园区”: for a province total that is not yet met (a ratio such as R&D spending over
// GDP, or a share), the parks that hold it back most — what each would have to add, at its own size,
// for the province to reach the target — largest first.
import { memo, useMemo } from 'react';
import type { z } from 'zod';
import type { Indicator, ProgressDetailT } from '../../../shared/schemas.ts';
import { buildScreenLaggardsOption } from '../../charts/screenCharts.ts';
import { describeTarget, formatMeasured } from '../../../shared/format.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, useLocale } from '../../lib/i18n.ts';
import { fingerprint } from './fingerprint.ts';
import { laggards } from './model.ts';
import { Kpi, SceneEmpty, SceneHead, SideNotes, StatusPill } from './parts.tsx';
import { ScreenChart } from './ScreenChart.tsx';
import * as css from './screen.module.css';

export const LAGGARDS_SHOWN = 10;

export const LaggardsScene = memo(function LaggardsScene({ detail, catalogue, pixelRatio }: { detail: ProgressDetailT | undefined; catalogue: readonly z.infer<typeof Indicator>[] | undefined; pixelRatio: number }) {
  const { t } = useTranslation('screen');
  const locale = useLocale();
  const built = useMemo(() => {
    if (!detail) return null;
    const rows = laggards(detail, LAGGARDS_SHOWN);
    if (!rows.length) return null;
    const indicator = catalogue?.find((i) => i.code === detail.indicator.code);
    const partCode = indicator?.numerator ?? indicator?.shareOf ?? null;
    const part = catalogue?.find((i) => i.code === partCode);
    const base = catalogue?.find((i) => i.code === indicator?.denominator);
    const unit = detail.needUnit ?? detail.aggregate?.extraNeededUnit ?? '';
    const need = (x: number) => formatMeasured(x, unit, locale) ?? '';
    const data = rows.map((r) => ({ id: r.parkId, name: r.name, need: r.need, own: r.value === null ? null : formatMeasured(r.value, detail.unit, locale) }));
    const partName = part ? indicatorName(part, locale) : t('laggards.partFallback');
    const option = buildScreenLaggardsOption(data, {
      needName: t('laggards.needName', { part: partName }), need,
      own: (text) => t('laggards.own', { value: text }), description: t('scene.laggards'),
    });
    return {
      option, key: fingerprint([data, locale]), partName, baseName: base ? indicatorName(base, locale) : null, need,
      total: rows.reduce((sum, r) => sum + r.need, 0), year: rows[0]!.year, count: rows.length,
    };
  }, [detail, catalogue, t, locale]);

  if (!detail || !built) {
    return (
      <>
        <SceneHead title={t('scene.laggards')} />
        <SceneEmpty title={t('laggards.none')} />
      </>
    );
  }
  const goal = describeTarget(detail, locale);
  const extra = detail.aggregate?.extraNeeded ?? null;
  return (
    <>
      <SceneHead
        title={`${t('scene.laggards')} · ${detail.code} ${indicatorName(detail.indicator, locale)}`}
        detail={built.baseName
          ? t('laggards.explainRatio', { year: built.year, base: built.baseName, goal: goal.goal, part: built.partName })
          : t('laggards.explain', { year: built.year, goal: goal.goal, part: built.partName })}
      />
      <div className={css.scrSplit}>
        <div className={css.scrSplitMain}>
          <ScreenChart option={built.option} dataKey={built.key} pixelRatio={pixelRatio} label={t('scene.laggards')} />
        </div>
        <aside className={css.scrSide} data-laggards-side>
          <div className={css.scrSideStatus}><StatusPill status={detail.status} held={detail.held} size="large" /></div>
          <SideNotes entry={detail} />
          <Kpi label={t('laggards.province', { year: detail.latestYear ?? '' })} value={formatMeasured(detail.latestValue, detail.unit, locale) ?? '—'} />
          <Kpi label={t('trend.goal')} value={goal.goal} note={goal.year} tone="target" />
          {extra !== null && <Kpi label={t('laggards.provinceNeed', { part: built.partName })} value={built.need(extra)} tone="bad" />}
          <Kpi label={t('laggards.topNeed', { count: built.count })} value={built.need(built.total)} />
        </aside>
      </div>
    </>
  );
});
