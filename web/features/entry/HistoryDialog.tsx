// Every revision of one figure: old → new value, the status it moved to, who, when and why.
import { useEffect, useRef } from 'react';
import type { z } from 'zod';
import type { ValueRevision } from '../../../shared/schemas.ts';
import { exactMeasured } from '../../lib/exact.ts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.ts';
import { formatWhen } from '../../lib/time.ts';
import { QueryState } from '../../lib/ui/States.tsx';
import { useValueHistory } from './queries.ts';
import { clsx } from 'clsx';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as drawerCss from '../../lib/ui/drawer.module.css';
import * as noticeCss from '../../lib/ui/notice.module.css';
import * as textCss from '../../lib/ui/text.module.css';

type Revision = z.infer<typeof ValueRevision>;

export function HistoryDialog({ valueId, title, unit, onClose }: { valueId: number; title: string; unit: string; onClose: () => void }) {
  const { t } = useTranslation(['entry', 'common']);
  const dialog = useRef<HTMLDialogElement>(null);
  const history = useValueHistory(valueId);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);

  return (
    // The native dialog: focus moves in and stays, Esc closes it (onClose), the page behind is inert.
    <dialog ref={dialog} className={drawerCss.drawer} aria-labelledby="history-title" onClose={onClose} data-history-dialog={valueId}>
      <header className={drawerCss.head}>
        <h3 id="history-title" className={drawerCss.title}>{t('historyTitle', { name: title })}</h3>
        <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => dialog.current?.close()}>{t('close')}</button>
      </header>
      <QueryState query={history} loadingLines={2}>
        {(revisions) => (
          <ol className={drawerCss.history} aria-label={t('historyTitle', { name: title })}>
            {revisions.toReversed().map((r) => <RevisionItem key={r.version} revision={r} unit={unit} />)}
          </ol>
        )}
      </QueryState>
    </dialog>
  );
}

function RevisionItem({ revision: r, unit }: { revision: Revision; unit: string }) {
  const { t } = useTranslation(['entry', 'common']);
  const locale = useLocale();
  const fmt = (v: number | null) => (v === null ? t('none') : exactMeasured(v, unit, locale));
  const statusWord = (s: Revision['newStatus']) => t(`common:figureState.${s}`);
  const valueChanged = r.oldValue !== r.newValue;
  return (
    <li className={drawerCss.item} data-revision={r.version}>
      <p className={drawerCss.when}>
        <span className={noticeCss.tag}>{t('version', { version: r.version })}</span>
        <time dateTime={r.changedAt}>{formatWhen(r.changedAt)}</time>
        <span>{r.changedBy}</span>
      </p>
      <p className={drawerCss.change}>
        {valueChanged
          ? <><span className={drawerCss.old}>{fmt(r.oldValue)}</span><span aria-hidden="true"> → </span><span className={textCss.visuallyHidden}>{t('changedTo')}</span><strong>{fmt(r.newValue)}</strong></>
          : <strong>{fmt(r.newValue)}</strong>}
        <span className={textCss.muted}> · {r.oldStatus ? `${statusWord(r.oldStatus)} → ` : ''}{statusWord(r.newStatus)}</span>
      </p>
      {r.reason && <p className={drawerCss.why}><span className={textCss.muted}>{t('reason')}: </span>{r.reason}</p>}
      {r.note && <p className={drawerCss.why}><span className={textCss.muted}>{t('note')}: </span>{r.note}</p>}
      {r.source && <p className={clsx(drawerCss.why, textCss.muted)}>{t('source')}: {r.source}</p>}
    </li>
  );
}

