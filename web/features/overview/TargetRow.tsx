import type { CSSProperties } from 'react';
import type { ProgressEntryT } from '../../../shared/schemas.ts';
import { describeLatest, describeTarget } from '../../lib/format.ts';
import { statusLook } from '../../lib/status.ts';
import { entryNotes, sourceTitle } from './model.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** One target: what, for whom, the goal, the latest figure, the status, and the policy's words. */
export function TargetRow({ entry }: { entry: ProgressEntryT }) {
  const look = statusLook(entry.status);
  const target = describeTarget(entry);
  const latest = describeLatest(entry);
  const notes = entryNotes(entry);
  const source = sourceTitle(entry.source);
  const style = { '--status-color': look.color, '--status-bg': look.background } as CSSProperties;

  return (
    <li className="target" data-target-code={entry.code} data-status={entry.status} style={style}>
      <span className="target__code">{entry.code}</span>
      <div className="target__what">
        <h4 className="target__name">{entry.indicator.nameZh}</h4>
        <p className="target__scope">{entry.scope.label}</p>
      </div>
      <dl className="target__figures">
        <div className="figure">
          <dt>目标</dt>
          <dd title={target.spoken}>
            <span className="figure__value">{target.goal}</span> <span className="figure__year">· {target.year}</span>
          </dd>
        </div>
        <div className="figure">
          <dt>最新</dt>
          <dd>
            {latest === null ? <span className="figure__none">暂无数据</span> : (
              <>
                <span className="figure__value">{latest.value}</span>
                {latest.year !== null && <> <span className="figure__year">· {latest.year}</span></>}
              </>
            )}
          </dd>
        </div>
      </dl>
      <div className="target__status">
        <StatusBadge status={entry.status} />
      </div>
      {notes.length > 0 && (
        <ul className="target__notes">
          {notes.map((note) => (
            <li key={note.text} className={`note note--${note.tone}`} title={note.title}>{note.text}</li>
          ))}
        </ul>
      )}
      {entry.quote ? (
        <blockquote className="target__quote" title={source}>“{entry.quote}”</blockquote>
      ) : source ? (
        <p className="target__quote">{source}</p>
      ) : null}
    </li>
  );
}
