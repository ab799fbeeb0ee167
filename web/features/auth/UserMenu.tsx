// The account corner of the header: 登录 when signed out; the name, the role in words, and 退出 /
// 在所有设备退出 when signed in.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { forgetUser, onSessionEnded, signOut, useMe } from '../../lib/session.ts';
import { clsx } from 'clsx';
import * as css from './auth.module.css';
import * as formCss from '../../lib/ui/form.module.css';
import './words.ts';

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

  if (me.data === undefined) return <span className={clsx(css.userMenu, css.userMenuPending)} aria-hidden="true" />;
  if (me.data === null) {
    if (location.pathname === '/login') return null;
    const next = `${location.pathname}${location.search}`;
    return <Link className={clsx(css.userMenuSignin, 'no-print')} to={`/login?next=${encodeURIComponent(next)}`} data-signin-link>{t('signIn')}</Link>;
  }
  const user = me.data;
  const name = user.displayName ?? user.username;
  return (
    <details className={clsx(css.userMenu, 'no-print')} ref={menu} open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-user-menu={user.username}>
      <summary className={css.userMenuSummary} aria-label={t('menuLabel', { name })}>
        <span className={css.userMenuAvatar} aria-hidden="true">{[...name][0]}</span>
        <span className={css.userMenuWho}>
          <span className={css.userMenuName}>{name}</span>
          <span className={css.userMenuRole} data-user-role={user.role}>{t(`common:role.${user.role}`)}</span>
        </span>
      </summary>
      <div className={css.userMenuPanel}>
        <p className={css.userMenuAccount}>
          <strong>{name}</strong> · {t(`common:role.${user.role}`)}
          <span className={css.userMenuUsername}>{t('account', { username: user.username })}</span>
        </p>
        {user.role !== 'viewer' && <Link className={css.userMenuItem} to="/tasks" onClick={() => setOpen(false)}>{t('myTasks')}</Link>}
        <button type="button" className={css.userMenuItem} onClick={() => out.mutate(false)} disabled={out.isPending} data-signout>{t('signOut')}</button>
        <button type="button" className={css.userMenuItem} onClick={() => out.mutate(true)} disabled={out.isPending} data-signout-everywhere>{t('signOutEverywhere')}</button>
        {out.isError && <p className={formCss.error} role="alert">{out.error.message}</p>}
      </div>
    </details>
  );
}
