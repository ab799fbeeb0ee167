// 我的待办: what waits for the signed-in user. Park managers: the figures to enter or fix for their
// parks, with the round's deadline and whether it has passed; planners: the figures waiting for review.
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { Link } from 'react-router';
import { Task } from '../../../shared/schemas.ts';
import { getJson } from '../../lib/api.ts';
import { hasRole, REVIEWERS, WRITERS } from '../../lib/access.ts';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../lib/session.ts';
import { EmptyState, QueryState } from '../../lib/ui/States.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { sortTasks, taskLink, taskText } from './tasks.ts';

const tasksQuery = { queryKey: ['tasks'] as const, queryFn: ({ signal }: { signal: AbortSignal }) => getJson('/api/tasks', z.array(Task), { signal }) };

export default function TasksPage() {
  const { t } = useTranslation(['rounds', 'common']);
  useDocumentTitle(t('tasks.title'));
  const me = useMe();
  const tasks = useQuery(tasksQuery);
  const reviewer = hasRole(me.data, REVIEWERS);
  return (
    <div className="page tasks-page">
      <header className="page__head">
        <h2 className="page__title">{t('tasks.title')}</h2>
        <div className="page__actions">
          {hasRole(me.data, WRITERS) && <Link className="button button--ghost" to="/entry">{t('tasks.enter')}</Link>}
          {hasRole(me.data, WRITERS) && <Link className="button button--ghost" to="/import">{t('tasks.import')}</Link>}
          {reviewer && <Link className="button button--ghost" to="/review">{t('common:nav.review')}</Link>}
          {reviewer && <Link className="button button--ghost" to="/rounds">{t('common:nav.rounds')}</Link>}
        </div>
      </header>
      <QueryState query={tasks} loadingLines={2}
        renderEmpty={(list) => list.length === 0 ? (
          <EmptyState title={t('tasks.emptyTitle')}>
            <p>{reviewer ? t('tasks.emptyReviewer') : t('tasks.emptyManager')}</p>
          </EmptyState>
        ) : null}>
        {(list) => (
          <ul className="task-list" aria-label={t('tasks.title')}>
            {sortTasks(list).map((task) => {
              const text = taskText(task);
              return (
                <li key={`${task.kind}-${task.roundId}-${task.parkId}-${task.year}`} className={task.overdue ? 'task is-overdue' : 'task'} data-task={task.kind} data-task-park={task.parkId ?? undefined} data-task-year={task.year}>
                  <div className="task__main">
                    <span className={`task__kind task__kind--${task.kind}`}>{t(`tasks.kind.${task.kind}`)}</span>
                    <Link className="task__link" to={taskLink(task)}>{t(text.key, text.params)}</Link>
                  </div>
                  <div className="task__meta">
                    <span className="task__count" aria-label={t('tasks.countLabel', { count: task.count })}>{task.count}</span>
                    {task.deadline && <span>{t('tasks.deadline', { date: task.deadline })}</span>}
                    {task.overdue && <span className="overdue-tag" data-overdue><span aria-hidden="true">⚠ </span>{t('common:words.overdue')}</span>}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
    </div>
  );
}
