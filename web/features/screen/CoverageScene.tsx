// Scene “覆盖地图”: the province's cities coloured covered / uncovered for a coverage target, the parks
// as points by level, and beside the map how many are covered and which cities are still missing.
import { memo, useMemo } from 'react';
import type { ParkT, ProgressEntryT } from '../../../shared/schemas.ts';
import { buildScreenMapOption, SCREEN_PARK_COLOR, SCREEN_PARK_SIZE } from '../../charts/screenCharts.ts';
import { SCREEN_COLORS } from '../../charts/screenTheme.ts';
import { describeTarget } from '../../lib/format.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, useLocale } from '../../lib/i18n.ts';
import type { BundledMap } from './echarts.ts';
import { fingerprint } from './fingerprint.ts';
import { Kpi, SceneEmpty, SceneHead, StatusPill } from './parts.tsx';
import { ScreenChart } from './ScreenChart.tsx';

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
      <div className="scr-split">
        <div className="scr-split__main">
          {chart && map
            ? <ScreenChart option={chart.option} dataKey={chart.key} pixelRatio={pixelRatio} label={t('scene.coverage')} className="scr-map" />
            : (
              <ul className="scr-city-tiles">
                {[...c.covered.map((r) => ({ ...r, covered: true })), ...c.uncovered.map((r) => ({ ...r, covered: false }))].map((r) => (
                  <li key={r.code} className={r.covered ? 'is-covered' : 'is-uncovered'}><span aria-hidden="true">{r.covered ? '✔' : '✖'}</span>{r.name}</li>
                ))}
              </ul>
            )}
        </div>
        <aside className="scr-side" data-coverage-side>
          <div className="scr-side__status"><StatusPill status={entry.status} size="large" /></div>
          <Kpi label={t('coverage.coveredLabel')} value={<><span data-covered-count>{c.coveredCount}</span><span className="scr-kpi__of"> / {c.regionsTotal}</span></>}
            note={t('coverage.asOf', { year: c.asOfYear })} tone={c.uncovered.length ? undefined : 'good'} />
          <div className="scr-side__block">
            <h3 className="scr-side__title">{t('coverage.uncoveredTitle', { count: c.uncovered.length })}</h3>
            {c.uncovered.length === 0 ? <p className="scr-side__all">{t('coverage.all')}</p> : (
              <ul className="scr-uncovered">
                {c.uncovered.map((r) => <li key={r.code} data-uncovered-city={r.name}><span aria-hidden="true">✖</span>{r.name}</li>)}
              </ul>
            )}
          </div>
          <ul className="scr-legend scr-legend--column">
            <li><span className="scr-legend__swatch" style={{ background: SCREEN_COLORS.covered }} />{t('coverage.covered')}</li>
            <li><span className="scr-legend__swatch" style={{ background: SCREEN_COLORS.uncovered }} />{t('coverage.uncovered')}</li>
            {map && levels.map((l) => (
              <li key={l}>
                <span className="scr-legend__dot" style={{ background: SCREEN_PARK_COLOR[l], width: SCREEN_PARK_SIZE[l], height: SCREEN_PARK_SIZE[l] }} />
                {t(`common:level.${l}`)}{t('coverage.parkSuffix')}
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </>
  );
});
