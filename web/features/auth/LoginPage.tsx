// Sign in with a user name and password; a park manager lands on their tasks, a viewer on the dashboard.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { landingPath, safeNext, type RoleT } from '../../lib/access.ts';
import { useTranslation } from 'react-i18next';
import { signIn, signOut, useMe } from '../../lib/session.ts';
import { Loading } from '../../lib/ui/States.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { loginMessage, retrySeconds } from './login.ts';
import { clsx } from 'clsx';
import * as css from './auth.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as formCss from '../../lib/ui/form.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import * as textCss from '../../lib/ui/text.module.css';
import './words.ts';

export default function LoginPage() {
  const { t } = useTranslation(['auth', 'common']);
  useDocumentTitle(t('title'));
  const me = useMe();
  if (me.data === undefined && !me.isError) return <Loading lines={1} />;
  return (
    <div className={clsx(pageCss.page, css.authPage)}>
      {me.data ? <SignedIn name={me.data.displayName ?? me.data.username} role={me.data.role} /> : <LoginForm />}
    </div>
  );
}

function SignedIn({ name, role }: { name: string; role: RoleT }) {
  const { t } = useTranslation(['auth', 'common']);
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const out = useMutation({ mutationFn: () => signOut(queryClient) });
  const next = safeNext(params.get('next')) ?? landingPath({ role });
  return (
    <section className={css.authCard} aria-labelledby="signed-in-title">
      <h2 id="signed-in-title" className={pageCss.title}>{t('signedInAs', { name })}</h2>
      <p className={textCss.muted}>{t(`common:role.${role}`)}</p>
      <p className={css.authCardActions}>
        <Link className={buttonCss.button} to={next}>{t('continue')}</Link>
        <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => out.mutate()} disabled={out.isPending}>{t('signOut')}</button>
      </p>
    </section>
  );
}

function LoginForm() {
  const { t } = useTranslation(['auth', 'common']);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const login = useMutation({
    mutationFn: (body: { username: string; password: string }) => signIn(queryClient, body.username, body.password),
    onSuccess: (me) => { void navigate(safeNext(params.get('next')) ?? landingPath(me), { replace: true }); },
    onError: (err) => {
      const seconds = retrySeconds(err);
      if (seconds !== null) {
        setWaitUntil(Date.now() + seconds * 1000);
        setNow(Date.now());
      }
    },
  });

  // Count a 429's wait down, second by second, then let the user try again.
  useEffect(() => {
    if (waitUntil === null) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= waitUntil) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [waitUntil]);
  const secondsLeft = waitUntil === null ? 0 : Math.max(0, Math.ceil((waitUntil - now) / 1000));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const gaps = { username: !username.trim(), password: !password };
    setMissing(gaps);
    if (gaps.username || gaps.password || secondsLeft > 0) return;
    login.mutate({ username: username.trim(), password });
  };

  const message = login.isError ? loginMessage(login.error, secondsLeft) : null;
  return (
    <section className={css.authCard} aria-labelledby="login-title">
      <h2 id="login-title" className={pageCss.title}>{t('title')}</h2>
      <p className={textCss.muted}>{t('intro')}</p>
      <form className={css.authForm} onSubmit={submit} noValidate data-login-form>
        <div className={formCss.formField}>
          <label htmlFor="login-username" className={formCss.label}>{t('username')}</label>
          <input id="login-username" name="username" className={formCss.control} autoComplete="username" value={username}
            onChange={(e) => setUsername(e.target.value)} aria-invalid={missing.username || undefined} aria-describedby={missing.username ? 'login-username-error' : undefined} />
          {missing.username && <p id="login-username-error" className={formCss.fieldError}>{t('usernameRequired')}</p>}
        </div>
        <div className={formCss.formField}>
          <label htmlFor="login-password" className={formCss.label}>{t('password')}</label>
          <input id="login-password" name="password" type="password" className={formCss.control} autoComplete="current-password" value={password}
            onChange={(e) => setPassword(e.target.value)} aria-invalid={missing.password || undefined} aria-describedby={missing.password ? 'login-password-error' : undefined} />
          {missing.password && <p id="login-password-error" className={formCss.fieldError}>{t('passwordRequired')}</p>}
        </div>
        {message && (
          <p className={formCss.error} role="alert" data-login-error>
            <span aria-hidden="true">✖ </span>{'key' in message ? ('params' in message ? t(message.key, message.params) : t(message.key)) : message.text}
          </p>
        )}
        <button type="submit" className={clsx(buttonCss.button, css.authFormSubmit)} disabled={login.isPending || secondsLeft > 0}>
          {login.isPending ? t('signingIn') : secondsLeft > 0 ? t('waitButton', { seconds: secondsLeft }) : t('submit')}
        </button>
      </form>
      <p className={clsx(textCss.muted, css.authCardHint)}>{t('hint')}</p>
    </section>
  );
}
