// Scene “园区排名”: every park on one indicator, best first, each bar in its status colour against the
// target (grey where the target does not apply), with the target as a dashed line.
import { memo, useMemo } from 'react';
import type { Status } from '../../../shared/progress.ts';
import type { ParkFiguresT, ParkStatusMatrixT, ProgressEntryT } from '../../../shared/schemas.ts';
import type { z } from 'zod';
import type { Indicator } from '../../../shared/schemas.ts';
import { buildScreenRankingOption, rankColumns } from '../../charts/screenCharts.ts';
import { SCREEN_COLORS, SCREEN_STATUS } from '../../charts/screenTheme.ts';
import { describeTarget, formatAxis, formatMeasured } from '../../../shared/format.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, statusWord, useLocale } from '../../lib/i18n.ts';
import { statusLook } from '../../lib/status.ts';
import { fingerprint } from './fingerprint.ts';
import { chooseRanking, rankingRows, rankParks } from './model.ts';
import { statusBadge } from '../../../shared/state-notes.ts';
import { SceneEmpty, SceneHead } from './parts.tsx';
import { ScreenChart } from './ScreenChart.tsx';
import { clsx } from 'clsx';
import * as css from './screen.module.css';

export interface RankingSceneProps {
  figures: ParkFiguresT | undefined;
  matrix: ParkStatusMatrixT | undefined;
  catalogue: readonly z.infer<typeof Indicator>[] | undefined;
  entries: readonly ProgressEntryT[];
  indicator: string | undefined;
  targetId: number | undefined;
  pixelRatio: number;
}

export const RankingScene = memo(function RankingScene({ figures, matrix, catalogue, entries, indicator, targetId, pixelRatio }: RankingSceneProps) {
  const { t } = useTranslation('screen');
  const locale = useLocale();
  const built = useMemo(() => {
    if (!figures) return null;
    const choice = chooseRanking(figures, matrix, entries, indicator, targetId);
    if (!choice) return null;
    const { indicator: ind, target, targetIds } = choice;
    const direction = catalogue?.find((i) => i.code === ind.code)?.direction ?? (ind.kind === 'rank' ? 'down' : 'up');
    const rows = rankParks(rankingRows(figures, matrix, ind.code, targetIds), direction);
    const fmt = (x: number) => formatMeasured(x, ind.unit, locale) ?? '';
    const data = {
      rows: rows.map((r) => ({
        id: r.id, name: r.name, value: r.value, status: r.status,
        note: [t('ranking.year', { year: r.year }), r.held ? statusBadge({ status: 'achieved', held: true }, locale) : null].filter(Boolean).join(' · '),
      })),
      target: target ? { value: target.targetValue!, label: t('ranking.targetLine', { value: fmt(target.targetValue!) }) } : null,
      invert: direction === 'down',
    };
    const name = indicatorName(ind, locale);
    const option = buildScreenRankingOption(data, {
      valueName: name, value: fmt, axis: (x) => formatAxis(x, ind.unit, locale), status: (s) => statusWord(s, locale),
      description: t('ranking.title', { indicator: name }),
    });
    const statuses = [...new Set(rows.map((r) => r.status).filter((s): s is Status => s !== null))];
    return {
      option, key: fingerprint([data, locale]), name, unit: ind.unit, target, statuses, count: rows.length,
      hidden: rankColumns(rows).hidden, notApplicable: targetIds.length > 0 && rows.some((r) => r.status === null),
    };
  }, [figures, matrix, catalogue, entries, indicator, targetId, t, locale]);

  if (!built || built.count === 0) {
    return (
      <>
        <SceneHead title={t('scene.ranking')} />
        <SceneEmpty title={t('empty')} />
      </>
    );
  }
  const goal = built.target ? describeTarget({ ...built.target, scope: { kind: built.target.scopeKind } }, locale).short : null;
  return (
    <>
      <SceneHead
        title={`${t('scene.ranking')} · ${built.name}`}
        detail={[built.unit, built.target ? t('ranking.against', { code: built.target.code, goal: goal! }) : null, t('ranking.parks', { count: built.count })].filter(Boolean).join(' · ')}
      />
      <div className={css.scrRanking}>
        <ScreenChart option={built.option} dataKey={built.key} pixelRatio={pixelRatio} label={t('ranking.title', { indicator: built.name })} className={css.scrRankingChart} />
        <ul className={css.scrLegend}>
          {built.statuses.map((s) => (
            <li key={s}><span className={clsx(css.scrLegendSwatch, css.scrLegendSwatchIcon)} style={{ background: SCREEN_STATUS[s].fill, color: SCREEN_STATUS[s].ink }} aria-hidden="true">{statusLook(s).icon}</span>{statusWord(s, locale)}</li>
          ))}
          {built.notApplicable && <li><span className={css.scrLegendSwatch} style={{ background: SCREEN_COLORS.neutral }} />{t('ranking.notApplicable')}</li>}
          {built.target && <li><span className={css.scrLegendLine} style={{ borderColor: SCREEN_COLORS.target }} />{t('ranking.targetLegend')}</li>}
          {built.hidden > 0 && <li className={css.scrLegendNote}>{t('ranking.hidden', { count: built.hidden })}</li>}
        </ul>
      </div>
    </>
  );
});
