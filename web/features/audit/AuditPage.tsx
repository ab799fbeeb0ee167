// 审计日志: who changed what, when and from where, newest first, filtered by user, action and object,
// paged with `before` (older entries on demand).
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { AuditEntry } from '../../../shared/schemas.ts';
import { getJson } from '../../lib/api.ts';
import { ALL_ROLES } from '../../lib/access.ts';
import { useMeta } from '../../lib/queries.ts';
import { useTranslation } from 'react-i18next';
import { formatWhen } from '../../lib/time.ts';
import { EmptyState, ErrorState, Loading } from '../../lib/ui/States.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ACTIONS, actionLabel, describeDetail, detailText, ENTITIES, entityLabel } from './model.ts';
import { clsx } from 'clsx';
import * as css from './audit.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as formCss from '../../lib/ui/form.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import * as tableCss from '../../lib/ui/table.module.css';
import * as textCss from '../../lib/ui/text.module.css';
import './words.ts';

const PAGE = 50;

function useAudit(filter: { user: string; action: string; entity: string }) {
  return useInfiniteQuery({
    queryKey: ['audit', filter.user, filter.action, filter.entity] as const,
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) => {
      const q = new URLSearchParams({ limit: String(PAGE) });
      if (filter.user) q.set('user', filter.user);
      if (filter.action) q.set('action', filter.action);
      if (filter.entity) q.set('entity', filter.entity);
      if (pageParam !== undefined) q.set('before', String(pageParam));
      return getJson(`/api/audit?${q}`, z.array(AuditEntry), { signal });
    },
    getNextPageParam: (last) => (last.length === PAGE ? last.at(-1)!.id : undefined),
  });
}

export default function AuditPage() {
  const { t } = useTranslation(['audit', 'common']);
  useDocumentTitle(t('title'));
  const [params, setParams] = useSearchParams();
  const filter = { user: params.get('user') ?? '', action: params.get('action') ?? '', entity: params.get('entity') ?? '' };
  const [userText, setUserText] = useState(filter.user);
  const audit = useAudit(filter);
  const set = (patch: Partial<typeof filter>) => {
    const next = { ...filter, ...patch };
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)));
  };
  const submitUser = (e: FormEvent) => {
    e.preventDefault();
    set({ user: userText.trim() });
  };
  const entries = audit.data?.pages.flat() ?? [];
  const provinces = useMeta().data?.provinces;
  const detailNames = {
    role: (code: string) => ((ALL_ROLES as readonly string[]).includes(code) ? t(`common:role.${code as (typeof ALL_ROLES)[number]}`) : null),
    province: (code: string) => provinces?.find((p) => p.code === code)?.name ?? null,
  };

  return (
    <div className={pageCss.page}>
      <header className={pageCss.head}><h2 className={pageCss.title}>{t('title')}</h2></header>
      <p className={pageCss.intro}>{t('intro')}</p>
      <form className={formCss.filters} onSubmit={submitUser} aria-label={t('common:filter.label')}>
        <div className={formCss.field}>
          <label htmlFor="audit-user" className={formCss.label}>{t('user')}</label>
          <input id="audit-user" className={formCss.control} value={userText} onChange={(e) => setUserText(e.target.value)} onBlur={() => userText.trim() !== filter.user && set({ user: userText.trim() })} placeholder={t('userPlaceholder')} />
        </div>
        <div className={formCss.field}>
          <label htmlFor="audit-action" className={formCss.label}>{t('action')}</label>
          <select id="audit-action" className={formCss.control} value={filter.action} onChange={(e) => set({ action: e.target.value })}>
            <option value="">{t('common:filter.all')}</option>
            {ACTIONS.map((a) => <option key={a} value={a}>{t(actionLabel(a)!)}</option>)}
          </select>
        </div>
        <div className={formCss.field}>
          <label htmlFor="audit-entity" className={formCss.label}>{t('entity')}</label>
          <select id="audit-entity" className={formCss.control} value={filter.entity} onChange={(e) => set({ entity: e.target.value })}>
            <option value="">{t('common:filter.all')}</option>
            {ENTITIES.map((a) => <option key={a} value={a}>{t(entityLabel(a)!)}</option>)}
          </select>
        </div>
        <button type="submit" className={clsx(buttonCss.button, buttonCss.ghost)}>{t('apply')}</button>
        {(filter.user || filter.action || filter.entity) && (
          <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => { setUserText(''); setParams({}); }}>{t('common:filter.reset')}</button>
        )}
      </form>

      {audit.isPending ? <Loading lines={2} />
        : audit.isError && entries.length === 0 ? <ErrorState message={audit.error.message} onRetry={() => void audit.refetch()} retrying={audit.isFetching} />
          : entries.length === 0 ? <EmptyState title={t('emptyTitle')}><p>{t('emptyText')}</p></EmptyState>
            : (
              <>
                {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard */}
                <section className={tableCss.scroll} tabIndex={0} aria-label={t('title')}>
                  <table className={clsx(tableCss.table, css.auditTable)} data-audit-table>
                    <caption className={textCss.visuallyHidden}>{t('title')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('col.at')}</th><th scope="col">{t('col.user')}</th><th scope="col">{t('col.action')}</th>
                        <th scope="col">{t('col.entity')}</th><th scope="col">{t('col.ip')}</th><th scope="col">{t('col.detail')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {entries.map((e) => {
                        const action = actionLabel(e.action);
                        const entity = entityLabel(e.entity);
                        const summary = describeDetail(e.detail, t, detailNames);
                        return (
                          <tr key={e.id} data-audit-entry={e.id} data-action={e.action} className={e.action === 'login_failed' ? css.isWarn : undefined}>
                            <td><time dateTime={e.at}>{formatWhen(e.at)}</time></td>
                            <td>{e.username}</td>
                            <td>{action ? t(action) : e.action}</td>
                            <td>{entity ? t(entity) : e.entity}{e.entityId ? ` #${e.entityId}` : ''}</td>
                            <td className={textCss.mono} data-testid="audit-ip">{e.ip ?? '—'}</td>
                            <td className={clsx(tableCss.wrap, css.auditDetail)}>
                              {summary && <span>{summary}</span>}
                              {e.detail !== null && (
                                <details>
                                  <summary>{t('full')}</summary>
                                  <pre className={css.auditJson}>{detailText(e.detail)}</pre>
                                </details>
                              )}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </section>
                {audit.isError && <p className={formCss.error} role="alert">{audit.error.message}</p>}
                <div className={css.pager}>
                  <span className={textCss.muted}>{t('shown', { count: entries.length })}</span>
                  {audit.hasNextPage && (
                    <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage} data-audit-more>
                      {audit.isFetchingNextPage ? t('common:state.loading') : t('more')}
                    </button>
                  )}
                </div>
              </>
            )}
    </div>
  );
}
