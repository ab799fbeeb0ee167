// Scene “覆盖地图”: the province's cities coloured covered / uncovered for a coverage target, the parks
// as points by level, and beside the map how many are covered and which cities are still missing.
import { memo, useMemo } from 'react';
import type { ParkT, ProgressEntryT } from '../../../shared/schemas.ts';
import { buildScreenMapOption, SCREEN_PARK_COLOR, SCREEN_PARK_SIZE } from '../../charts/screenCharts.ts';
import { SCREEN_COLORS } from '../../charts/screenTheme.ts';
import { describeTarget } from '../../../shared/format.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, useLocale } from '../../lib/i18n.ts';
import type { BundledMap } from './echarts.ts';
import { fingerprint } from './fingerprint.ts';
import { Kpi, SceneEmpty, SceneHead, SideNotes, StatusPill } from './parts.tsx';
import { ScreenChart } from './ScreenChart.tsx';
import { clsx } from 'clsx';
import * as css from './screen.module.css';

const LEVELS = ['national', 'provincial', 'other'] as const;

export const CoverageScene = memo(function CoverageScene({ entry, parks, map, pixelRatio }: { entry: ProgressEntryT | null; parks: readonly ParkT[]; map: BundledMap | undefined; pixelRatio: number }) {
  const { t } = useTranslation(['screen', 'common']);
  const locale = useLocale();
  const c = entry?.coverage ?? null;
  const chart = useMemo(() => {
    if (!c || !map) return null;
    const covered = new Set(c.covered.map((r) => r.code));
    const cities = [...c.covered, ...c.uncovered].sort((a, b) => a.code.localeCompare(b.code)).map((r) => ({ code: r.code, name: r.name, covered: covered.has(r.code) }));
    const points = parks.map((p) => ({ id: p.id, name: p.name, cityCode: p.cityCode, level: p.level, value: null }));
    const option = buildScreenMapOption({ mapName: map.name, cities, parks: points, centres: map.centres }, {
      covered: t('coverage.covered'), uncovered: t('coverage.uncovered'),
      level: (l) => t(`common:level.${l}`), parksName: t('coverage.parks'),
      description: t('coverage.count', { covered: c.coveredCount, total: c.regionsTotal }),
    });
    return { option, key: fingerprint([cities, points, map.name, locale]) };
  }, [c, parks, map, t, locale]);

  if (!entry || !c) {
    return (
      <>
        <SceneHead title={t('scene.coverage')} />
        <SceneEmpty title={t('coverage.none')} />
      </>
    );
  }
  const goal = describeTarget(entry, locale);
  const levels = LEVELS.filter((l) => parks.some((p) => p.level === l));
  return (
    <>
      <SceneHead title={t('scene.coverage')} detail={`${entry.code} ${indicatorName(entry.indicator, locale)} · ${t('goal', { goal: goal.short })}`} />
      <div className={css.scrSplit}>
        <div className={css.scrSplitMain}>
          {chart && map
            ? <ScreenChart option={chart.option} dataKey={chart.key} pixelRatio={pixelRatio} label={t('scene.coverage')} />
            : (
              <ul className={css.scrCityTiles}>
                {[...c.covered.map((r) => ({ ...r, covered: true })), ...c.uncovered.map((r) => ({ ...r, covered: false }))].map((r) => (
                  <li key={r.code} className={r.covered ? css.isCovered : css.isUncovered}><span aria-hidden="true">{r.covered ? '✔' : '✖'}</span>{r.name}</li>
                ))}
              </ul>
            )}
        </div>
        <aside className={css.scrSide} data-coverage-side>
          <div className={css.scrSideStatus}><StatusPill status={entry.status} held={entry.held} size="large" /></div>
          <SideNotes entry={entry} />
          <Kpi label={t('coverage.coveredLabel')} value={<><span data-covered-count>{c.coveredCount}</span><span className={css.scrKpiOf}> / {c.regionsTotal}</span></>}
            note={t('coverage.asOf', { year: c.asOfYear })} tone={c.uncovered.length ? undefined : 'good'} />
          <div className={css.scrSideBlock}>
            <h3 className={css.scrSideTitle}>{t('coverage.uncoveredTitle', { count: c.uncovered.length })}</h3>
            {c.uncovered.length === 0 ? <p className={css.scrSideAll}>{t('coverage.all')}</p> : (
              <ul className={css.scrUncovered}>
                {c.uncovered.map((r) => <li key={r.code} data-uncovered-city={r.name}><span aria-hidden="true">✖</span>{r.name}</li>)}
              </ul>
            )}
          </div>
          <ul className={clsx(css.scrLegend, css.scrLegendColumn)}>
            <li><span className={css.scrLegendSwatch} style={{ background: SCREEN_COLORS.covered }} />{t('coverage.covered')}</li>
            <li><span className={css.scrLegendSwatch} style={{ background: SCREEN_COLORS.uncovered }} />{t('coverage.uncovered')}</li>
            {map && levels.map((l) => (
              <li key={l}>
                <span className={css.scrLegendDot} style={{ background: SCREEN_PARK_COLOR[l], width: SCREEN_PARK_SIZE[l], height: SCREEN_PARK_SIZE[l] }} />
                {t(`common:level.${l}`)}{t('coverage.parkSuffix')}
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </>
  );
});
