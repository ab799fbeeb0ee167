// 我的待办: what waits for the signed-in user. Park managers: the figures to enter or fix for their
// parks (each figure sent back with the reviewer's comment, whether or not a round is open), with the
// round's deadline and whether it has passed; planners: the figures waiting for review, rounds overdue.
import { Link } from 'react-router';
import { hasRole, REVIEWERS, WRITERS } from '../../lib/access.ts';
import { exactMeasured } from '../../lib/exact.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, useLocale } from '../../lib/i18n.ts';
import { useTasks } from '../../lib/queries.ts';
import { useMe } from '../../lib/session.ts';
import { formatWhen } from '../../lib/time.ts';
import { EmptyState, QueryState } from '../../lib/ui/States.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { sortTasks, taskLink, taskText, type TaskT } from './tasks.ts';
import { clsx } from 'clsx';
import * as css from './rounds.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as noticeCss from '../../lib/ui/notice.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import './words.ts';

export default function TasksPage() {
  const { t } = useTranslation(['rounds', 'common']);
  useDocumentTitle(t('tasks.title'));
  const me = useMe();
  const tasks = useTasks(true);
  const reviewer = hasRole(me.data, REVIEWERS);
  return (
    <div className={pageCss.page}>
      <header className={pageCss.head}>
        <h2 className={pageCss.title}>{t('tasks.title')}</h2>
        <div className={pageCss.actions}>
          {hasRole(me.data, WRITERS) && <Link className={clsx(buttonCss.button, buttonCss.ghost)} to="/entry">{t('tasks.enter')}</Link>}
          {hasRole(me.data, WRITERS) && <Link className={clsx(buttonCss.button, buttonCss.ghost)} to="/import">{t('tasks.import')}</Link>}
          {reviewer && <Link className={clsx(buttonCss.button, buttonCss.ghost)} to="/review">{t('common:nav.review')}</Link>}
          {reviewer && <Link className={clsx(buttonCss.button, buttonCss.ghost)} to="/rounds">{t('common:nav.rounds')}</Link>}
        </div>
      </header>
      <QueryState query={tasks} loadingLines={2}
        renderEmpty={(list) => list.length === 0 ? (
          <EmptyState title={t('tasks.emptyTitle')}>
            <p>{reviewer ? t('tasks.emptyReviewer') : t('tasks.emptyManager')}</p>
          </EmptyState>
        ) : null}>
        {(list) => (
          <ul className={css.taskList} aria-label={t('tasks.title')}>
            {sortTasks(list).map((task) => {
              const text = taskText(task);
              return (
                <li key={`${task.kind}-${task.roundId}-${task.parkId}-${task.year}`} className={task.overdue ? clsx(css.task, css.isOverdue) : css.task} data-task={task.kind} data-task-park={task.parkId ?? undefined} data-task-year={task.year}>
                  <div className={css.taskMain}>
                    <span className={clsx(css.taskKind, task.kind === 'fix_returned' && css.taskKindFixReturned)}>{t(`tasks.kind.${task.kind}`)}</span>
                    <Link className={css.taskLink} to={taskLink(task)}>{t(text.key, text.params)}</Link>
                  </div>
                  <div className={css.taskMeta}>
                    <span className={css.taskCount} aria-label={t('tasks.countLabel', { count: task.count })}>{task.count}</span>
                    {task.deadline && <span>{t('tasks.deadline', { date: task.deadline })}</span>}
                    {task.overdue && <span className={noticeCss.overdue} data-overdue><span aria-hidden="true">⚠ </span>{t('common:words.overdue')}</span>}
                  </div>
                  {task.returned && task.returned.length > 0 && <ReturnedFigures task={task} />}
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
    </div>
  );
}

/** Each figure sent back: what was entered, the reviewer's comment, and a link to its row in the form. */
function ReturnedFigures({ task }: { task: TaskT }) {
  const { t } = useTranslation(['rounds', 'common']);
  const locale = useLocale();
  return (
    <ul className={css.returnedList}>
      {task.returned!.map((f) => (
        <li key={f.valueId} className={css.returnedItem} data-returned={f.indicatorCode}>
          <span className={css.returnedName}>{indicatorName(f, locale)}</span>
          <span className={css.returnedValue}>{t('tasks.returnedValue', { value: exactMeasured(f.value, f.unit, locale) })}</span>
          <q className={css.returnedComment} data-returned-comment>{f.comment}</q>
          {f.reviewedBy && <span className={css.returnedWho}>{t('tasks.returnedBy', { who: f.reviewedBy })}{f.reviewedAt ? ` · ${formatWhen(f.reviewedAt)}` : ''}</span>}
          <Link className={css.returnedFix} to={`/entry/${task.parkId}/${task.year}?field=${encodeURIComponent(f.indicatorCode)}`}>{t('tasks.fixThis')}</Link>
        </li>
      ))}
    </ul>
  );
}
