// The account corner of the header: 登录 when signed out; the name, the role in words, and 退出 /
// 在所有设备退出 when signed in.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { forgetUser, onSessionEnded, signOut, useMe } from '../../lib/session.ts';

export function UserMenu() {
  const { t } = useTranslation(['auth', 'common']);
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDetailsElement>(null);

  useEffect(() => onSessionEnded(() => forgetUser(queryClient)), [queryClient]);
  // Close on a click elsewhere (and on choosing an item, below).
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => { if (!menu.current?.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('click', close);
    return () => document.removeEventListener('click', close);
  }, [open]);

  const out = useMutation({
    mutationFn: (everywhere: boolean) => signOut(queryClient, everywhere),
    onSuccess: () => { void navigate('/login'); },
  });

  if (me.data === undefined) return <span className="user-menu user-menu--pending" aria-hidden="true" />;
  if (me.data === null) {
    if (location.pathname === '/login') return null;
    const next = `${location.pathname}${location.search}`;
    return <Link className="user-menu__signin no-print" to={`/login?next=${encodeURIComponent(next)}`} data-signin-link>{t('signIn')}</Link>;
  }
  const user = me.data;
  const name = user.displayName ?? user.username;
  return (
    <details className="user-menu no-print" ref={menu} open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-user-menu={user.username}>
      <summary className="user-menu__summary" aria-label={t('menuLabel', { name })}>
        <span className="user-menu__avatar" aria-hidden="true">{[...name][0]}</span>
        <span className="user-menu__who">
          <span className="user-menu__name">{name}</span>
          <span className="user-menu__role" data-user-role={user.role}>{t(`common:role.${user.role}`)}</span>
        </span>
      </summary>
      <div className="user-menu__panel">
        <p className="user-menu__account">
          <strong>{name}</strong> · {t(`common:role.${user.role}`)}
          <span className="user-menu__username">{t('account', { username: user.username })}</span>
        </p>
        {user.role !== 'viewer' && <Link className="user-menu__item" to="/tasks" onClick={() => setOpen(false)}>{t('myTasks')}</Link>}
        <button type="button" className="user-menu__item" onClick={() => out.mutate(false)} disabled={out.isPending} data-signout>{t('signOut')}</button>
        <button type="button" className="user-menu__item" onClick={() => out.mutate(true)} disabled={out.isPending} data-signout-everywhere>{t('signOutEverywhere')}</button>
        {out.isError && <p className="form-error" role="alert">{out.error.message}</p>}
      </div>
    </details>
  );
}
