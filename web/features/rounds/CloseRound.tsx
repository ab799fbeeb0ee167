// 关闭轮次: a planner closes a reporting round; its figures are then locked against edits until a
// planner reopens one with a reason. A closed round says when and why it closed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Round } from '../../../shared/schemas.ts';
import { hasRole, REVIEWERS } from '../../lib/access.ts';
import { invalidateAfterWrite, sendJson, useMe } from '../../lib/session.ts';
import { formatWhen } from '../../lib/time.ts';
import type { Board } from './model.ts';
import { clsx } from 'clsx';
import * as css from './rounds.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as formCss from '../../lib/ui/form.module.css';
import * as noticeCss from '../../lib/ui/notice.module.css';
import './words.ts';

export function CloseRound({ round }: { round: Board['round'] }) {
  const { t } = useTranslation(['rounds', 'common']);
  const me = useMe().data;
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const close = useMutation({
    mutationFn: () => sendJson('POST', `/api/rounds/${round.id}/close`, reason.trim() ? { reason: reason.trim() } : {}, Round),
    onSuccess: () => {
      setOpen(false);
      void invalidateAfterWrite(queryClient);
    },
  });
  if (round.closedAt) {
    return (
      <p className={clsx(noticeCss.notice, noticeCss.info)} role="note" data-round-closed>
        {t('closedLine', { when: formatWhen(round.closedAt) })}
        {round.closeReason ? ` ${t('closedReason', { reason: round.closeReason })}` : ''}
      </p>
    );
  }
  if (!hasRole(me, REVIEWERS)) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    close.mutate();
  };
  return (
    <div className={css.closeRound}>
      {!open
        ? <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => setOpen(true)} data-close-round>{t('closeButton')}</button>
        : (
          <form className={css.closeForm} onSubmit={submit}>
            <p className={css.closeHint}>{t('closeHint')}</p>
            <label htmlFor="close-reason" className={formCss.label}>{t('closeReason')}</label>
            <input id="close-reason" className={formCss.control} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} data-close-reason />
            <button type="submit" className={clsx(buttonCss.button, buttonCss.danger)} disabled={close.isPending} data-close-confirm>{t('closeConfirm')}</button>
            <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => { setOpen(false); close.reset(); }}>{t('closeCancel')}</button>
          </form>
        )}
      {close.error && <p className={formCss.fieldError} role="alert">{close.error.message}</p>}
    </div>
  );
}
