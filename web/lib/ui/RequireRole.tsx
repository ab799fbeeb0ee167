// A page for signed-in users (of some roles): others are sent to sign in, or told they may not.
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { hasRole, type RoleT } from '../access.ts';
import { useTranslation } from 'react-i18next';
import { signedOutByUser, useMe } from '../session.ts';
import { EmptyState, ErrorState, Loading } from './States.tsx';

export function RequireRole({ roles, children }: { roles?: readonly RoleT[]; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.data === undefined) {
    if (me.isError) return <ErrorState message={me.error.message} onRetry={() => void me.refetch()} retrying={me.isFetching} />;
    return <Loading lines={1} />;
  }
  if (me.data === null) {
    // Signed out on purpose: a plain sign-in page; otherwise come back here after signing in.
    if (signedOutByUser()) return <Navigate to="/login" replace />;
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!hasRole(me.data, roles)) {
    return (
      <EmptyState title={t('access.forbiddenTitle')}>
        <p>{t('access.forbiddenText')}</p>
        <p><Link to="/">{t('state.backHome')}</Link></p>
      </EmptyState>
    );
  }
  return <>{children}</>;
}
