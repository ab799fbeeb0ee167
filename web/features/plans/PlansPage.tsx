// The plans (policy documents) targets come from, with their targets' count; planners create one here
// (or from a pasted text on /extract).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { hasRole, REVIEWERS } from '../../lib/access.ts';
import { useTranslation } from 'react-i18next';
import { ApiWriteError, invalidateAfterWrite, useMe } from '../../lib/session.ts';
import { EmptyState, QueryState } from '../../lib/ui/States.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { EMPTY_PLAN, planBody, planIssues, type PlanForm } from './model.ts';
import { PlanFields } from './PlanFields.tsx';
import { createPlan, usePlans } from './queries.ts';
import { clsx } from 'clsx';
import * as css from './plans.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as formCss from '../../lib/ui/form.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import * as panelCss from '../../lib/ui/panel.module.css';
import * as tableCss from '../../lib/ui/table.module.css';
import * as textCss from '../../lib/ui/text.module.css';
import './words.ts';

export default function PlansPage() {
  const { t } = useTranslation(['plans', 'targetForm', 'common']);
  useDocumentTitle(t('title'));
  const plans = usePlans();
  const me = useMe().data;
  const canWrite = hasRole(me, REVIEWERS);
  const [creating, setCreating] = useState(false);
  return (
    <article className={pageCss.page} data-plans-page>
      <header className={clsx(pageCss.head, css.plansHead)}>
        <div>
          <h2 className={pageCss.title}>{t('title')}</h2>
          <p className={pageCss.intro}>{t('intro')}</p>
        </div>
        {canWrite && (
          <div className={pageCss.actions}>
            <button type="button" className={buttonCss.button} onClick={() => setCreating((c) => !c)} aria-expanded={creating} data-new-plan>{t('new')}</button>
            <Link className={clsx(buttonCss.button, buttonCss.secondary)} to="/extract">{t('fromText')}</Link>
          </div>
        )}
      </header>
      {canWrite && creating && <CreatePlan onCancel={() => setCreating(false)} />}
      <QueryState query={plans} renderEmpty={(list) => (list.length ? null : <EmptyState title={t('empty')} />)}>
        {(list) => (
          <div className={tableCss.scroll}>
            <table className={tableCss.table}>
              <caption className={textCss.visuallyHidden}>{t('title')}</caption>
              <thead>
                <tr>
                  <th scope="col" className={tableCss.wrap}>{t('col.title')}</th>
                  <th scope="col">{t('col.issuer')}</th>
                  <th scope="col">{t('col.number')}</th>
                  <th scope="col">{t('col.date')}</th>
                  <th scope="col" className={tableCss.num}>{t('col.targets')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((p) => (
                  <tr key={p.id} data-plan-row={p.code}>
                    <td className={tableCss.wrap}><Link to={`/plans/${p.id}`}>{p.title}</Link></td>
                    <td>{p.issuer ?? '—'}</td>
                    <td>{p.documentNumber ?? '—'}</td>
                    <td>{p.issuedOn ?? '—'}</td>
                    <td className={tableCss.num}>{p.targetCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </article>
  );
}

function CreatePlan({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation(['plans', 'targetForm', 'common']);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<PlanForm>(EMPTY_PLAN);
  const [documentText, setDocumentText] = useState('');
  const [problems, setProblems] = useState<{ field: string; message: string }[]>([]);
  const create = useMutation({
    mutationFn: (body: unknown) => createPlan(body),
    onSuccess: (plan) => {
      void invalidateAfterWrite(queryClient);
      void navigate(`/plans/${plan.id}`);
    },
    onError: (err) => setProblems(err instanceof ApiWriteError ? err.details.map((d) => ({ field: d.path, message: d.message })) : []),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { ...planBody(form), documentText: documentText.trim() ? documentText : null };
    const issues = planIssues(body);
    setProblems(issues);
    if (issues.length === 0) create.mutate(body);
  };
  return (
    <form className={clsx(panelCss.panel, formCss.stack)} onSubmit={submit} aria-labelledby="plan-create-title" data-plan-create>
      <h3 id="plan-create-title" className={panelCss.title}>{t('new')}</h3>
      <PlanFields idPrefix="new-plan" form={form} onChange={(patch) => setForm((f) => ({ ...f, ...patch }))} problems={problems} />
      <div className={formCss.formField}>
        <label htmlFor="new-plan-text" className={formCss.label}>{t('targetForm:plan.documentText')}</label>
        <textarea id="new-plan-text" className={clsx(formCss.control, formCss.area)} rows={4} value={documentText} onChange={(e) => setDocumentText(e.target.value)} />
      </div>
      {create.isError && <p className={formCss.error} role="alert">{create.error.message}</p>}
      <div className={pageCss.actions}>
        <button type="submit" className={buttonCss.button} disabled={create.isPending}>{create.isPending ? t('saving') : t('create')}</button>
        <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
