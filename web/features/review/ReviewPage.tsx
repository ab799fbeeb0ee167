// 审核: the figures waiting for this reviewer (GET /api/values/to-review: a city reviewer's cities'
// parks' submissions in a two-level province; for planners what the city approved, or what was
// submitted in a one-level province), by park and year, each with last year's figure and the jump;
// select and 通过, or 退回 with a comment. Each figure goes with the version the planner saw, so a figure
// changed meanwhile is refused (409) instead of approved unseen.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { PutValuesResult, ReportedValue } from '../../../shared/schemas.ts';
import { getJson } from '../../lib/api.ts';
import { exactMeasured } from '../../lib/exact.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, useLocale } from '../../lib/i18n.ts';
import { ApiWriteError, invalidateAfterWrite, sendJson, useMe } from '../../lib/session.ts';
import { FigureStateBadge } from '../../lib/ui/FigureStateBadge.tsx';
import { ReviewLevels } from './ReviewLevels.tsx';
import { EmptyState, Loading, QueryState } from '../../lib/ui/States.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { formatDay } from '../../lib/time.ts';
import { changeText, groupForReview, refusalLines, selectedItems, yearSpan, type ReviewGroup } from './model.ts';
import { clsx } from 'clsx';
import * as css from './review.module.css';
import * as actionBarCss from '../../lib/ui/actionBar.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as formCss from '../../lib/ui/form.module.css';
import * as noticeCss from '../../lib/ui/notice.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import * as panelCss from '../../lib/ui/panel.module.css';
import * as tableCss from '../../lib/ui/table.module.css';
import * as textCss from '../../lib/ui/text.module.css';
import './words.ts';

function useSubmitted() {
  return useQuery({
    queryKey: ['review', 'to-review'] as const,
    queryFn: ({ signal }) => getJson('/api/values/to-review', z.array(ReportedValue), { signal }),
  });
}

function useEarlier(span: { from: number; to: number } | null) {
  return useQuery({
    queryKey: ['review', 'earlier', span?.from, span?.to] as const,
    queryFn: ({ signal }) => getJson(`/api/values?from=${span!.from}&to=${span!.to}`, z.array(ReportedValue), { signal }),
    enabled: span !== null,
  });
}

type Action = 'approve' | 'return';

export default function ReviewPage() {
  const { t } = useTranslation(['review', 'common']);
  useDocumentTitle(t('title'));
  const submitted = useSubmitted();
  const me = useMe().data;
  const city = me?.role === 'city_reviewer';
  const [params, setParams] = useSearchParams();
  const yearFilter = Number(params.get('year')) || null;
  const all = submitted.data ?? [];
  const visible = yearFilter ? all.filter((v) => v.year === yearFilter) : all;
  const earlier = useEarlier(yearSpan(visible));
  const groups = useMemo(() => groupForReview(visible, earlier.data ?? []), [visible, earlier.data]);
  const years = [...new Set(all.map((v) => v.year))].sort((a, b) => b - a);
  // Kept here: the list below empties once everything is reviewed, the confirmation must stay.
  const [outcome, setOutcome] = useState<{ action: Action; count: number } | null>(null);

  return (
    <div className={pageCss.page}>
      <header className={pageCss.head}>
        <h2 className={pageCss.title}>{t('title')}</h2>
        <form className={css.inlineFilter} onSubmit={(e) => e.preventDefault()}>
          <label htmlFor="review-year" className={formCss.label}>{t('common:col.year')}</label>
          <select id="review-year" className={formCss.control} value={yearFilter ?? ''} onChange={(e) => setParams(e.target.value ? { year: e.target.value } : {})}>
            <option value="">{t('allYears')}</option>
            {[...new Set([...years, ...(yearFilter ? [yearFilter] : [])])].map((y) => <option key={y} value={y}>{t('common:words.year', { year: y })}</option>)}
          </select>
        </form>
      </header>
      <p className={pageCss.intro}>{t(city ? 'introCity' : 'intro')}</p>
      {(me?.role === 'planner' || me?.role === 'admin') && <ReviewLevels />}
      {outcome && (
        <output className={clsx(noticeCss.notice, noticeCss.ok)} data-review-outcome={outcome.action}>
          <span aria-hidden="true">✔ </span>{t(outcome.action === 'return' ? 'returned' : city ? 'cityApproved' : 'approved', { count: outcome.count })}
        </output>
      )}
      <QueryState query={submitted} loadingLines={2}
        renderEmpty={() => (visible.length === 0 ? <EmptyState title={t('emptyTitle')}><p>{t('emptyText')}</p></EmptyState> : null)}>
        {() => (visible.length > 0 && earlier.isPending
          // The earlier years first: without them every change would read “—”.
          ? <Loading lines={2} />
          : <ReviewList groups={groups} refresh={() => void submitted.refetch()} onDone={setOutcome} onStart={() => setOutcome(null)} />)}
      </QueryState>
    </div>
  );
}

function ReviewList({ groups, refresh, onDone, onStart }: {
  groups: ReviewGroup[]; refresh: () => void; onDone: (outcome: { action: Action; count: number }) => void; onStart: () => void;
}) {
  const { t } = useTranslation(['review', 'common']);
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<Set<number>>(() => new Set());
  const [comment, setComment] = useState('');
  const [commentMissing, setCommentMissing] = useState(false);
  const items = groups.flatMap((g) => g.items);
  // Figures no longer in the list (approved elsewhere) drop out of the selection.
  const live = new Set(items.map((i) => i.value.id));
  const chosen = new Set([...selected].filter((id) => live.has(id)));

  const review = useMutation({
    mutationFn: ({ action, sent }: { action: Action; sent: { id: number; version: number }[] }) =>
      sendJson('POST', action === 'approve' ? '/api/values/approve' : '/api/values/return', { items: sent, ...(comment.trim() ? { comment: comment.trim() } : {}) }, PutValuesResult),
    onSuccess: (result, { action }) => {
      setSelected(new Set());
      setComment('');
      onDone({ action, count: result.written.length });
      void invalidateAfterWrite(queryClient);
    },
  });

  const act = (action: Action) => {
    const sent = selectedItems(groups, chosen);
    if (sent.length === 0) return;
    if (action === 'return' && !comment.trim()) {
      setCommentMissing(true);
      return;
    }
    setCommentMissing(false);
    onStart();
    review.mutate({ action, sent });
  };

  const toggle = (ids: number[], on: boolean) => setSelected((prev) => {
    const next = new Set([...prev].filter((id) => live.has(id)));
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    return next;
  });

  const error = review.error;
  const lines = error instanceof ApiWriteError && review.variables ? refusalLines(error.details, review.variables.sent, items) : [];
  return (
    <>
      {error && (
        <div className={clsx(formCss.error, formCss.errorBlock)} role="alert" data-review-error={error instanceof ApiWriteError ? error.status : 0}>
          <p><span aria-hidden="true">✖ </span>{error.message}</p>
          {error instanceof ApiWriteError && error.status === 409 && <p>{t('conflictHelp')}</p>}
          {lines.length > 0 && <ul>{lines.map((l, i) => <li key={i}><strong>{l.label}</strong>: {l.message}</li>)}</ul>}
          <button type="button" className={clsx(buttonCss.button, buttonCss.small)} onClick={() => { review.reset(); refresh(); }}>{t('refresh')}</button>
        </div>
      )}
      {groups.length === 0 && <EmptyState title={t('emptyTitle')}><p>{t('emptyText')}</p></EmptyState>}
      <div className={css.reviewGroups}>
        {groups.map((g) => {
          const ids = g.items.map((i) => i.value.id);
          const allOn = ids.every((id) => chosen.has(id));
          return (
            <section key={g.key} className={panelCss.panel} aria-labelledby={`rg-${g.key}`} data-review-group={`${g.parkId}-${g.year}`}>
              <header className={panelCss.header}>
                <div className={panelCss.titles}>
                  <h3 id={`rg-${g.key}`} className={panelCss.title}>{g.name} <span className={pageCss.context}>{t('common:words.year', { year: g.year })}</span></h3>
                  <p className={panelCss.subtitle}>{t('count', { count: g.items.length })}</p>
                </div>
                <div className={panelCss.tools}>
                  <label className={formCss.check}><input type="checkbox" checked={allOn} onChange={(e) => toggle(ids, e.target.checked)} data-select-group />{t('selectAll')}</label>
                  {g.parkId !== null && <Link className={clsx(buttonCss.button, buttonCss.ghost)} to={`/entry/${g.parkId}/${g.year}`}>{t('openForm')}</Link>}
                  {g.regionCode !== null && <Link className={clsx(buttonCss.button, buttonCss.ghost)} to={`/entry/region/${g.regionCode}/${g.year}`}>{t('openForm')}</Link>}
                </div>
              </header>
              {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard */}
              <section className={tableCss.scroll} tabIndex={0} aria-label={`${g.name} ${g.year}`}>
                <table className={clsx(tableCss.table, css.reviewTable)}>
                  <thead>
                    <tr>
                      <th scope="col"><span className={textCss.visuallyHidden}>{t('select')}</span></th>
                      <th scope="col">{t('common:col.indicator')}</th>
                      <th scope="col" className={tableCss.num}>{t('common:col.lastYear')}</th>
                      <th scope="col" className={tableCss.num}>{t('col.value')}</th>
                      <th scope="col" className={tableCss.num}>{t('col.change')}</th>
                      <th scope="col">{t('col.by')}</th>
                      <th scope="col">{t('common:col.note')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {g.items.map((item) => {
                      const v = item.value;
                      const name = indicatorName(v.indicator, locale);
                      return (
                        <tr key={v.id} data-review-item={v.indicator.code} className={item.jump ? css.isJump : undefined}>
                          <td><input type="checkbox" checked={chosen.has(v.id)} onChange={(e) => toggle([v.id], e.target.checked)} aria-label={t('selectOne', { name })} data-select-item={v.indicator.code} /></td>
                          <th scope="row">{name}</th>
                          <td className={tableCss.num} data-label={t('common:col.lastYear')} data-last-year={item.lastYear?.year}>{item.lastYear ? t('yearValue', { year: item.lastYear.year, value: exactMeasured(item.lastYear.value, v.unit, locale) }) : '—'}</td>
                          <td className={tableCss.num} data-label={t('col.value')}>
                            <strong>{exactMeasured(v.value, v.unit, locale)}</strong>
                            {v.status === 'city_approved' && <> <FigureStateBadge state="city_approved" compact /></>}
                          </td>
                          <td className={tableCss.num} data-label={t('col.change')}>
                            {item.against && (
                              <span className={css.jumpTag} title={t('jumpTitle', { year: item.against.year, value: exactMeasured(item.against.value, v.unit, locale) })} data-jump-against={item.against.year}>
                                <span aria-hidden="true">⚠ </span>{t('jump')} {t('jumpAgainst', { year: item.against.year })}{' '}
                              </span>
                            )}
                            {changeText(item)}
                          </td>
                          <td className={css.reviewTableBy}>{v.enteredBy} <span className={textCss.muted}>{formatDay(v.enteredAt)}</span></td>
                          <td className={clsx(tableCss.wrap, css.reviewTableNote)} data-review-note={v.indicator.code}>
                            {item.jump
                              ? (v.note ? <><strong className={css.confirmNoteLabel}>{t('confirmNote')}</strong> {v.note}</> : <span className={textCss.muted}>{t('noConfirmNote')}</span>)
                              : v.note ?? ''}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </section>
            </section>
          );
        })}
      </div>
      {groups.length > 0 && (
        <div className={clsx(actionBarCss.bar, css.reviewActions)} data-review-actions data-action-bar>
          <div className={formCss.formField}>
            <label htmlFor="review-comment" className={formCss.label}>{t('comment')}</label>
            <textarea id="review-comment" className={clsx(formCss.control, formCss.area)} value={comment} maxLength={1000} rows={2}
              onChange={(e) => { setComment(e.target.value); setCommentMissing(false); }} aria-invalid={commentMissing || undefined}
              aria-describedby={commentMissing ? 'review-comment-error' : undefined} placeholder={t('commentPlaceholder')} />
            {commentMissing && <p id="review-comment-error" className={formCss.fieldError} role="alert">{t('commentRequired')}</p>}
          </div>
          <p className={clsx(actionBarCss.status, textCss.muted)} aria-live="polite">{t('selected', { count: chosen.size })}</p>
          <div className={actionBarCss.buttons}>
            <button type="button" className={clsx(buttonCss.button, buttonCss.danger)} disabled={chosen.size === 0 || review.isPending} onClick={() => act('return')} data-return>{t('return')}</button>
            <button type="button" className={buttonCss.button} disabled={chosen.size === 0 || review.isPending} onClick={() => act('approve')} data-approve>{t('approve')}</button>
          </div>
        </div>
      )}
    </>
  );
}
