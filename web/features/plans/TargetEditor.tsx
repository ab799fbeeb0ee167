// Editing one target from the version the planner opened it at: only what changed is sent, with that
// version and a reason. A change someone made meanwhile is refused by the API (409): the dialog says
// who changed it and when, keeps the planner's values on screen, and offers to load the current version
// — it never sends over it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { TargetT } from '../../../shared/schemas.ts';
import { COMPARATOR_TEXT, describeTarget } from '../../lib/format.ts';
import { indicatorName, useT, type MessageKey } from '../../lib/i18n.ts';
import { ApiWriteError, invalidateAfterWrite } from '../../lib/session.ts';
import { formatWhen } from '../../lib/time.ts';
import { predecessorChoices, targetFormOf, targetPatch, type TargetForm, type TargetIssue } from './model.ts';
import { updateTarget, useAllTargets, useTargetHistory } from './queries.ts';

const COMPARATORS = ['at_least', 'more_than', 'about', 'at_most', 'less_than'] as const;

export function TargetEditor({ target, planTargets, reload, onClose, onHistory }: {
  target: TargetT;
  planTargets: readonly TargetT[];
  /** Loads the plan again; answers the target as it is stored now. */
  reload: () => Promise<TargetT | undefined>;
  onClose: () => void;
  onHistory: () => void;
}) {
  const t = useT();
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
    ...issues.filter((i) => i.field === field).map((i) => t(`plans.issue.${i.code}` as MessageKey)),
    ...details.filter((d) => d.path === field).map((d) => d.message),
  ];
  const field = (name: keyof TargetForm, label: MessageKey, input: ReactNode) => (
    <div className="form-field">
      <label htmlFor={`te-${name}`} className="field__label">{t(label)}</label>
      {input}
      {messages(name).map((m, i) => <span key={i} className="field-error" id={`te-${name}-msg`}>{m}</span>)}
    </div>
  );
  const inputProps = (name: keyof TargetForm) => ({
    id: `te-${name}`, className: 'field__control', value: form[name], 'data-target-field': name,
    'aria-invalid': messages(name).length > 0 || undefined, 'aria-describedby': messages(name).length ? `te-${name}-msg` : undefined,
    onChange: (e: { target: { value: string } }) => set({ [name]: e.target.value }),
  });
  const general = details.filter((d) => !(d.path in form));

  return (
    <dialog ref={dialog} className="drawer target-editor" aria-labelledby="te-title" onClose={onClose} data-target-editor={base.code}>
      <header className="drawer__head">
        <h3 id="te-title" className="drawer__title">{t('plans.editTitle', { code: base.code, name: indicatorName(base.indicator, t.locale) })}</h3>
        <button type="button" className="button button--ghost" onClick={() => dialog.current?.close()}>{t('plans.close')}</button>
      </header>
      <form className="stack-form target-editor__form" onSubmit={submit}>
        <p className="muted">{base.scope.label} · {describeTarget(base, t.locale).short} · {t('plans.targetVersion', { version: base.version })}</p>
        {reloaded && <output className="notice notice--info" data-reloaded>{t('plans.reloaded', { version: base.version })}</output>}
        <div className="form-row">
          {field('comparator', 'plans.field.comparator', (
            <select {...inputProps('comparator')} onChange={(e) => set({ comparator: e.target.value as TargetForm['comparator'] })}>
              {COMPARATORS.map((k) => <option key={k} value={k}>{COMPARATOR_TEXT[k].symbol} {t(`extract.comparator.${k}` as MessageKey)}</option>)}
            </select>
          ))}
          {field('targetValue', 'plans.field.targetValue', (
            <div className="value-input">
              <input {...inputProps('targetValue')} className="field__control value-input__number" inputMode="decimal" />
              <span className="value-input__suffix">{base.unit}</span>
            </div>
          ))}
          {form.comparator === 'about' && field('tolerance', 'plans.field.tolerance', (
            <div className="value-input">
              <input {...inputProps('tolerance')} className="field__control value-input__number" inputMode="decimal" placeholder="5" />
              <span className="value-input__suffix">%</span>
            </div>
          ))}
          {field('targetYear', 'plans.field.targetYear', <input {...inputProps('targetYear')} inputMode="numeric" />)}
          {field('baselineYear', 'plans.field.baselineYear', <input {...inputProps('baselineYear')} inputMode="numeric" />)}
          {field('baselineValue', 'plans.field.baselineValue', <input {...inputProps('baselineValue')} inputMode="decimal" />)}
          {field('supersedesId', 'plans.field.supersedesId', (
            <select {...inputProps('supersedesId')} onChange={(e) => set({ supersedesId: e.target.value })}>
              <option value="">—</option>
              {base.supersedes && !choices.some((c) => c.id === base.supersedes!.id) && <option value={base.supersedes.id}>{base.supersedes.code} · {base.supersedes.targetYear}</option>}
              {choices.map((c) => <option key={c.id} value={c.id}>{c.code} · {c.targetYear} · {c.plan.title}</option>)}
            </select>
          ))}
          {field('quoteLocation', 'plans.field.quoteLocation', <input {...inputProps('quoteLocation')} maxLength={200} />)}
        </div>
        {field('note', 'plans.field.note', <input {...inputProps('note')} maxLength={2000} />)}
        {field('reason', 'plans.field.reason', <input {...inputProps('reason')} maxLength={500} placeholder={t('plans.reasonPlaceholder')} />)}

        {err && (
          <div className={conflict ? 'row-note row-note--conflict' : 'form-error form-error--block'} role="alert" data-target-error={conflict ? 'conflict' : 'invalid'}>
            <p>{err.message}</p>
            {conflict && last && (
              <p data-conflict-who>{t('plans.conflictWho', { who: last.changedBy, when: formatWhen(last.changedAt), version: last.version })}{last.reason ? ` — ${last.reason}` : ''}</p>
            )}
            {conflict && <p className="muted">{t('plans.conflictKeep')}</p>}
            {general.length > 0 && <ul>{general.map((d, i) => <li key={i}>{d.path}: {d.message}</li>)}</ul>}
            {conflict && <button type="button" className="button button--small" onClick={() => void loadCurrent()} data-reload-target>{t('plans.reload')}</button>}
          </div>
        )}
        {nothing && <output className="notice notice--info">{t('plans.nothingChanged')}</output>}
        <div className="page__actions">
          <button type="submit" className="button" disabled={save.isPending} data-save-target>{save.isPending ? t('plans.saving') : t('plans.save')}</button>
          <button type="button" className="button button--ghost" onClick={onHistory}>{t('plans.history')}</button>
        </div>
      </form>
    </dialog>
  );
}

