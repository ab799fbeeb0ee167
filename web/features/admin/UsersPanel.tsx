// Users: who may sign in, with which role and which parks (park managers) or cities (city reviewers); disable, reset a password.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { z } from 'zod';
import { User } from '../../../shared/schemas.ts';
import { ALL_ROLES, type RoleT } from '../../lib/access.ts';
import { getJson } from '../../lib/api.ts';
import { useTranslation } from 'react-i18next';
import { useAllParks } from '../../lib/reporting.ts';
import { ApiWriteError, meQueryKey, sendJson, useMe } from '../../lib/session.ts';
import { formatWhen } from '../../lib/time.ts';
import { QueryState } from '../../lib/ui/States.tsx';
import { citiesOfParks, fieldErrors, parkNames, suggestPassword } from './model.ts';
import { clsx } from 'clsx';
import * as css from './admin.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as formCss from '../../lib/ui/form.module.css';
import * as noticeCss from '../../lib/ui/notice.module.css';
import * as panelCss from '../../lib/ui/panel.module.css';
import * as tableCss from '../../lib/ui/table.module.css';
import * as textCss from '../../lib/ui/text.module.css';

type UserT = z.infer<typeof User>;
const usersKey = ['admin', 'users'] as const;

export function UsersPanel() {
  const { t } = useTranslation(['admin', 'common']);
  const users = useQuery({ queryKey: usersKey, queryFn: ({ signal }) => getJson('/api/users', z.array(User), { signal }) });
  const parks = useAllParks();
  return (
    <section className={panelCss.panel} aria-labelledby="users-title">
      <h3 id="users-title" className={panelCss.title}>{t('usersTitle')}</h3>
      <CreateUserForm />
      <QueryState query={users} loadingLines={1}>
        {(list) => (
          // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
          <section className={tableCss.scroll} tabIndex={0} aria-label={t('usersTitle')}>
            <table className={tableCss.table} data-users-table>
              <caption className={textCss.visuallyHidden}>{t('usersTitle')}</caption>
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

function UserRow({ user, parks }: { user: UserT; parks: { id: number; name: string; cityCode: string | null; cityName: string | null }[] }) {
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const me = useMe().data;
  const self = me?.id === user.id;
  const [resetting, setResetting] = useState(false);
  const [editing, setEditing] = useState(false);
  const [password, setPassword] = useState('');
  const update = useMutation({
    mutationFn: (body: { disabled?: boolean; password?: string; role?: RoleT; parkIds?: number[]; cityCodes?: string[] }) => sendJson('PATCH', `/api/users/${user.id}`, body, User),
    onSuccess: (_u, body) => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      if (body.password) {
        setResetting(false);
        setPassword('');
      }
      if (body.role) {
        setEditing(false);
        // my own role may have changed: the navigation and pages follow
        if (self) void queryClient.invalidateQueries({ queryKey: meQueryKey });
      }
    },
  });
  const reset = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ password });
  };
  const errors = update.error instanceof ApiWriteError ? fieldErrors(update.error.details) : {};
  return (
    <tr data-user={user.username} className={user.disabled ? tableCss.isDisabled : undefined}>
      <th scope="row">{user.username}{user.displayName && <span className={textCss.muted}> · {user.displayName}</span>}</th>
      <td data-user-role={user.role}>{t(`common:role.${user.role}`)}</td>
      <td className={tableCss.wrap}>
        {user.role === 'city_reviewer'
          ? user.cityCodes.map((code) => citiesOfParks(parks).find((c) => c.code === code)?.name ?? code).join('、') || '—'
          : user.parkIds.length ? parkNames(user.parkIds, parks).join('、') : '—'}
      </td>
      <td>{user.disabled ? <span className={clsx(noticeCss.tag, noticeCss.tagBad)}>{t('disabled')}</span> : <span className={clsx(noticeCss.tag, noticeCss.tagOk)}>{t('active')}</span>}</td>
      <td>{formatWhen(user.createdAt)}</td>
      <td className={tableCss.wrap}>
        <div className={css.rowActions}>
          {!self && (
            <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} disabled={update.isPending} onClick={() => update.mutate({ disabled: !user.disabled })} data-toggle-user={user.username}>
              {user.disabled ? t('enable') : t('disable')}
            </button>
          )}
          <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => setEditing(!editing)} aria-expanded={editing} data-edit-user={user.username}>{t('editRole')}</button>
          <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => setResetting(!resetting)} aria-expanded={resetting}>{t('resetPassword')}</button>
        </div>
        {editing && (
          <RoleForm user={user} pending={update.isPending} errors={errors}
            onCancel={() => { setEditing(false); update.reset(); }}
            onSave={(role, parkIds, cityCodes) => update.mutate({ role, parkIds: role === 'park_manager' ? parkIds : [], cityCodes: role === 'city_reviewer' ? cityCodes : [] })} />
        )}
        {resetting && (
          <form className={css.inlineForm} onSubmit={reset}>
            <label className={textCss.visuallyHidden} htmlFor={`pw-${user.id}`}>{t('newPassword')}</label>
            <input id={`pw-${user.id}`} className={formCss.control} type="text" autoComplete="new-password" value={password} minLength={10} required
              onChange={(e) => setPassword(e.target.value)} placeholder={t('newPassword')} aria-invalid={!!errors.password || undefined} />
            <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => setPassword(suggestPassword())}>{t('suggest')}</button>
            <button type="submit" className={clsx(buttonCss.button, buttonCss.small)} disabled={update.isPending || password.length < 10}>{t('save')}</button>
          </form>
        )}
        {update.isSuccess && update.variables.password && <output className={formCss.fieldOk}>{t('passwordReset')}</output>}
        {update.isSuccess && update.variables.role && <output className={formCss.fieldOk} data-role-saved>{t('roleSaved')}</output>}
        {update.isError && <p className={formCss.fieldError} role="alert" data-user-error>{errors.password ?? errors.parkIds ?? errors.cityCodes ?? errors.role ?? update.error.message}</p>}
      </td>
    </tr>
  );
}

function CreateUserForm() {
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<RoleT>('park_manager');
  const [parkIds, setParkIds] = useState<number[]>([]);
  const [cityCodes, setCityCodes] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: () => sendJson('POST', '/api/users', {
      username: username.trim(), password, role, parkIds: role === 'park_manager' ? parkIds : [], cityCodes: role === 'city_reviewer' ? cityCodes : [], ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
    }, User),
    onSuccess: () => {
      setUsername('');
      setDisplayName('');
      setPassword('');
      setParkIds([]);
      setCityCodes([]);
      void queryClient.invalidateQueries({ queryKey: usersKey });
    },
  });
  const errors = create.error instanceof ApiWriteError ? fieldErrors(create.error.details) : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <details className={css.createBox} open={create.isError || undefined}>
      <summary className={clsx(buttonCss.button, buttonCss.ghost, css.createBoxToggle)}>{t('createUser')}</summary>
      <form className={formCss.stack} onSubmit={submit} data-create-user>
        <div className={formCss.row}>
          <Field id="nu-username" label={t('col.username')} error={errors.username}>
            <input id="nu-username" className={formCss.control} value={username} autoComplete="off" required onChange={(e) => setUsername(e.target.value)} aria-invalid={!!errors.username || undefined} />
          </Field>
          <Field id="nu-name" label={t('displayName')} error={errors.displayName}>
            <input id="nu-name" className={formCss.control} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          </Field>
          <Field id="nu-password" label={t('password')} error={errors.password}>
            <span className={css.inputWithButton}>
              <input id="nu-password" className={formCss.control} type="text" autoComplete="new-password" value={password} required
                onChange={(e) => setPassword(e.target.value)} aria-invalid={!!errors.password || undefined} />
              <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => setPassword(suggestPassword())}>{t('suggest')}</button>
            </span>
          </Field>
          <Field id="nu-role" label={t('col.role')} error={errors.role}>
            <select id="nu-role" className={formCss.control} value={role} onChange={(e) => setRole(e.target.value as RoleT)}>
              {ALL_ROLES.map((r) => <option key={r} value={r}>{t(`common:role.${r}`)}</option>)}
            </select>
          </Field>
        </div>
        {role === 'park_manager' && <ParkPicker value={parkIds} onChange={setParkIds} error={errors.parkIds} />}
        {role === 'city_reviewer' && <CityPicker value={cityCodes} onChange={setCityCodes} error={errors.cityCodes} />}
        {create.isError && <p className={formCss.error} role="alert">{create.error.message}</p>}
        {create.isSuccess && <output className={formCss.fieldOk}>{t('userCreated', { username: create.data.username })}</output>}
        <div><button type="submit" className={buttonCss.button} disabled={create.isPending}>{t('create')}</button></div>
      </form>
    </details>
  );
}

/** Change a user's role and parks (park managers) or cities (city reviewers); the API refuses to demote the last admin and says why. */
function RoleForm({ user, pending, errors, onSave, onCancel }: {
  user: UserT; pending: boolean; errors: Record<string, string>; onSave: (role: RoleT, parkIds: number[], cityCodes: string[]) => void; onCancel: () => void;
}) {
  const { t } = useTranslation(['admin', 'common']);
  const [role, setRole] = useState<RoleT>(user.role);
  const [parkIds, setParkIds] = useState<number[]>(user.parkIds);
  const [cityCodes, setCityCodes] = useState<string[]>(user.cityCodes);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(role, parkIds, cityCodes);
  };
  const id = `role-${user.id}`;
  return (
    <form className={clsx(formCss.stack, css.roleForm)} onSubmit={submit} data-role-form={user.username}>
      <Field id={id} label={t('col.role')} error={errors.role}>
        <select id={id} className={formCss.control} value={role} onChange={(e) => setRole(e.target.value as RoleT)}>
          {ALL_ROLES.map((r) => <option key={r} value={r}>{t(`common:role.${r}`)}</option>)}
        </select>
      </Field>
      {role === 'park_manager' && <ParkPicker value={parkIds} onChange={setParkIds} error={errors.parkIds} />}
      {role === 'city_reviewer' && <CityPicker value={cityCodes} onChange={setCityCodes} error={errors.cityCodes} />}
      <div className={css.rowActions}>
        <button type="submit" className={clsx(buttonCss.button, buttonCss.small)} disabled={pending}>{t('save')}</button>
        <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}

/** The parks a park manager reports for: searchable checkboxes. */
function ParkPicker({ value, onChange, error }: { value: number[]; onChange: (ids: number[]) => void; error?: string }) {
  const { t } = useTranslation(['admin', 'common']);
  const parks = useAllParks();
  const [search, setSearch] = useState('');
  const q = search.trim();
  const shown = (parks.data ?? []).filter((p) => !q || p.name.includes(q) || (p.cityName ?? '').includes(q));
  return (
    <fieldset className={formCss.formField}>
      <legend className={formCss.label}>{t('parksFor')}</legend>
      <input className={clsx(formCss.control, css.parkSearch)} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('common:filter.searchPlaceholder')} aria-label={t('common:filter.search')} />
      <div className={clsx(formCss.checkGrid, formCss.checkGridScroll)}>
        {shown.map((p) => (
          <label key={p.id} className={formCss.check}>
            <input type="checkbox" checked={value.includes(p.id)} onChange={(e) => onChange(e.target.checked ? [...value, p.id] : value.filter((id) => id !== p.id))} />
            {p.name}
          </label>
        ))}
      </div>
      {error && <p className={formCss.fieldError}>{error}</p>}
    </fieldset>
  );
}

/** The cities a city reviewer reviews (the cities that have parks). */
function CityPicker({ value, onChange, error }: { value: string[]; onChange: (codes: string[]) => void; error?: string }) {
  const { t } = useTranslation(['admin', 'common']);
  const parks = useAllParks();
  return (
    <fieldset className={formCss.formField} data-city-choice>
      <legend className={formCss.label}>{t('citiesFor')}</legend>
      <div className={clsx(formCss.checkGrid, formCss.checkGridScroll)}>
        {citiesOfParks(parks.data ?? []).map((c) => (
          <label key={c.code} className={formCss.check}>
            <input type="checkbox" checked={value.includes(c.code)} onChange={(e) => onChange(e.target.checked ? [...value, c.code] : value.filter((code) => code !== c.code))} data-city={c.code} />
            {c.name}
          </label>
        ))}
      </div>
      {error && <p className={formCss.fieldError}>{error}</p>}
    </fieldset>
  );
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div className={formCss.formField}>
      <label htmlFor={id} className={formCss.label}>{label}</label>
      {children}
      {error && <p className={formCss.fieldError}>{error}</p>}
    </div>
  );
}
