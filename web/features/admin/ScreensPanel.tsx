// Screen links (数据大屏): a read-only, revocable link for a wall display. The link is shown once, when
// it is made (only a hash of its token is kept); the list shows when each display last asked for data.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { CreatedScreen, Screen, SCREEN_SCENES } from '../../../shared/schemas.ts';
import { getJson } from '../../lib/api.ts';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../../lib/queries.ts';
import { ApiWriteError, sendJson } from '../../lib/session.ts';
import { formatWhen } from '../../lib/time.ts';
import { EmptyState, QueryState } from '../../lib/ui/States.tsx';
import { absoluteUrl, fieldErrors, sceneLabel } from './model.ts';
import { clsx } from 'clsx';
import * as css from './admin.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as formCss from '../../lib/ui/form.module.css';
import * as noticeCss from '../../lib/ui/notice.module.css';
import * as panelCss from '../../lib/ui/panel.module.css';
import * as tableCss from '../../lib/ui/table.module.css';
import * as textCss from '../../lib/ui/text.module.css';

type Scene = (typeof SCREEN_SCENES)[number];
const screensKey = ['admin', 'screens'] as const;

export function ScreensPanel() {
  const { t } = useTranslation(['admin', 'common']);
  const screens = useQuery({ queryKey: screensKey, queryFn: ({ signal }) => getJson('/api/screens', z.array(Screen), { signal }) });
  return (
    <section className={panelCss.panel} aria-labelledby="screens-title">
      <h3 id="screens-title" className={panelCss.title}>{t('screensTitle')}</h3>
      <p className={panelCss.subtitle}>{t('screensText')}</p>
      <CreateScreenForm />
      <QueryState query={screens} loadingLines={1}
        renderEmpty={(list) => (list.length === 0 ? <EmptyState title={t('noScreens')} /> : null)}>
        {(list) => (
          // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
          <section className={tableCss.scroll} tabIndex={0} aria-label={t('screensTitle')}>
            <table className={tableCss.table} data-screens-table>
              <caption className={textCss.visuallyHidden}>{t('screensTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('label')}</th><th scope="col">{t('scenes')}</th><th scope="col" className={tableCss.num}>{t('interval')}</th>
                  <th scope="col">{t('col.created')}</th><th scope="col">{t('lastSeen')}</th><th scope="col">{t('col.status')}</th><th scope="col">{t('col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((s) => <ScreenRow key={s.id} screen={s} />)}
              </tbody>
            </table>
          </section>
        )}
      </QueryState>
    </section>
  );
}

function ScreenRow({ screen }: { screen: z.infer<typeof Screen> }) {
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: () => sendJson('DELETE', `/api/screens/${screen.id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: screensKey }),
  });
  return (
    <tr data-screen={screen.id} className={screen.revokedAt ? tableCss.isDisabled : undefined}>
      <th scope="row">{screen.label}</th>
      <td className={tableCss.wrap}>{screen.settings.scenes.map((s) => t(sceneLabel(s))).join('、')}</td>
      <td className={tableCss.num}>{t('seconds', { seconds: screen.settings.intervalSeconds })}</td>
      <td>{formatWhen(screen.createdAt)}</td>
      <td>{screen.lastSeenAt ? formatWhen(screen.lastSeenAt) : t('never')}</td>
      <td>{screen.revokedAt ? <span className={clsx(noticeCss.tag, noticeCss.tagBad)}>{t('revoked')}</span> : <span className={clsx(noticeCss.tag, noticeCss.tagOk)}>{t('active')}</span>}</td>
      <td className={tableCss.wrap}>
        {!screen.revokedAt && (confirming
          ? (
            <span className={css.rowActions}>
              <button type="button" className={clsx(buttonCss.button, buttonCss.danger, buttonCss.small)} onClick={() => revoke.mutate()} disabled={revoke.isPending} data-revoke-confirm={screen.id}>{t('revokeConfirm')}</button>
              <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => setConfirming(false)}>{t('cancel')}</button>
            </span>
          )
          : <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => setConfirming(true)} data-revoke={screen.id}>{t('revoke')}</button>)}
        {revoke.isError && <p className={formCss.fieldError} role="alert">{revoke.error.message}</p>}
      </td>
    </tr>
  );
}

function CreateScreenForm() {
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const meta = useMeta();
  const [label, setLabel] = useState('');
  const [scenes, setScenes] = useState<Scene[]>([...SCREEN_SCENES]);
  const [intervalSeconds, setIntervalSeconds] = useState(20);
  const [province, setProvince] = useState('');
  const [copied, setCopied] = useState<boolean | null>(null);
  const provinceCode = province || meta.data?.provinces[0]?.code || '330000';
  const create = useMutation({
    mutationFn: () => sendJson('POST', '/api/screens', { label: label.trim(), scenes, intervalSeconds, provinceCode }, CreatedScreen),
    onSuccess: () => {
      setLabel('');
      setCopied(null);
      void queryClient.invalidateQueries({ queryKey: screensKey });
    },
  });
  const errors = create.error instanceof ApiWriteError ? fieldErrors(create.error.details) : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (scenes.length === 0) return;
    create.mutate();
  };
  const url = create.data ? absoluteUrl(create.data.url, window.location.origin) : null;
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <>
      {url && (
        <div className={css.createdLink} aria-live="polite" data-created-screen>
          <p><strong>{t('linkOnce')}</strong></p>
          <div className={css.inputWithButton}>
            <input className={clsx(formCss.control, textCss.mono)} readOnly value={url} aria-label={t('link')} onFocus={(e) => e.currentTarget.select()} data-screen-url />
            <button type="button" className={buttonCss.button} onClick={() => void copy()} data-copy>{t('copy')}</button>
          </div>
          {copied === true && <p className={formCss.fieldOk}>{t('copied')}</p>}
          {copied === false && <p className={formCss.fieldError}>{t('copyFailed')}</p>}
          <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => create.reset()}>{t('done')}</button>
        </div>
      )}
      <details className={css.createBox}>
        <summary className={clsx(buttonCss.button, buttonCss.ghost, css.createBoxToggle)}>{t('createScreen')}</summary>
        <form className={formCss.stack} onSubmit={submit} data-create-screen>
          <div className={formCss.row}>
            <div className={formCss.formField}>
              <label htmlFor="ns-label" className={formCss.label}>{t('label')}</label>
              <input id="ns-label" className={formCss.control} value={label} required maxLength={100} onChange={(e) => setLabel(e.target.value)} placeholder={t('labelPlaceholder')} aria-invalid={!!errors.label || undefined} />
              {errors.label && <p className={formCss.fieldError}>{errors.label}</p>}
            </div>
            <div className={formCss.formField}>
              <label htmlFor="ns-interval" className={formCss.label}>{t('intervalLabel')}</label>
              <input id="ns-interval" className={formCss.control} type="number" min={5} max={3600} value={intervalSeconds} onChange={(e) => setIntervalSeconds(Number(e.target.value))} aria-invalid={!!errors.intervalSeconds || undefined} />
              {errors.intervalSeconds && <p className={formCss.fieldError}>{errors.intervalSeconds}</p>}
            </div>
            <div className={formCss.formField}>
              <label htmlFor="ns-province" className={formCss.label}>{t('common:filter.province')}</label>
              <select id="ns-province" className={formCss.control} value={provinceCode} onChange={(e) => setProvince(e.target.value)}>
                {(meta.data?.provinces ?? []).map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
              </select>
            </div>
          </div>
          <fieldset className={clsx(formCss.formField, formCss.checkGrid)}>
            <legend className={formCss.label}>{t('scenes')}</legend>
            {SCREEN_SCENES.map((s) => (
              <label key={s} className={formCss.check}>
                <input type="checkbox" checked={scenes.includes(s)} onChange={(e) => setScenes(e.target.checked ? SCREEN_SCENES.filter((x) => x === s || scenes.includes(x)) : scenes.filter((x) => x !== s))} />
                {t(sceneLabel(s))}
              </label>
            ))}
            {scenes.length === 0 && <p className={formCss.fieldError}>{t('pickScene')}</p>}
          </fieldset>
          {create.isError && <p className={formCss.error} role="alert">{create.error.message}</p>}
          <div><button type="submit" className={buttonCss.button} disabled={create.isPending || scenes.length === 0}>{t('create')}</button></div>
        </form>
      </details>
    </>
  );
}
