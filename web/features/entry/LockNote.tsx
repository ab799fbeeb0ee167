// A locked figure's note on the entry form: approved, or in a closed reporting round, it changes only
// after a planner reopens it with a reason (POST /api/values/:id/reopen, kept in its history and the
// audit log). Planners and admins reopen it here; everyone else is told whom to ask.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ReopenResult } from '../../../shared/schemas.ts';
import { invalidateAfterWrite, sendJson, useMe } from '../../lib/session.ts';
import { clsx } from 'clsx';
import * as css from './entry.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as drawerCss from '../../lib/ui/drawer.module.css';
import * as formCss from '../../lib/ui/form.module.css';

export function LockNote({ figure, name }: { figure: { id: number; version: number; locked: 'approved' | 'round_closed' }; name: string }) {
  const { t } = useTranslation(['entry', 'common']);
  const me = useMe().data;
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const planner = me?.role === 'planner' || me?.role === 'admin';
  const reopen = useMutation({
    mutationFn: () => sendJson('POST', `/api/values/${figure.id}/reopen`, { reason: reason.trim(), version: figure.version }, ReopenResult),
    onSuccess: () => {
      setOpen(false);
      setReason('');
      void invalidateAfterWrite(queryClient);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim()) reopen.mutate();
  };
  const id = `reopen-${figure.id}`;
  return (
    <div className={clsx(drawerCss.rowNote, css.rowNoteLocked)} data-locked={figure.locked}>
      <p>
        
        {t(figure.locked === 'approved' ? 'locked.approved' : 'locked.roundClosed')} {planner ? '' : t('locked.ask')}
        {planner && !open && (
          <> <button type="button" className={clsx(buttonCss.button, buttonCss.small)} onClick={() => setOpen(true)} data-reopen={figure.id}>{t('locked.reopen')}</button></>
        )}
      </p>
      {planner && open && (
        <form className={css.reopenForm} onSubmit={submit}>
          <label htmlFor={id} className={formCss.label}>{t('locked.reason', { name })}</label>
          <input id={id} className={formCss.control} value={reason} maxLength={1000} required onChange={(e) => setReason(e.target.value)}
            placeholder={t('locked.reasonPlaceholder')} data-reopen-reason={figure.id} />
          <button type="submit" className={clsx(buttonCss.button, buttonCss.small)} disabled={!reason.trim() || reopen.isPending} data-reopen-confirm={figure.id}>{t('locked.confirm')}</button>
          <button type="button" className={clsx(buttonCss.button, buttonCss.small, buttonCss.ghost)} onClick={() => { setOpen(false); reopen.reset(); }}>{t('locked.cancel')}</button>
        </form>
      )}
      {reopen.error && <p className={formCss.fieldError} role="alert">{reopen.error.message}</p>}
    </div>
  );
}
