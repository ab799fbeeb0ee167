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

export default function LoginPage() {
  const { t } = useTranslation(['auth', 'common']);
  useDocumentTitle(t('title'));
  const me = useMe();
  if (me.data === undefined && !me.isError) return <Loading lines={1} />;
  return (
    <div className="page auth-page">
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
    <section className="auth-card" aria-labelledby="signed-in-title">
      <h2 id="signed-in-title" className="page__title">{t('signedInAs', { name })}</h2>
      <p className="muted">{t(`common:role.${role}`)}</p>
      <p className="auth-card__actions">
        <Link className="button" to={next}>{t('continue')}</Link>
        <button type="button" className="button button--ghost" onClick={() => out.mutate()} disabled={out.isPending}>{t('signOut')}</button>
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
    <section className="auth-card" aria-labelledby="login-title">
      <h2 id="login-title" className="page__title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <form className="auth-form" onSubmit={submit} noValidate data-login-form>
        <div className="form-field">
          <label htmlFor="login-username" className="field__label">{t('username')}</label>
          <input id="login-username" name="username" className="field__control" autoComplete="username" value={username}
            onChange={(e) => setUsername(e.target.value)} aria-invalid={missing.username || undefined} aria-describedby={missing.username ? 'login-username-error' : undefined} />
          {missing.username && <p id="login-username-error" className="field-error">{t('usernameRequired')}</p>}
        </div>
        <div className="form-field">
          <label htmlFor="login-password" className="field__label">{t('password')}</label>
          <input id="login-password" name="password" type="password" className="field__control" autoComplete="current-password" value={password}
            onChange={(e) => setPassword(e.target.value)} aria-invalid={missing.password || undefined} aria-describedby={missing.password ? 'login-password-error' : undefined} />
          {missing.password && <p id="login-password-error" className="field-error">{t('passwordRequired')}</p>}
        </div>
        {message && (
          <p className="form-error" role="alert" data-login-error>
            <span aria-hidden="true">✖ </span>{'key' in message ? ('params' in message ? t(message.key, message.params) : t(message.key)) : message.text}
          </p>
        )}
        <button type="submit" className="button auth-form__submit" disabled={login.isPending || secondsLeft > 0}>
          {login.isPending ? t('signingIn') : secondsLeft > 0 ? t('waitButton', { seconds: secondsLeft }) : t('submit')}
        </button>
      </form>
      <p className="muted auth-card__hint">{t('hint')}</p>
    </section>
  );
}
