// Loading, error and empty states: designed, never a blank page.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { clsx } from 'clsx';
import * as css from './States.module.css';
import * as buttonCss from './button.module.css';
import * as noticeCss from './notice.module.css';

export function Loading({ lines = 3, label }: { lines?: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className={clsx(css.state, css.stateLoading)} aria-busy="true" data-query-state="loading">
      <output className={css.stateText}>{label ?? t('state.loading')}</output>
      <div className={css.skeletonGrid} aria-hidden="true">
        {Array.from({ length: lines }, (_, i) => (
          <div key={i} className={css.skeleton}>
            <span className={clsx(css.skeletonLine, css.skeletonLineShort)} />
            <span className={css.skeletonLine} />
            <span className={clsx(css.skeletonLine, css.skeletonLineMid)} />
          </div>
        ))}
      </div>
    </div>
  );
}

export function ErrorState({ title, message, onRetry, retrying }: { title?: string; message: string; onRetry?: () => void; retrying?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={clsx(css.state, css.stateError)} role="alert" data-query-state="error">
      <p className={css.stateTitle}><span aria-hidden="true">✖ </span>{title ?? t('state.error')}</p>
      <p className={css.stateText}>{message}</p>
      {onRetry && (
        <button type="button" className={buttonCss.button} onClick={onRetry} disabled={retrying}>
          {retrying ? t('state.retrying') : t('state.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className={clsx(css.state, css.stateEmpty)} data-query-state="empty">
      <p className={css.stateTitle}>{title}</p>
      {children && <div className={css.stateText}>{children}</div>}
    </div>
  );
}

/** Shown above stale data when a refresh failed. */
export function RefreshFailed({ message, onRetry, retrying }: { message: string; onRetry: () => void; retrying: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={clsx(noticeCss.notice, noticeCss.warn)} role="alert">
      <span>{t('state.refreshFailed', { message })}</span>
      <button type="button" className={clsx(buttonCss.button, buttonCss.small)} onClick={onRetry} disabled={retrying}>
        {retrying ? t('state.retrying') : t('state.retry')}
      </button>
    </div>
  );
}

/** The usual three states of a query, then the content. */
export function QueryState<T>({ query, children, renderEmpty, loadingLines }: {
  query: { data: T | undefined; isError: boolean; error: Error | null; isFetching: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
  renderEmpty?: (data: T) => ReactNode | null;
  loadingLines?: number;
}) {
  if (query.data === undefined) {
    if (query.isError) return <ErrorState message={query.error?.message ?? ''} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
    return <Loading lines={loadingLines} />;
  }
  const emptyView = renderEmpty?.(query.data);
  return (
    <>
      {query.isError && <RefreshFailed message={query.error?.message ?? ''} onRetry={() => void query.refetch()} retrying={query.isFetching} />}
      {emptyView ?? children(query.data)}
    </>
  );
}
