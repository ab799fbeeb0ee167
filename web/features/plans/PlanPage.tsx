// One plan: its document (title, issuer, number, date, link, the text), its targets with their progress
// status, the quote and where it stands, and for an aim with two horizons (2025 → 2027) both side by
// side with both statuses. Planners edit the plan and each target from the version they saw (a change
// made meanwhile is shown with who made it and can be reloaded, never overwritten); everyone reads a
// target's history.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { PlanDetailT, ProgressEntryT, TargetT } from '../../../shared/schemas.ts';
import type { Status } from '../../../shared/progress.ts';
import { hasRole, REVIEWERS } from '../../lib/access.ts';
import { describeTarget, formatMeasured } from '../../../shared/format.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, useLocale } from '../../lib/i18n.ts';
import { ApiWriteError, invalidateAfterWrite, useMe } from '../../lib/session.ts';
import { EmptyState, QueryState } from '../../lib/ui/States.tsx';
import { StatusBadge } from '../../lib/ui/StatusBadge.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { horizonsOf, planFormOf, planIssues, planPatch, planBody, type HorizonLink, type PlanForm } from './model.ts';
import { PlanFields } from './PlanFields.tsx';
import { planKey, updatePlan, useLinkedProgress, usePlan, usePlanProgress } from './queries.ts';
import { TargetEditor } from './TargetEditor.tsx';
import { TargetHistory } from './TargetHistory.tsx';
import { clsx } from 'clsx';
import * as css from './plans.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as formCss from '../../lib/ui/form.module.css';
import * as noticeCss from '../../lib/ui/notice.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import * as panelCss from '../../lib/ui/panel.module.css';
import * as textCss from '../../lib/ui/text.module.css';
import './words.ts';

export default function PlanPage() {
  const { t } = useTranslation(['plans', 'targetForm', 'common']);
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const plan = usePlan(id, valid);
  useDocumentTitle(plan.data?.title ?? t('title'));
  if (!valid) return <EmptyState title={t('notFound')}><p><Link to="/plans">{t('back')}</Link></p></EmptyState>;
  return <QueryState query={plan} loadingLines={4}>{(data) => <PlanView plan={data} reload={async () => (await plan.refetch()).data} />}</QueryState>;
}

function safeUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

function PlanView({ plan, reload }: { plan: PlanDetailT; reload: () => Promise<PlanDetailT | undefined> }) {
  const { t } = useTranslation(['plans', 'targetForm', 'common']);
  const me = useMe().data;
  const canWrite = hasRole(me, REVIEWERS);
  const progress = usePlanProgress(plan.id, true);
  const statusOf = new Map<number, Status>((progress.data ?? []).map((p: ProgressEntryT) => [p.id, p.status]));
  const outside = [...new Set(plan.targets.flatMap((tg) => [tg.supersedes, tg.supersededBy]).filter((l): l is HorizonLink => !!l && l.plan.id !== plan.id).map((l) => l.id))];
  const linked = useLinkedProgress(outside);
  linked.forEach((q) => { if (q.data) statusOf.set(q.data.id, q.data.status); });
  const [editingPlan, setEditingPlan] = useState(false);
  const [editingId, setEditingId] = useState<number | null>(null);
  const [historyId, setHistoryId] = useState<number | null>(null);
  const editing = plan.targets.find((tg) => tg.id === editingId);
  const historyOf = plan.targets.find((tg) => tg.id === historyId);
  const url = safeUrl(plan.url);

  return (
    <article className={pageCss.page} data-plan-page={plan.id}>
      <nav className={clsx(pageCss.breadcrumb, 'no-print')}><Link to="/plans">← {t('back')}</Link></nav>
      <header className={pageCss.detailHead}>
        <div className={pageCss.main}>
          <p className={pageCss.kicker}>{[plan.issuer, plan.documentNumber, plan.issuedOn].filter(Boolean).join(' · ')}</p>
          <h2 className={pageCss.title} data-plan-title>{plan.title}</h2>
          <dl className={css.planMeta}>
            <div><dt>{t('targetForm:plan.documentNumber')}</dt><dd>{plan.documentNumber ?? '—'}</dd></div>
            <div><dt>{t('targetForm:plan.issuedOn')}</dt><dd>{plan.issuedOn ?? '—'}</dd></div>
            <div><dt>{t('targetForm:plan.url')}</dt><dd>{url ? <a href={url} target="_blank" rel="noopener noreferrer">{t('openLink')}</a> : (plan.url ?? '—')}</dd></div>
            <div><dt>{t('version')}</dt><dd>{plan.version}</dd></div>
          </dl>
          {plan.note && <p className={textCss.muted}>{plan.note}</p>}
        </div>
        {canWrite && (
          <div className={pageCss.side}>
            <button type="button" className={clsx(buttonCss.button, buttonCss.secondary)} onClick={() => setEditingPlan((e) => !e)} aria-expanded={editingPlan} data-edit-plan>{t('edit')}</button>
            <Link className={clsx(buttonCss.button, buttonCss.ghost)} to="/extract">{t('fromText')}</Link>
          </div>
        )}
      </header>

      {canWrite && editingPlan && <EditPlan key={plan.version} plan={plan} reload={reload} onDone={() => setEditingPlan(false)} />}

      <section className={panelCss.panel} aria-labelledby="plan-targets-title">
        <h3 id="plan-targets-title" className={panelCss.title}>{t('targets', { count: plan.targets.length })}</h3>
        {plan.targets.length === 0
          ? <p className={textCss.muted}>{t('noTargets')}</p>
          : (
            <ol className={css.planTargets}>
              {plan.targets.map((tg) => (
                <TargetItem key={tg.id} target={tg} status={statusOf.get(tg.id)} statusOf={statusOf} canWrite={canWrite}
                  onEdit={() => setEditingId(tg.id)} onHistory={() => setHistoryId(tg.id)} />
              ))}
            </ol>
          )}
      </section>

      {plan.documentText && (
        <details className={clsx(panelCss.panel, css.planText)}>
          <summary className={panelCss.title}>{t('documentText', { length: plan.documentText.length })}</summary>
          <div className={css.planTextBody} data-plan-text>{plan.documentText}</div>
        </details>
      )}

      {editing && (
        <TargetEditor key={editing.id} target={editing} planTargets={plan.targets} reload={async () => (await reload())?.targets.find((tg) => tg.id === editing.id)}
          onClose={() => setEditingId(null)} onHistory={() => { setEditingId(null); setHistoryId(editing.id); }} />
      )}
      {historyOf && <TargetHistory target={historyOf} onClose={() => setHistoryId(null)} />}
    </article>
  );
}

function TargetItem({ target: tg, status, statusOf, canWrite, onEdit, onHistory }: {
  target: TargetT; status: Status | undefined; statusOf: Map<number, Status>; canWrite: boolean; onEdit: () => void; onHistory: () => void;
}) {
  const { t } = useTranslation(['plans', 'targetForm', 'common']);
  const locale = useLocale();
  const goal = describeTarget(tg, locale);
  const horizons = horizonsOf(tg);
  const baseline = tg.baselineValue !== null ? `${formatMeasured(tg.baselineValue, tg.unit, locale) ?? tg.baselineValue}${tg.baselineYear ? ` (${tg.baselineYear})` : ''}` : null;
  return (
    <li className={css.planTarget} data-target-item={tg.code}>
      <div className={css.planTargetHead}>
        <Link className={clsx(css.planTargetCode, textCss.mono)} to={`/targets/${tg.id}`}>{tg.code}</Link>
        <strong className={css.planTargetName}>{indicatorName(tg.indicator, locale)}</strong>
        {status && <StatusBadge status={status} />}
      </div>
      <p className={css.planTargetGoal}>
        <span className={css.planTargetScope}>{tg.scope.label}</span>
        <strong data-target-goal>{goal.goal}</strong>
        {tg.stretchValue != null && <span data-target-stretch> {t('common:words.stretch', { value: formatMeasured(tg.stretchValue, tg.unit, locale) ?? tg.stretchValue })}</span>}
        <span className={textCss.muted}>· {goal.year}</span>
        {tg.comparator === 'about' && tg.tolerance !== null && <span className={textCss.muted}> · ±{Number((tg.tolerance * 100).toPrecision(12))}%</span>}
        {baseline && <span className={textCss.muted}> · {t('baseline', { value: baseline })}</span>}
      </p>
      {tg.quote && (
        <blockquote className={clsx(textCss.quote, css.planTargetQuote)}>
          “{tg.quote}”
          {(tg.quoteLocation || tg.quoteStart !== null) && <span className={textCss.quoteSource}>{[tg.quoteLocation, tg.quoteStart !== null ? t('span', { start: tg.quoteStart, end: tg.quoteEnd ?? '' }) : null].filter(Boolean).join(' · ')}</span>}
        </blockquote>
      )}
      {tg.note && <p className={textCss.muted}>{tg.note}</p>}
      {horizons && (
        <div className={css.horizons} aria-label={t('horizons')} data-horizons={`${horizons.earlier.code}>${horizons.later.code}`}>
          <Horizon link={horizons.earlier} status={statusOf.get(horizons.earlier.id)} self={horizons.earlier.id === tg.id} label={t('earlier')} />
          <span className={css.horizonsArrow} aria-hidden="true">→</span>
          <Horizon link={horizons.later} status={statusOf.get(horizons.later.id)} self={horizons.later.id === tg.id} label={t('later')} />
        </div>
      )}
      <div className={css.planTargetActions}>
        {canWrite && <button type="button" className={clsx(buttonCss.button, buttonCss.small, buttonCss.secondary)} onClick={onEdit} data-edit-target={tg.code}>{t('editTarget')}</button>}
        <button type="button" className={clsx(buttonCss.button, buttonCss.small, buttonCss.ghost)} onClick={onHistory} data-target-history={tg.code}>{t('history')}</button>
        <span className={clsx(textCss.muted, css.planTargetVersion)}>{t('targetVersion', { version: tg.version })}</span>
      </div>
    </li>
  );
}

function Horizon({ link, status, self, label }: { link: HorizonLink; status: Status | undefined; self: boolean; label: string }) {
  const { t } = useTranslation(['plans', 'targetForm', 'common']);
  const locale = useLocale();
  const goal = describeTarget({ ...link, scope: { kind: link.targetValue === null ? 'coverage' : 'park' } }, locale);
  return (
    <div className={self ? clsx(css.horizon, css.isSelf) : css.horizon} data-horizon={link.code}>
      <span className={clsx(css.horizonLabel, textCss.muted)}>{label} · {link.targetYear}</span>
      <span><Link to={`/targets/${link.id}`} className={textCss.mono}>{link.code}</Link> <strong>{goal.goal}</strong></span>
      {status ? <StatusBadge status={status} compact={false} /> : <span className={textCss.muted}>{t('noStatus')}</span>}
      {!self && <span className={clsx(css.horizonPlan, textCss.muted)}>{link.plan.title}</span>}
    </div>
  );
}

function EditPlan({ plan, reload, onDone }: { plan: PlanDetailT; reload: () => Promise<PlanDetailT | undefined>; onDone: () => void }) {
  const { t } = useTranslation(['plans', 'targetForm', 'common']);
  const queryClient = useQueryClient();
  const [form, setForm] = useState<PlanForm>(() => planFormOf(plan));
  const [problems, setProblems] = useState<{ field: string; message: string }[]>([]);
  const [nothing, setNothing] = useState(false);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => updatePlan(plan.id, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(planKey(plan.id), updated);
      void invalidateAfterWrite(queryClient);
      onDone();
    },
    onError: (err) => setProblems(err instanceof ApiWriteError ? err.details.map((d) => ({ field: d.path, message: d.message })) : []),
  });
  const conflict = save.error instanceof ApiWriteError && save.error.status === 409;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const issues = planIssues(planBody(form));
    setProblems(issues);
    if (issues.length) return;
    const patch = planPatch(plan, form);
    setNothing(Object.keys(patch).length === 0);
    if (Object.keys(patch).length) save.mutate({ ...patch, version: plan.version });
  };
  return (
    <form className={clsx(panelCss.panel, formCss.stack)} onSubmit={submit} aria-labelledby="plan-edit-title" data-plan-edit>
      <h3 id="plan-edit-title" className={panelCss.title}>{t('edit')}</h3>
      <PlanFields idPrefix="edit-plan" form={form} onChange={(patch) => setForm((f) => ({ ...f, ...patch }))} problems={problems} />
      {save.isError && (
        <div className={clsx(formCss.error, formCss.errorBlock)} role="alert" data-plan-error>
          <p>{save.error.message}</p>
          {conflict && <button type="button" className={clsx(buttonCss.button, buttonCss.small)} onClick={() => void reload()}>{t('reload')}</button>}
        </div>
      )}
      {nothing && <output className={clsx(noticeCss.notice, noticeCss.info)}>{t('nothingChanged')}</output>}
      <div className={pageCss.actions}>
        <button type="submit" className={buttonCss.button} disabled={save.isPending}>{save.isPending ? t('saving') : t('save')}</button>
        <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={onDone}>{t('cancel')}</button>
      </div>
    </form>
  );
}
