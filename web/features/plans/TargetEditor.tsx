// Editing one target from the version the planner opened it at: only what changed is sent, with that
// version and a reason. A change someone made meanwhile is refused by the API (409): the dialog says
// who changed it and when, keeps the planner's values on screen, and offers to load the current version
// — it never sends over it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { TargetT } from '../../../shared/schemas.ts';
import { COMPARATOR_TEXT, describeTarget } from '../../../shared/format.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, useLocale, type WordKey } from '../../lib/i18n.ts';
import { ApiWriteError, invalidateAfterWrite } from '../../lib/session.ts';
import { formatWhen } from '../../lib/time.ts';
import { predecessorChoices, targetFormOf, targetPatch, type TargetForm, type TargetIssue } from './model.ts';
import { updateTarget, useAllTargets, useTargetHistory } from './queries.ts';
import { clsx } from 'clsx';
import * as css from './plans.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as drawerCss from '../../lib/ui/drawer.module.css';
import * as formCss from '../../lib/ui/form.module.css';
import * as noticeCss from '../../lib/ui/notice.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import * as textCss from '../../lib/ui/text.module.css';

const COMPARATORS = ['at_least', 'more_than', 'about', 'at_most', 'less_than'] as const;

export function TargetEditor({ target, planTargets, reload, onClose, onHistory }: {
  target: TargetT;
  planTargets: readonly TargetT[];
  /** Loads the plan again; answers the target as it is stored now. */
  reload: () => Promise<TargetT | undefined>;
  onClose: () => void;
  onHistory: () => void;
}) {
  const { t } = useTranslation(['plans', 'targetForm', 'common']);
  const locale = useLocale();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const [base, setBase] = useState<TargetT>(target);
  const [form, setForm] = useState<TargetForm>(() => targetFormOf(target));
  const [issues, setIssues] = useState<TargetIssue[]>([]);
  const [nothing, setNothing] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const all = useAllTargets(true);
  const choices = predecessorChoices(base, all.data ?? planTargets);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);

  const save = useMutation({
    mutationFn: (patch: ReturnType<typeof targetPatch>['patch']) => updateTarget(base.id, patch),
    onSuccess: () => {
      void invalidateAfterWrite(queryClient);
      dialog.current?.close();
    },
  });
  const err = save.error;
  const conflict = err instanceof ApiWriteError && err.status === 409;
  const history = useTargetHistory(base.id, conflict);
  const last = conflict ? history.data?.at(-1) : undefined;
  const details = err instanceof ApiWriteError ? err.details : [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { patch, changed, issues: found } = targetPatch(base, form);
    setIssues(found);
    setReloaded(false);
    if (found.length) return;
    setNothing(changed.length === 0);
    if (changed.length) save.mutate(patch);
  };

  const loadCurrent = async () => {
    const fresh = await reload();
    if (!fresh) return;
    setBase(fresh);
    setForm(targetFormOf(fresh));
    setIssues([]);
    save.reset();
    setReloaded(true);
  };

  const set = (patch: Partial<TargetForm>) => setForm((f) => ({ ...f, ...patch }));
  const messages = (field: keyof TargetForm) => [
    ...issues.filter((i) => i.field === field).map((i) => i.message[locale]),
    ...details.filter((d) => d.path === field).map((d) => d.message),
  ];
  const field = (name: keyof TargetForm, label: WordKey<['plans', 'targetForm', 'common']>, input: ReactNode) => (
    <div className={formCss.formField}>
      <label htmlFor={`te-${name}`} className={formCss.label}>{t(label)}</label>
      {input}
      {messages(name).map((m, i) => <span key={i} className={formCss.fieldError} id={`te-${name}-msg`}>{m}</span>)}
    </div>
  );
  const inputProps = (name: keyof TargetForm) => ({
    id: `te-${name}`, className: formCss.control, value: form[name], 'data-target-field': name,
    'aria-invalid': messages(name).length > 0 || undefined, 'aria-describedby': messages(name).length ? `te-${name}-msg` : undefined,
    onChange: (e: { target: { value: string } }) => set({ [name]: e.target.value }),
  });
  const general = details.filter((d) => !(d.path in form));

  return (
    <dialog ref={dialog} className={drawerCss.drawer} aria-labelledby="te-title" onClose={onClose} data-target-editor={base.code}>
      <header className={drawerCss.head}>
        <h3 id="te-title" className={drawerCss.title}>{t('editTitle', { code: base.code, name: indicatorName(base.indicator, locale) })}</h3>
        <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => dialog.current?.close()}>{t('close')}</button>
      </header>
      <form className={clsx(formCss.stack, css.targetEditorForm)} onSubmit={submit}>
        <p className={textCss.muted}>{base.scope.label} · {describeTarget(base, locale).short} · {t('targetVersion', { version: base.version })}</p>
        {reloaded && <output className={clsx(noticeCss.notice, noticeCss.info)} data-reloaded>{t('reloaded', { version: base.version })}</output>}
        <div className={formCss.row}>
          {field('comparator', 'targetForm:field.comparator', (
            <select {...inputProps('comparator')} onChange={(e) => set({ comparator: e.target.value as TargetForm['comparator'] })}>
              {COMPARATORS.map((k) => <option key={k} value={k}>{COMPARATOR_TEXT[k].symbol} {t(`targetForm:comparator.${k}`)}</option>)}
            </select>
          ))}
          {field('targetValue', 'targetForm:field.targetValue', (
            <div className={formCss.valueInput}>
              <input {...inputProps('targetValue')} className={clsx(formCss.control, formCss.valueNumber)} inputMode="decimal" />
              <span className={formCss.valueSuffix}>{base.unit}</span>
            </div>
          ))}
          {form.comparator === 'about' && field('tolerance', 'targetForm:field.tolerance', (
            <div className={formCss.valueInput}>
              <input {...inputProps('tolerance')} className={clsx(formCss.control, formCss.valueNumber)} inputMode="decimal" placeholder="5" />
              <span className={formCss.valueSuffix}>%</span>
            </div>
          ))}
          {field('targetYear', 'targetForm:field.targetYear', <input {...inputProps('targetYear')} inputMode="numeric" />)}
          {field('baselineYear', 'targetForm:field.baselineYear', <input {...inputProps('baselineYear')} inputMode="numeric" />)}
          {field('baselineValue', 'targetForm:field.baselineValue', <input {...inputProps('baselineValue')} inputMode="decimal" />)}
          {field('supersedesId', 'targetForm:field.supersedesId', (
            <select {...inputProps('supersedesId')} onChange={(e) => set({ supersedesId: e.target.value })}>
              <option value="">—</option>
              {base.supersedes && !choices.some((c) => c.id === base.supersedes!.id) && <option value={base.supersedes.id}>{base.supersedes.code} · {base.supersedes.targetYear}</option>}
              {choices.map((c) => <option key={c.id} value={c.id}>{c.code} · {c.targetYear} · {c.plan.title}</option>)}
            </select>
          ))}
          {field('quoteLocation', 'targetForm:field.quoteLocation', <input {...inputProps('quoteLocation')} maxLength={200} />)}
        </div>
        {field('note', 'targetForm:plan.note', <input {...inputProps('note')} maxLength={2000} />)}
        {field('reason', 'field.reason', <input {...inputProps('reason')} maxLength={500} placeholder={t('reasonPlaceholder')} />)}

        {err && (
          <div className={conflict ? clsx(drawerCss.rowNote, drawerCss.rowNoteConflict) : clsx(formCss.error, formCss.errorBlock)} role="alert" data-target-error={conflict ? 'conflict' : 'invalid'}>
            <p>{err.message}</p>
            {conflict && last && (
              <p data-conflict-who>{t('conflictWho', { who: last.changedBy, when: formatWhen(last.changedAt), version: last.version })}{last.reason ? ` — ${last.reason}` : ''}</p>
            )}
            {conflict && <p className={textCss.muted}>{t('conflictKeep')}</p>}
            {general.length > 0 && <ul>{general.map((d, i) => <li key={i}>{d.path}: {d.message}</li>)}</ul>}
            {conflict && <button type="button" className={clsx(buttonCss.button, buttonCss.small)} onClick={() => void loadCurrent()} data-reload-target>{t('reload')}</button>}
          </div>
        )}
        {nothing && <output className={clsx(noticeCss.notice, noticeCss.info)}>{t('nothingChanged')}</output>}
        <div className={pageCss.actions}>
          <button type="submit" className={buttonCss.button} disabled={save.isPending} data-save-target>{save.isPending ? t('saving') : t('save')}</button>
          <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={onHistory}>{t('history')}</button>
        </div>
      </form>
    </dialog>
  );
}

