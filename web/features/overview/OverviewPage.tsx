// The first page: every target of /api/progress, grouped by plan, with a count per status on top.
import type { ProgressEntryT } from '../../../shared/schemas.ts';
import { countByStatus } from '../../lib/status.ts';
import { groupByPlan } from './model.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { TargetRow } from './TargetRow.tsx';
import { useProgress } from './useProgress.ts';

export function OverviewPage() {
  const progress = useProgress();
  const retry = () => void progress.refetch();

  if (progress.data === undefined) {
    if (progress.isError) return <ErrorState message={progress.error.message} onRetry={retry} retrying={progress.isFetching} />;
    return <LoadingState />;
  }
  if (progress.data.length === 0) return <EmptyState />;

  return (
    <>
      {progress.isError && (
        <div className="notice notice--warn" role="alert">
          <span>刷新失败：{progress.error.message}。下面是之前加载的数据。</span>
          <button type="button" className="button button--small" onClick={retry} disabled={progress.isFetching}>
            {progress.isFetching ? '正在重试…' : '重试'}
          </button>
        </div>
      )}
      <Summary entries={progress.data} />
      {groupByPlan(progress.data).map((group) => (
        <section key={group.plan.id} className="plan" aria-labelledby={`plan-${group.plan.id}`}>
          <h3 id={`plan-${group.plan.id}`} className="plan__title">
            {group.plan.title}
            <span className="plan__count">{group.entries.length} 个目标</span>
          </h3>
          <ul className="targets">
            {group.entries.map((entry) => <TargetRow key={entry.id} entry={entry} />)}
          </ul>
        </section>
      ))}
    </>
  );
}

function Summary({ entries }: { entries: readonly ProgressEntryT[] }) {
  return (
    <section className="summary" aria-labelledby="summary-title">
      <h2 id="summary-title" className="summary__title">
        全部目标 <span className="summary__total">共 {entries.length} 个</span>
      </h2>
      <ul className="summary__list">
        {countByStatus(entries).map(({ status, count }) => (
          <li key={status} className={count === 0 ? 'summary__item is-zero' : 'summary__item'} data-summary-status={status}>
            <StatusBadge status={status} />
            <span className="summary__count">{count}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function LoadingState() {
  return (
    <div className="state state--loading" aria-busy="true">
      <output className="state__text">正在加载目标进展…</output>
      <ul className="targets" aria-hidden="true">
        {[0, 1, 2].map((i) => (
          <li key={i} className="skeleton">
            <span className="skeleton__line skeleton__line--short" />
            <span className="skeleton__line" />
            <span className="skeleton__line skeleton__line--mid" />
          </li>
        ))}
      </ul>
    </div>
  );
}

function ErrorState({ message, onRetry, retrying }: { message: string; onRetry: () => void; retrying: boolean }) {
  return (
    <div className="state state--error" role="alert">
      <p className="state__title"><span aria-hidden="true">✖ </span>目标进展加载失败</p>
      <p className="state__text">{message}</p>
      <button type="button" className="button" onClick={onRetry} disabled={retrying}>
        {retrying ? '正在重试…' : '重试'}
      </button>
    </div>
  );
}

function EmptyState() {
  return (
    <div className="state state--empty">
      <p className="state__title">还没有目标</p>
      <p className="state__text">政策文件中的目标录入后，这里会按规划列出每个目标及其进展。</p>
    </div>
  );
}
