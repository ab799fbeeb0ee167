// Users: who may sign in, with which role and (park managers) which parks; disable, reset a password.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { z } from 'zod';
import { User } from '../../../shared/schemas.ts';
import { ALL_ROLES, type RoleT } from '../../lib/access.ts';
import { getJson } from '../../lib/api.ts';
import { useTranslation } from 'react-i18next';
import { useAllParks } from '../../lib/reporting.ts';
import { ApiWriteError, sendJson, useMe } from '../../lib/session.ts';
import { formatWhen } from '../../lib/time.ts';
import { QueryState } from '../../lib/ui/States.tsx';
import { fieldErrors, parkNames, suggestPassword } from './model.ts';

type UserT = z.infer<typeof User>;
const usersKey = ['admin', 'users'] as const;

export function UsersPanel() {
  const { t } = useTranslation(['admin', 'common']);
  const users = useQuery({ queryKey: usersKey, queryFn: ({ signal }) => getJson('/api/users', z.array(User), { signal }) });
  const parks = useAllParks();
  return (
    <section className="panel" aria-labelledby="users-title">
      <h3 id="users-title" className="panel__title">{t('usersTitle')}</h3>
      <CreateUserForm />
      <QueryState query={users} loadingLines={1}>
        {(list) => (
          // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
          <section className="table-wrap" tabIndex={0} aria-label={t('usersTitle')}>
            <table className="data-table users-table" data-users-table>
              <caption className="visually-hidden">{t('usersTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('col.username')}</th><th scope="col">{t('col.role')}</th><th scope="col">{t('col.parks')}</th>
                  <th scope="col">{t('col.status')}</th><th scope="col">{t('col.created')}</th><th scope="col">{t('col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((u) => <UserRow key={u.id} user={u} parks={parks.data ?? []} />)}
              </tbody>
            </table>
          </section>
        )}
      </QueryState>
    </section>
  );
}

function UserRow({ user, parks }: { user: UserT; parks: { id: number; name: string }[] }) {
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const me = useMe().data;
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const update = useMutation({
    mutationFn: (body: { disabled?: boolean; password?: string }) => sendJson('PATCH', `/api/users/${user.id}`, body, User),
    onSuccess: (_u, body) => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      if (body.password) {
        setResetting(false);
        setPassword('');
      }
    },
  });
  const reset = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ password });
  };
  const self = me?.id === user.id;
  const errors = update.error instanceof ApiWriteError ? fieldErrors(update.error.details) : {};
  return (
    <tr data-user={user.username} className={user.disabled ? 'is-disabled' : undefined}>
      <th scope="row">{user.username}{user.displayName && <span className="muted"> · {user.displayName}</span>}</th>
      <td>{t(`common:role.${user.role}`)}</td>
      <td className="wrap">{user.parkIds.length ? parkNames(user.parkIds, parks).join('、') : '—'}</td>
      <td>{user.disabled ? <span className="tag tag--bad">{t('disabled')}</span> : <span className="tag tag--ok">{t('active')}</span>}</td>
      <td>{formatWhen(user.createdAt)}</td>
      <td className="wrap">
        <div className="row-actions">
          {!self && (
            <button type="button" className="button button--ghost" disabled={update.isPending} onClick={() => update.mutate({ disabled: !user.disabled })} data-toggle-user={user.username}>
              {user.disabled ? t('enable') : t('disable')}
            </button>
          )}
          <button type="button" className="button button--ghost" onClick={() => setResetting(!resetting)} aria-expanded={resetting}>{t('resetPassword')}</button>
        </div>
        {resetting && (
          <form className="inline-form" onSubmit={reset}>
            <label className="visually-hidden" htmlFor={`pw-${user.id}`}>{t('newPassword')}</label>
            <input id={`pw-${user.id}`} className="field__control" type="text" autoComplete="new-password" value={password} minLength={10} required
              onChange={(e) => setPassword(e.target.value)} placeholder={t('newPassword')} aria-invalid={!!errors.password || undefined} />
            <button type="button" className="button button--ghost" onClick={() => setPassword(suggestPassword())}>{t('suggest')}</button>
            <button type="submit" className="button button--small" disabled={update.isPending || password.length < 10}>{t('save')}</button>
          </form>
        )}
        {update.isSuccess && update.variables.password && <output className="field-ok">{t('passwordReset')}</output>}
        {update.isError && <p className="field-error" role="alert">{errors.password ?? update.error.message}</p>}
      </td>
    </tr>
  );
}

function CreateUserForm() {
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const parks = useAllParks();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<RoleT>('park_manager');
  const [parkIds, setParkIds] = useState<number[]>([]);
  const [search, setSearch] = useState('');
  const create = useMutation({
    mutationFn: () => sendJson('POST', '/api/users', {
      username: username.trim(), password, role, parkIds: role === 'park_manager' ? parkIds : [], ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
    }, User),
    onSuccess: () => {
      setUsername('');
      setDisplayName('');
      setPassword('');
      setParkIds([]);
      void queryClient.invalidateQueries({ queryKey: usersKey });
    },
  });
  const errors = create.error instanceof ApiWriteError ? fieldErrors(create.error.details) : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const shown = (parks.data ?? []).filter((p) => !search.trim() || p.name.includes(search.trim()) || (p.cityName ?? '').includes(search.trim()));

  return (
    <details className="create-box" open={create.isError || undefined}>
      <summary className="button button--ghost create-box__toggle">{t('createUser')}</summary>
      <form className="stack-form" onSubmit={submit} data-create-user>
        <div className="form-row">
          <Field id="nu-username" label={t('col.username')} error={errors.username}>
            <input id="nu-username" className="field__control" value={username} autoComplete="off" required onChange={(e) => setUsername(e.target.value)} aria-invalid={!!errors.username || undefined} />
          </Field>
          <Field id="nu-name" label={t('displayName')} error={errors.displayName}>
            <input id="nu-name" className="field__control" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          </Field>
          <Field id="nu-password" label={t('password')} error={errors.password}>
            <span className="input-with-button">
              <input id="nu-password" className="field__control" type="text" autoComplete="new-password" value={password} required
                onChange={(e) => setPassword(e.target.value)} aria-invalid={!!errors.password || undefined} />
              <button type="button" className="button button--ghost" onClick={() => setPassword(suggestPassword())}>{t('suggest')}</button>
            </span>
          </Field>
          <Field id="nu-role" label={t('col.role')} error={errors.role}>
            <select id="nu-role" className="field__control" value={role} onChange={(e) => setRole(e.target.value as RoleT)}>
              {ALL_ROLES.map((r) => <option key={r} value={r}>{t(`common:role.${r}`)}</option>)}
            </select>
          </Field>
        </div>
        {role === 'park_manager' && (
          <fieldset className="form-field">
            <legend className="field__label">{t('parksFor')}</legend>
            <input className="field__control park-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('common:filter.searchPlaceholder')} aria-label={t('common:filter.search')} />
            <div className="check-grid check-grid--scroll">
              {shown.map((p) => (
                <label key={p.id} className="check">
                  <input type="checkbox" checked={parkIds.includes(p.id)} onChange={(e) => setParkIds(e.target.checked ? [...parkIds, p.id] : parkIds.filter((id) => id !== p.id))} />
                  {p.name}
                </label>
              ))}
            </div>
            {errors.parkIds && <p className="field-error">{errors.parkIds}</p>}
          </fieldset>
        )}
        {create.isError && <p className="form-error" role="alert">{create.error.message}</p>}
        {create.isSuccess && <output className="field-ok">{t('userCreated', { username: create.data.username })}</output>}
        <div><button type="submit" className="button" disabled={create.isPending}>{t('create')}</button></div>
      </form>
    </details>
  );
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div className="form-field">
      <label htmlFor={id} className="field__label">{label}</label>
      {children}
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
