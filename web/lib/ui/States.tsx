// Loading, error and empty states: designed, never a blank page.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Loading({ lines = 3, label }: { lines?: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state--loading" aria-busy="true">
      <output className="state__text">{label ?? t('state.loading')}</output>
      <div className="skeleton-grid" aria-hidden="true">
        {Array.from({ length: lines }, (_, i) => (
          <div key={i} className="skeleton">
            <span className="skeleton__line skeleton__line--short" />
            <span className="skeleton__line" />
            <span className="skeleton__line skeleton__line--mid" />
          </div>
        ))}
      </div>
    </div>
  );
}

export function ErrorState({ title, message, onRetry, retrying }: { title?: string; message: string; onRetry?: () => void; retrying?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="state state--error" role="alert">
      <p className="state__title"><span aria-hidden="true">✖ </span>{title ?? t('state.error')}</p>
      <p className="state__text">{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry} disabled={retrying}>
          {retrying ? t('state.retrying') : t('state.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <p className="state__title">{title}</p>
      {children && <div className="state__text">{children}</div>}
    </div>
  );
}

/** Shown above stale data when a refresh failed. */
export function RefreshFailed({ message, onRetry, retrying }: { message: string; onRetry: () => void; retrying: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--warn" role="alert">
      <span>{t('state.refreshFailed', { message })}</span>
      <button type="button" className="button button--small" onClick={onRetry} disabled={retrying}>
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
