// Scene “目标总览”: every target of the province at a glance — a donut of how many are in each status,
// and a board with one line per target: its latest figure, the goal, its status (icon, word and
// colour) and how far it has come against the time gone by.
import { memo, useMemo, type CSSProperties } from 'react';
import type { ProgressEntryT } from '../../../shared/schemas.ts';
import { buildStatusDonutOption } from '../../charts/screenCharts.ts';
import { SCREEN_STATUS } from '../../charts/screenTheme.ts';
import { describeLatest, describeTarget } from '../../../shared/format.ts';
import { progressShare, stateNotes } from '../../../shared/state-notes.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, statusWord, useLocale } from '../../lib/i18n.ts';
import { countByStatus, statusLook } from '../../lib/status.ts';
import { fingerprint } from './fingerprint.ts';
import { bySeverity, targetBoard } from './model.ts';
import { ProgressTrack, SceneEmpty, SceneHead, StatusPill } from './parts.tsx';
import { ScreenChart } from './ScreenChart.tsx';
import { clsx } from 'clsx';
import * as css from './screen.module.css';

/** Column widths of the board (code, name, latest, goal, status, progress; the name takes the rest): English words are longer. */
const BOARD_COLUMNS = { zh: [76, 0, 320, 270, 170, 236], en: [76, 0, 330, 280, 272, 236] } as const;

export const TargetsScene = memo(function TargetsScene({ entries, pixelRatio }: { entries: readonly ProgressEntryT[]; pixelRatio: number }) {
  const { t } = useTranslation('screen');
  const locale = useLocale();
  const board = targetBoard(entries.length, entries.some((e) => stateNotes(e, locale).length > 0));
  const shown = board.hidden ? bySeverity(entries).slice(0, board.rows) : entries;
  const counts = useMemo(() => countByStatus(entries), [entries]);
  const donut = useMemo(() => {
    const slices = counts.map((c) => ({ status: c.status, count: c.count, label: statusWord(c.status, locale) }));
    const option = buildStatusDonutOption(slices, {
      description: slices.filter((s) => s.count).map((s) => `${s.label} ${s.count}`).join(', '),
      count: (n) => t('targets.count', { count: n }),
    });
    return { option, key: fingerprint([slices, locale]) };
  }, [counts, locale, t]);

  return (
    <>
      <SceneHead title={t('scene.targets')} detail={t('targets.count', { count: entries.length })} />
      {entries.length === 0 ? <SceneEmpty title={t('empty')} /> : (
        <div className={css.scrTargets}>
          <aside className={css.scrTargetsSummary}>
            <div className={css.scrDonut}>
              <ScreenChart option={donut.option} dataKey={donut.key} pixelRatio={pixelRatio} label={t('targets.donut')} />
              <div className={css.scrDonutCentre} aria-hidden="true">
                <span className={css.scrDonutTotal}>{entries.length}</span>
                <span className={css.scrDonutUnit}>{t('targets.unit')}</span>
              </div>
            </div>
            <ul className={css.scrStatusList}>
              {counts.map((c) => (
                <li key={c.status} className={c.count ? undefined : css.isZero} data-summary-status={c.status}>
                  <span className={css.scrStatusListSwatch} style={{ background: SCREEN_STATUS[c.status].fill, color: SCREEN_STATUS[c.status].ink }} aria-hidden="true">{statusLook(c.status).icon}</span>
                  <span>{statusWord(c.status, locale)}</span>
                  <span className={css.scrStatusListCount}>{c.count}</span>
                </li>
              ))}
            </ul>
          </aside>
          <table className={clsx(css.scrBoard, board.density === 'large' && css.scrBoardLarge, board.density === 'small' && css.scrBoardSmall)} style={{ '--rows': board.rows } as CSSProperties}>
            <colgroup>
              {BOARD_COLUMNS[locale].map((width, i) => <col key={i} style={width ? { width } : undefined} />)}
            </colgroup>
            <thead>
              <tr>
                <th scope="col" colSpan={2}>{t('targets.colTarget')}</th>
                <th scope="col" className={css.num}>{t('targets.colLatest')}</th>
                <th scope="col">{t('targets.colGoal')}</th>
                <th scope="col">{t('targets.colStatus')}</th>
                <th scope="col">{t('targets.colProgress')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => <TargetRow key={e.id} entry={e} />)}
            </tbody>
            {board.hidden > 0 && (
              <tfoot><tr><td colSpan={6}>{t('targets.more', { count: board.hidden })}</td></tr></tfoot>
            )}
          </table>
        </div>
      )}
    </>
  );
});

function TargetRow({ entry }: { entry: ProgressEntryT; }) {
  const { t } = useTranslation('screen');
  const locale = useLocale();
  const latest = describeLatest(entry, locale);
  const goal = describeTarget(entry, locale);
  const subject = entry.scope.kind === 'park' ? entry.scope.parkName ?? entry.scope.label : entry.scope.kind === 'park_class' ? entry.scope.label : null;
  const name = indicatorName(entry.indicator, locale);
  const judged = entry.status !== 'insufficient_data';
  const how = entry.coverage && entry.coverage.regionsTotal > 0
    ? `${entry.coverage.coveredCount}/${entry.coverage.regionsTotal}`
    : (judged ? progressShare(entry, locale) : null) ?? '—';
  // What the status rests on, as on every view; on the wall a provisional figure comes first (it is the
  // number people look for), the whole list on hover.
  const notes = [...stateNotes(entry, locale)].sort((a, b) => Number(b.key === 'provisional') - Number(a.key === 'provisional'));
  return (
    <tr data-target-code={entry.code} data-status={entry.status} style={{ '--st': SCREEN_STATUS[entry.status].fill } as CSSProperties}>
      <td className={css.scrBoardCode}>{entry.code}</td>
      <th scope="row" className={css.scrBoardName} title={subject ? `${name} · ${subject}` : name}>
        {name}{subject && <span className={css.scrBoardSubject}> · {subject}</span>}
        {notes.length > 0 && <span className={css.scrBoardNote} data-state-note={notes[0]!.key} title={notes.map((n) => n.text).join('\n')}>{notes[0]!.text}</span>}
      </th>
      <td className={clsx(css.scrBoardLatest, css.num)}>
        {latest ? <><b>{latest.value}</b>{latest.year && <span className={css.scrBoardYear}>{latest.year}</span>}</> : <span className={css.scrMuted}>{t('noData')}</span>}
      </td>
      <td className={css.scrBoardGoal}>{goal.goal}<span className={css.scrBoardYear}>{goal.year}</span></td>
      <td className={css.scrBoardStatus}><StatusPill status={entry.status} held={entry.held} /></td>
      <td className={css.scrBoardProgress}>
        <ProgressTrack progress={judged && !entry.held ? entry.progress : null} elapsed={judged && !entry.held ? entry.elapsed : null} status={entry.status} />
        <span className={css.scrBoardHow}>{how}</span>
      </td>
    </tr>
  );
}
