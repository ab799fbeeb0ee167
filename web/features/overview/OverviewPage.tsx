// The home page: one card per target of the chosen province, plan and horizon, a count per status on top.
import { lazy, Suspense } from 'react';
import type { Status } from '../../../shared/progress.ts';
import type { MetaT, OverviewEntryT } from '../../../shared/schemas.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { sharedSearch, useFilters } from '../../lib/filters.ts';
import { useTranslation } from 'react-i18next';
import { statusWord, useLocale } from '../../lib/i18n.ts';
import { useMeta, useOverview } from '../../lib/queries.ts';
import { hasRole, REPORTERS } from '../../lib/access.ts';
import { useMe } from '../../lib/session.ts';
import { countByStatus } from '../../lib/status.ts';
import { FilterBar } from '../../lib/ui/FilterBar.tsx';
import { EmptyState, QueryState } from '../../lib/ui/States.tsx';
import { StatusBadge } from '../../lib/ui/StatusBadge.tsx';
import { groupByPlan } from './model.ts';
import { OverviewGuide } from './OverviewGuide.tsx';
import { TargetCard } from './TargetCard.tsx';
import { clsx } from 'clsx';
import * as css from './overview.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import * as summaryCss from '../../lib/ui/summary.module.css';
import './words.ts';

// Only planners and admins get the report button: its code loads for them, not with every visitor's first page.
const ReportButton = lazy(() => import('../../lib/ui/ReportButton.tsx').then((m) => ({ default: m.ReportButton })));

export function OverviewPage() {
  const { t } = useTranslation(['overview', 'common']);
  const meta = useMeta();
  useDocumentTitle(t('title'));
  return (
    <QueryState query={meta}>
      {(m) => <Overview meta={m} />}
    </QueryState>
  );
}

function Overview({ meta }: { meta: MetaT }) {
  const { t } = useTranslation(['overview', 'common']);
  const { filters, params, set } = useFilters(meta);
  const overview = useOverview(filters);
  const only = params.get('status') as Status | null;
  const province = meta.provinces.find((p) => p.code === filters.province);
  const reporter = hasRole(useMe().data, REPORTERS);

  return (
    <div className={pageCss.page}>
      <div className={pageCss.head}>
        <h2 className={pageCss.title}>{t('title')}{province && <span className={pageCss.context}> · {province.name}</span>}</h2>
        <div className={pageCss.actions}>
          {reporter && (
            <Suspense fallback={null}>
              <ReportButton province={filters.province} plan={filters.plan} targetYear={filters.horizon} basis={filters.basis} />
            </Suspense>
          )}
          <button type="button" className={clsx(buttonCss.button, buttonCss.ghost, 'no-print')} onClick={() => window.print()}>{t('common:chart.print')}</button>
        </div>
      </div>
      <FilterBar meta={meta} fields={['province', 'plan', 'horizon', 'basis']} />
      <QueryState
        query={overview}
        renderEmpty={(entries) => (entries.length === 0 ? <EmptyState title={t('emptyTitle')}><p>{t('emptyText')}</p></EmptyState> : null)}
      >
        {(entries) => (
          <>
            <Summary entries={entries} only={only} onPick={(s) => set({ status: s === only ? null : s })} />
            <OverviewGuide entries={entries} currentYear={meta.currentYear} />
            {groupByPlan(entries.filter((e) => !only || e.status === only)).map((group) => (
              <section key={group.plan.id} className={css.plan} aria-labelledby={`plan-${group.plan.id}`}>
                <h3 id={`plan-${group.plan.id}`} className={css.planTitle} data-testid="plan-title">
                  {group.plan.title}
                  <span className={css.planCount}>{t('summary', { count: group.entries.length })}</span>
                </h3>
                <ul className={css.cards}>
                  {group.entries.map((entry) => <TargetCard key={entry.id} entry={entry as OverviewEntryT} search={sharedSearch(params)} />)}
                </ul>
              </section>
            ))}
          </>
        )}
      </QueryState>
    </div>
  );
}

function Summary({ entries, only, onPick }: { entries: readonly OverviewEntryT[]; only: Status | null; onPick: (s: Status) => void }) {
  const { t } = useTranslation(['overview', 'common']);
  const locale = useLocale();
  return (
    <section className={summaryCss.summary} aria-labelledby="summary-title">
      <h3 id="summary-title" className={summaryCss.title}>{t('summary', { count: entries.length })}</h3>
      <ul className={summaryCss.list}>
        {countByStatus(entries).map(({ status, count }) => (
          <li key={status} className={count === 0 ? clsx(summaryCss.item, summaryCss.isZero) : summaryCss.item} data-summary-status={status}>
            <button type="button" className={summaryCss.button} aria-pressed={only === status} disabled={count === 0} onClick={() => onPick(status)}
              aria-label={`${statusWord(status, locale)} ${count}`}>
              <StatusBadge status={status} />
              <span className={summaryCss.count} data-testid="summary-count">{count}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
