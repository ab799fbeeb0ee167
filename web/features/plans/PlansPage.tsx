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

export default function PlansPage() {
  const { t } = useTranslation(['plans', 'targetForm', 'common']);
  useDocumentTitle(t('title'));
  const plans = usePlans();
  const me = useMe().data;
  const canWrite = hasRole(me, REVIEWERS);
  const [creating, setCreating] = useState(false);
  return (
    <article className="page plans-page" data-plans-page>
      <header className="page__head plans-head">
        <div>
          <h2 className="page__title">{t('title')}</h2>
          <p className="page__intro">{t('intro')}</p>
        </div>
        {canWrite && (
          <div className="page__actions">
            <button type="button" className="button" onClick={() => setCreating((c) => !c)} aria-expanded={creating} data-new-plan>{t('new')}</button>
            <Link className="button button--secondary" to="/extract">{t('fromText')}</Link>
          </div>
        )}
      </header>
      {canWrite && creating && <CreatePlan onCancel={() => setCreating(false)} />}
      <QueryState query={plans} renderEmpty={(list) => (list.length ? null : <EmptyState title={t('empty')} />)}>
        {(list) => (
          <div className="table-wrap">
            <table className="data-table plans-table">
              <caption className="visually-hidden">{t('title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('col.code')}</th>
                  <th scope="col" className="wrap">{t('col.title')}</th>
                  <th scope="col">{t('col.issuer')}</th>
                  <th scope="col">{t('col.number')}</th>
                  <th scope="col">{t('col.date')}</th>
                  <th scope="col" className="num">{t('col.targets')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((p) => (
                  <tr key={p.id} data-plan-row={p.code}>
                    <td className="mono">{p.code}</td>
                    <td className="wrap"><Link to={`/plans/${p.id}`}>{p.title}</Link></td>
                    <td>{p.issuer ?? '—'}</td>
                    <td>{p.documentNumber ?? '—'}</td>
                    <td>{p.issuedOn ?? '—'}</td>
                    <td className="num">{p.targetCount}</td>
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
    <form className="panel stack-form" onSubmit={submit} aria-labelledby="plan-create-title" data-plan-create>
      <h3 id="plan-create-title" className="panel__title">{t('new')}</h3>
      <PlanFields idPrefix="new-plan" form={form} onChange={(patch) => setForm((f) => ({ ...f, ...patch }))} problems={problems} />
      <div className="form-field">
        <label htmlFor="new-plan-text" className="field__label">{t('targetForm:plan.documentText')}</label>
        <textarea id="new-plan-text" className="field__control field__control--area" rows={4} value={documentText} onChange={(e) => setDocumentText(e.target.value)} />
      </div>
      {create.isError && <p className="form-error" role="alert">{create.error.message}</p>}
      <div className="page__actions">
        <button type="submit" className="button" disabled={create.isPending}>{create.isPending ? t('saving') : t('create')}</button>
        <button type="button" className="button button--ghost" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
