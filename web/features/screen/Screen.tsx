// The running screen: header with the link's label and the clock, the scenes (all mounted once and
// shown in turn, so no chart is ever re-created by a rotation), and a footer with the scene list, the
// data's stamps and the connection badge. Timers: the rotation (one), the clock (one tick a second),
// the refresh (react-query's interval) and the quiet reload; all stop while the page is hidden.
import { memo, useEffect, useMemo, useReducer, useState } from 'react';
import type { ProgressEntryT } from '../../../shared/schemas.ts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.ts';
import { connectionOf, type Connection, type QueryHealth } from './connection.ts';
import { CoverageScene } from './CoverageScene.tsx';
import { SCREEN_MAPS } from './echarts.ts';
import { usePageVisible, usePresenterKeys, useQuietReload, useRotationTimer } from './hooks.ts';
import { LaggardsScene } from './LaggardsScene.tsx';
import { asOfYear, chooseCoverageTarget, chooseLaggardsTarget, chooseRanking, chooseTrendTarget, scenesWithContent } from './model.ts';
import { useScreenLists, useScreenTarget } from './queries.ts';
import { RankingScene } from './RankingScene.tsx';
import { initialRotation, rotate } from './rotation.ts';
import type { Scene, ScreenOptions } from './settings.ts';
import { TargetsScene } from './TargetsScene.tsx';
import { TrendScene } from './TrendScene.tsx';
import { clsx } from 'clsx';
import { hhmm } from '../../lib/time.ts';
import * as css from './screen.module.css';

const EMPTY: readonly ProgressEntryT[] = [];

export interface ScreenProps {
  token: string;
  label: string;
  options: ScreenOptions;
  pixelRatio: number;
  onRevoked: () => void;
}

export function Screen({ token, label, options, pixelRatio, onRevoked }: ScreenProps) {
  const { t } = useTranslation('screen');
  const { scenes: configured, refreshMs, provinceCode } = options;
  const lists = useScreenLists(token, provinceCode, configured, refreshMs);
  const entries = lists.progress.data ?? EMPTY;
  const map = SCREEN_MAPS[provinceCode];
  const trendTarget = useMemo(() => chooseTrendTarget(entries, options.targetId), [entries, options.targetId]);
  const laggardsTarget = useMemo(() => chooseLaggardsTarget(entries, options.targetId), [entries, options.targetId]);
  const coverageTarget = useMemo(() => chooseCoverageTarget(entries, map?.regions ?? null, options.targetId), [entries, map, options.targetId]);
  const trend = useScreenTarget(token, configured.includes('trend') ? trendTarget?.id ?? null : null, refreshMs);
  const laggardsId = configured.includes('laggards') ? laggardsTarget?.id ?? null : null;
  // Only scenes with something true to show take a turn (until the lists arrive, every configured one).
  const figures = lists.figures.data;
  const scenes = useMemo(() => (lists.progress.data === undefined ? configured : scenesWithContent(configured, {
    trend: trendTarget !== null,
    laggards: laggardsTarget !== null,
    coverage: coverageTarget !== null,
    ranking: figures === undefined || chooseRanking(figures, lists.matrix.data, entries, options.indicator, options.targetId) !== null,
  })), [configured, lists.progress.data, trendTarget, laggardsTarget, coverageTarget, figures, lists.matrix.data, entries, options.indicator, options.targetId]);
  // The same target for both scenes is asked for once (same query key).
  const laggards = useScreenTarget(token, laggardsId, refreshMs);

  const all = [lists.progress, lists.parks, lists.figures, lists.matrix, lists.indicators, trend, laggards];
  const health: QueryHealth[] = all.map((q) => ({ status: q.status, error: q.error }));
  const connection = connectionOf(health);
  const updatedAt = Math.max(0, ...all.map((q) => q.dataUpdatedAt));
  useEffect(() => {
    if (connection === 'revoked') onRevoked();
  }, [connection, onRevoked]);
  useQuietReload(options.reloadMs, connection);

  const [rotation, dispatch] = useReducer(rotate, scenes.length, initialRotation);
  useEffect(() => dispatch({ type: 'setCount', count: scenes.length }), [scenes.length]);
  const visible = usePageVisible();
  useRotationTimer(rotation, dispatch, options.intervalMs, visible);
  usePresenterKeys(dispatch);
  const current = scenes[rotation.index] ?? scenes[0]!;
  const loading = lists.progress.data === undefined;

  const province = entries.find((e) => e.scope.regionCode === provinceCode)?.scope.regionName ?? null;
  const year = asOfYear(entries);

  return (
    <div className={css.scrScreen} data-screen data-current-scene={current} data-paused={rotation.paused} data-connection={connection}>
      <header className={css.scrHeader}>
        <div className={css.scrBrand}>
          <svg className={css.scrBrandMark} viewBox="0 0 32 32" aria-hidden="true"><circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" strokeWidth="4" /><circle cx="16" cy="16" r="5" fill="currentColor" /></svg>
          <div>
            <h1 className={css.scrBrandTitle}>{t('heading')}</h1>
            <p className={css.scrBrandLabel} data-screen-label>{[province, label].filter(Boolean).join(' · ')}</p>
          </div>
        </div>
        <Clock />
      </header>
      <main className={css.scrBody}>
        {loading
          ? <div className={clsx(css.scrMessage, css.scrMessageInline)} data-screen-loading><div className={css.scrMessageSpinner} aria-hidden="true" /><p className={css.scrMessageTitle}>{t('loading')}</p></div>
          : scenes.map((scene) => (
            <section key={scene} className={scene === current ? clsx(css.scrScene, css.isActive) : css.scrScene} data-scene={scene} data-active={scene === current || undefined} aria-hidden={scene !== current}>
              <SceneSlot
                scene={scene} entries={entries} pixelRatio={pixelRatio} options={options} map={map}
                lists={lists} coverageTarget={coverageTarget} trend={trend.data} laggards={laggards.data}
              />
            </section>
          ))}
      </main>
      <footer className={css.scrFooter}>
        <ol className={css.scrTabs} aria-label={t('scenes')}>
          {scenes.map((scene, i) => (
            <li key={scene} className={i === rotation.index ? css.isCurrent : undefined} data-tab={scene} aria-current={i === rotation.index ? 'step' : undefined}>
              {t(`scene.${scene}`)}
            </li>
          ))}
        </ol>
        {rotation.paused && <span className={clsx(css.scrBadge, css.scrBadgePaused)} data-paused-badge>{t('paused')}</span>}
        <Stamps year={year} updatedAt={updatedAt} connection={connection} />
      </footer>
      {scenes.length > 1 && !rotation.paused && visible && (
        // Restarted (a new element) at every change of scene: shows how long until the next one.
        <div key={`${rotation.index}-${options.intervalMs}`} className={css.scrTimer} style={{ animationDuration: `${options.intervalMs}ms` }} aria-hidden="true" />
      )}
    </div>
  );
}

interface SceneSlotProps {
  scene: Scene;
  entries: readonly ProgressEntryT[];
  pixelRatio: number;
  options: ScreenOptions;
  map: (typeof SCREEN_MAPS)[string] | undefined;
  lists: ReturnType<typeof useScreenLists>;
  coverageTarget: ProgressEntryT | null;
  trend: Parameters<typeof TrendScene>[0]['detail'];
  laggards: Parameters<typeof LaggardsScene>[0]['detail'];
}

function SceneSlot({ scene, entries, pixelRatio, options, map, lists, coverageTarget, trend, laggards }: SceneSlotProps) {
  switch (scene) {
    case 'targets':
      return <TargetsScene entries={entries} pixelRatio={pixelRatio} />;
    case 'coverage':
      return <CoverageScene entry={coverageTarget} parks={lists.parks.data ?? NO_PARKS} map={map} pixelRatio={pixelRatio} />;
    case 'ranking':
      return (
        <RankingScene figures={lists.figures.data} matrix={lists.matrix.data} catalogue={lists.indicators.data} entries={entries}
          indicator={options.indicator} targetId={options.targetId} pixelRatio={pixelRatio} />
      );
    case 'trend':
      return <TrendScene detail={trend} pixelRatio={pixelRatio} />;
    case 'laggards':
      return <LaggardsScene detail={laggards} catalogue={lists.indicators.data} pixelRatio={pixelRatio} />;
  }
}

const NO_PARKS: never[] = [];

// China Standard Time, whatever zone the wall PC is set to.
const timeFormat = (locale: string) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' });
const dateFormat = (locale: string) => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long', timeZone: 'Asia/Shanghai' });

/** The clock: one tick a second, on the second, none while the page is hidden. */
const Clock = memo(function Clock() {
  const locale = useLocale();
  const visible = usePageVisible();
  const [now, setNow] = useState(() => new Date());
  const formats = useMemo(() => {
    const tag = locale === 'zh' ? 'zh-CN' : 'en-GB';
    return { time: timeFormat(tag), date: dateFormat(tag) };
  }, [locale]);
  useEffect(() => {
    if (!visible) return;
    let timer = 0;
    const tick = () => {
      const d = new Date();
      setNow(d);
      timer = window.setTimeout(tick, 1000 - d.getMilliseconds() + 5);
    };
    tick();
    return () => window.clearTimeout(timer);
  }, [visible]);
  return (
    <div className={css.scrClock} data-clock>
      <time className={css.scrClockTime} dateTime={now.toISOString()}>{formats.time.format(now)}</time>
      <span className={css.scrClockDate}>{formats.date.format(now)}</span>
    </div>
  );
});

function Stamps({ year, updatedAt, connection }: { year: number | null; updatedAt: number; connection: Connection; }) {
  const { t } = useTranslation('screen');
  return (
    <div className={css.scrStamps}>
      {year !== null && <span data-as-of>{t('asOf', { year })}</span>}
      {updatedAt > 0 && <span data-updated>{t('updated', { time: hhmm(new Date(updatedAt)) })}</span>}
      {connection === 'offline' && <output className={clsx(css.scrBadge, css.scrBadgeOffline)} data-offline-badge title={t('offlineText')}>{t('offline')}</output>}
    </div>
  );
}
