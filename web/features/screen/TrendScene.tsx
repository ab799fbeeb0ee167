// Scene “目标趋势”: one target's yearly figures, the straight path from its baseline to the target,
// the projection at the current pace and the target line; beside it the figures a meeting asks about.
import { memo, useMemo } from 'react';
import type { ProgressDetailT } from '../../../shared/schemas.ts';
import { buildScreenTrendOption } from '../../charts/screenCharts.ts';
import { describeLatest, describeTarget, formatAxis, formatDifference, formatMeasured, formatShare } from '../../../shared/format.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, useLocale } from '../../lib/i18n.ts';
import { fingerprint } from './fingerprint.ts';
import { Kpi, ProgressTrack, SceneEmpty, SceneHead, SideNotes, StatusPill } from './parts.tsx';
import { progressShare } from '../../../shared/state-notes.ts';
import { ScreenChart } from './ScreenChart.tsx';
import * as css from './screen.module.css';

export const TrendScene = memo(function TrendScene({ detail, pixelRatio }: { detail: ProgressDetailT | undefined; pixelRatio: number }) {
  const { t } = useTranslation('screen');
  const locale = useLocale();
  const built = useMemo(() => {
    if (!detail) return null;
    const goal = describeTarget(detail, locale);
    const data = {
      series: detail.series.map((p) => ({ year: p.year, value: p.value })),
      path: detail.path, projection: detail.projection,
      target: detail.targetValue !== null ? { value: detail.targetValue, year: detail.targetYear } : null,
      // Ranks: lower is better, so the axis runs downwards (the engine's direction is the way from baseline to target).
      invert: detail.unit === '名' || detail.indicator.kind === 'rank',
    };
    const option = buildScreenTrendOption(data, {
      actual: t('trend.actual'), path: t('trend.path'), projection: t('trend.projection'),
      target: t('trend.target', { goal: goal.goal }),
      year: (y) => t('year', { year: y }), value: (x) => formatMeasured(x, detail.unit, locale) ?? '',
      axis: (x) => formatAxis(x, detail.unit, locale), description: `${indicatorName(detail.indicator, locale)} ${goal.short}`,
    });
    return { option, key: fingerprint([data, goal, locale]), goal };
  }, [detail, t, locale]);

  if (!detail || !built) {
    return (
      <>
        <SceneHead title={t('scene.trend')} />
        <SceneEmpty title={t('trend.none')} />
      </>
    );
  }
  const d = detail;
  const latest = describeLatest(d, locale);
  const v = (x: number | null) => formatMeasured(x, d.unit, locale) ?? '—';
  const subject = d.scope.kind === 'province_aggregate' || d.scope.kind === 'coverage' ? null : d.scope.parkName ?? d.scope.label;
  const share = progressShare(d, locale);
  return (
    <>
      <SceneHead title={`${t('scene.trend')} · ${d.code} ${indicatorName(d.indicator, locale)}`} detail={[subject, t('goal', { goal: built.goal.short })].filter(Boolean).join(' · ')} />
      <div className={css.scrSplit}>
        <div className={css.scrSplitMain}>
          {d.series.length === 0
            ? <SceneEmpty title={t('trend.noSeries')} />
            : <ScreenChart option={built.option} dataKey={built.key} pixelRatio={pixelRatio} label={`${t('scene.trend')} ${d.code}`} />}
        </div>
        <aside className={css.scrSide} data-trend-side>
          <div className={css.scrSideStatus}><StatusPill status={d.status} held={d.held} size="large" /></div>
          <SideNotes entry={d} />
          <Kpi label={t('trend.latest')} value={latest?.value ?? t('noData')} note={latest?.year ?? undefined} />
          <Kpi label={t('trend.goal')} value={built.goal.goal} note={built.goal.year} tone="target" />
          {share !== null && d.status !== 'insufficient_data' && (
            <div className={css.scrSideBlock}>
              <div className={css.scrSidePair}>
                <span>{d.progress! > 1 ? share : t('trend.progress', { progress: share })}</span>
                {d.elapsed !== null && <span className={css.scrMuted}>{t('trend.elapsed', { elapsed: formatShare(d.elapsed) })}</span>}
              </div>
              <ProgressTrack progress={d.progress} elapsed={d.elapsed} status={d.status} />
            </div>
          )}
          {d.projected !== null && (
            <Kpi label={t('trend.projected', { year: d.targetYear })} value={v(d.projected)}
              note={d.projectedAttained === null ? undefined : d.projectedAttained ? t('trend.willReach') : t('trend.shortBy', { gap: formatDifference(d.projectedGap === null ? null : Math.abs(d.projectedGap), d.unit, locale) })}
              tone={d.projectedAttained ? 'good' : d.projectedAttained === false ? 'bad' : undefined} />
          )}
        </aside>
      </div>
    </>
  );
});
