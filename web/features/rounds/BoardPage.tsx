// 填报进度: one round's completeness board — parks × figures, every cell labelled 缺报 / 草稿 / 已退回 /
// 已提交 / 已通过 (icon, word and colour together), overdue parks marked, totals per state.
import type { CSSProperties } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { figureStateLook, type FigureState } from '../../lib/figureState.ts';
import { exactMeasured } from '../../lib/exact.ts';
import { formatShare } from '../../../shared/format.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, useLocale } from '../../lib/i18n.ts';
import { FigureStateBadge } from '../../lib/ui/FigureStateBadge.tsx';
import { EmptyState, QueryState } from '../../lib/ui/States.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { boardParks, cellState, completeness, type Board, type BoardFilter } from './model.ts';
import { useBoard } from './queries.ts';
import { clsx } from 'clsx';
import * as css from './rounds.module.css';
import * as noticeCss from '../../lib/ui/notice.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import * as summaryCss from '../../lib/ui/summary.module.css';
import * as tableCss from '../../lib/ui/table.module.css';
import * as tabsCss from '../../lib/ui/tabs.module.css';
import * as textCss from '../../lib/ui/text.module.css';
import './words.ts';
import { CloseRound } from './CloseRound.tsx';

const STATES: FigureState[] = ['missing', 'draft', 'returned', 'submitted', 'approved'];
/** A province reviewing in two levels shows the city's approval between submitted and approved. */
const TWO_LEVEL_STATES: FigureState[] = ['missing', 'draft', 'returned', 'submitted', 'city_approved', 'approved'];
const IN_STATES: string[] = ['submitted', 'city_approved', 'approved'];
const FILTERS: BoardFilter[] = ['all', 'incomplete', 'overdue'];

export default function BoardPage() {
  const { t } = useTranslation(['rounds', 'common']);
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const board = useBoard(valid ? id : 0);
  useDocumentTitle(board.data ? t('roundName', { year: board.data.round.year, province: board.data.round.provinceName }) : t('title'));
  if (!valid) return <EmptyState title={t('notFound')} />;
  return <QueryState query={board} loadingLines={2}>{(data) => <BoardView board={data} />}</QueryState>;
}

function BoardView({ board }: { board: Board }) {
  const { t } = useTranslation(['rounds', 'common']);
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const show = (FILTERS as string[]).includes(params.get('show') ?? '') ? (params.get('show') as BoardFilter) : 'all';
  const parks = boardParks(board, show);
  const { round, totals } = board;
  // 已退回 is a draft with a planner's comment: counted apart so the totals add up.
  const returned = board.parks.reduce((n, p) => n + Object.values(p.cells).filter((c) => c.returned).length, 0);
  const stateTotals: Record<FigureState, number> = { missing: totals.missing, draft: totals.draft - returned, returned, submitted: totals.submitted, city_approved: totals.city_approved, approved: totals.approved };
  const states = board.reviewLevels === 2 || totals.city_approved > 0 ? TWO_LEVEL_STATES : STATES;

  return (
    <article className={pageCss.page} data-board={round.id}>
      <nav className={clsx(pageCss.breadcrumb, 'no-print')}><Link to="/rounds">← {t('back')}</Link></nav>
      <header className={pageCss.detailHead}>
        <div className={pageCss.main}>
          <h2 className={pageCss.title}>{t('roundName', { year: round.year, province: round.provinceName })}</h2>
          <p className={pageCss.scope}>
            {t('deadlineLine', { date: round.deadline, count: round.indicatorCodes.length })}
            {round.overdue && <span className={noticeCss.overdue}><span aria-hidden="true">⚠ </span>{t('pastDeadline')}</span>}
          </p>
        </div>
        <CloseRound round={round} />
        <dl className={css.boardKpis}>
          <div><dt>{t('completeness')}</dt><dd data-completeness>{formatShare(completeness(board))}</dd></div>
          <div><dt>{t('parksComplete')}</dt><dd data-parks-complete>{totals.parksComplete}/{board.parks.length}</dd></div>
          <div><dt>{t('parksOverdue')}</dt><dd data-parks-overdue className={totals.parksOverdue ? css.isBad : undefined}>{totals.parksOverdue}</dd></div>
        </dl>
      </header>

      <section className={summaryCss.summary} aria-label={t('totals')}>
        <ul className={summaryCss.list} data-board-totals>
          {states.map((s) => (
            <li key={s} className={stateTotals[s] === 0 ? clsx(summaryCss.item, summaryCss.isZero) : summaryCss.item} data-total-state={s}>
              <FigureStateBadge state={s} /> <span className={summaryCss.count}>{stateTotals[s]}</span>
            </li>
          ))}
        </ul>
      </section>

      <div className={pageCss.head}>
        <fieldset className={clsx(tabsCss.tabs, css.tabsFieldset)}>
          <legend className={textCss.visuallyHidden}>{t('show')}</legend>
          {FILTERS.map((f) => (
            <button key={f} type="button" className={show === f ? clsx(tabsCss.tab, tabsCss.isActive) : tabsCss.tab} aria-pressed={show === f} onClick={() => setParams(f === 'all' ? {} : { show: f })}>
              {t(`filter.${f}`)}
            </button>
          ))}
        </fieldset>
        <p className={textCss.muted}>{t('cellHint')}</p>
      </div>

      {parks.length === 0
        ? <EmptyState title={t('noneLeft')} />
        : (
          // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
          <section className={tableCss.scroll} tabIndex={0} aria-label={t('boardTitle')}>
            <table className={clsx(tableCss.table, css.boardTable)} data-board-table>
              <caption className={textCss.visuallyHidden}>{t('boardTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('col.park')}</th>
                  {board.indicators.map((i) => <th key={i.code} scope="col" title={`${i.nameZh} (${i.unit})`}>{indicatorName(i, locale)}</th>)}
                  <th scope="col" className={tableCss.num}>{t('col.in')}</th>
                </tr>
              </thead>
              <tbody>
                {parks.map((p) => (
                  <tr key={p.parkId} data-board-park={p.parkId} data-overdue={p.overdue || undefined} className={p.overdue ? css.isOverdue : undefined}>
                    <th scope="row">
                      <Link to={`/entry/${p.parkId}/${round.year}`} className={css.boardPark}>{p.parkName}</Link>
                      <span className={clsx(css.boardParkMeta, textCss.muted)}>{[p.cityName, t(`common:level.${p.level}`)].filter(Boolean).join(' · ')}</span>
                      {p.overdue && <span className={noticeCss.overdue}><span aria-hidden="true">⚠ </span>{t('overdue')}</span>}
                      {p.complete && <span className={clsx(noticeCss.tag, noticeCss.tagOk)}>{t('complete')}</span>}
                    </th>
                    {board.indicators.map((i) => {
                      const cell = p.cells[i.code];
                      const state = cellState(cell);
                      const look = figureStateLook(state);
                      const style = { '--status-color': look.color, '--status-bg': look.background } as CSSProperties;
                      const value = cell?.value != null ? exactMeasured(cell.value, i.unit, locale) : null;
                      return (
                        <td key={i.code} className={css.boardCell} style={style} data-cell={`${p.parkId}:${i.code}`} data-cell-state={state}
                          title={value ? `${i.nameZh}: ${value}` : undefined}>
                          <span className={css.boardCellIcon} aria-hidden="true">{look.icon}</span>
                          <span>{t(look.label)}</span>
                          {value && <span className={css.boardCellValue}>{value}</span>}
                        </td>
                      );
                    })}
                    <td className={tableCss.num}>{p.counts.submitted + p.counts.city_approved + p.counts.approved}/{board.indicators.length}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('totalsRow')}</th>
                  {board.indicators.map((i) => {
                    const inCount = board.parks.filter((p) => IN_STATES.includes(p.cells[i.code]?.state ?? 'missing')).length;
                    return <td key={i.code} className={tableCss.num}>{inCount}/{board.parks.length}</td>;
                  })}
                  <td className={tableCss.num}>{totals.submitted + totals.city_approved + totals.approved}/{board.parks.length * board.indicators.length}</td>
                </tr>
              </tfoot>
            </table>
          </section>
        )}
    </article>
  );
}
