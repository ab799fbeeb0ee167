// Every change of a target, newest first: each field before → after, who, when and why.
import { useEffect, useRef } from 'react';
import type { TargetRevisionT, TargetT } from '../../../shared/schemas.ts';
import { indicatorName, useT, type MessageKey } from '../../lib/i18n.ts';
import { formatWhen } from '../../lib/time.ts';
import { QueryState } from '../../lib/ui/States.tsx';
import { changeLines } from './model.ts';
import { useTargetHistory } from './queries.ts';

const COMPARATORS = new Set(['at_least', 'more_than', 'about', 'at_most', 'less_than']);

const FIELD_LABEL: Record<string, MessageKey> = {
  indicator: 'plans.field.indicator', comparator: 'plans.field.comparator', targetValue: 'plans.field.targetValue', tolerance: 'plans.field.tolerance',
  targetYear: 'plans.field.targetYear', baselineYear: 'plans.field.baselineYear', baselineValue: 'plans.field.baselineValue', quote: 'plans.field.quote',
  quoteLocation: 'plans.field.quoteLocation', note: 'plans.field.note', supersedesId: 'plans.field.supersedesId', scope: 'plans.field.scope',
  parkId: 'plans.field.parkId', regionCodes: 'plans.field.regionCodes', parkLevel: 'plans.field.parkLevel', unit: 'plans.field.unit',
};

export function TargetHistory({ target, onClose }: { target: TargetT; onClose: () => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const history = useTargetHistory(target.id);
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);
  const title = t('plans.historyTitle', { code: target.code, name: indicatorName(target.indicator, t.locale) });
  return (
    <dialog ref={dialog} className="drawer" aria-labelledby="th-title" onClose={onClose} data-target-history-dialog={target.code}>
      <header className="drawer__head">
        <h3 id="th-title" className="drawer__title">{title}</h3>
        <button type="button" className="button button--ghost" onClick={() => dialog.current?.close()}>{t('plans.close')}</button>
      </header>
      <QueryState query={history} loadingLines={2}>
        {(revisions) => (
          <ol className="history" aria-label={title}>
            {revisions.toReversed().map((r) => <Revision key={r.version} revision={r} target={target} />)}
          </ol>
        )}
      </QueryState>
    </dialog>
  );
}

function Revision({ revision: r, target }: { revision: TargetRevisionT; target: TargetT }) {
  const t = useT();
  // codes in words: the indicator's name, the comparator as a policy says it
  const words = (field: string, text: string) => {
    if (field === 'indicator' && text === target.indicator.code) return indicatorName(target.indicator, t.locale);
    if (field === 'comparator' && COMPARATORS.has(text)) return t(`extract.comparator.${text}` as MessageKey);
    return text;
  };
  const lines = changeLines(r).map((l) => ({ ...l, before: words(l.field, l.before), after: words(l.field, l.after) }));
  return (
    <li className="history__item" data-revision={r.version}>
      <p className="history__when">
        <span className="tag">{t('plans.revision', { version: r.version })}</span>
        <span>{t(r.action === 'create' ? 'plans.created' : 'plans.changed')}</span>
        <time dateTime={r.changedAt}>{formatWhen(r.changedAt)}</time>
        <span data-changed-by>{r.changedBy}</span>
      </p>
      <ul className="history__changes">
        {lines.map((l) => (
          <li key={l.field} data-change={l.field}>
            <span className="muted">{FIELD_LABEL[l.field] ? t(FIELD_LABEL[l.field]!) : l.field}: </span>
            {r.action === 'create'
              ? <strong>{l.after}</strong>
              : <><span className="history__old">{l.before}</span><span aria-hidden="true"> → </span><span className="visually-hidden">{t('plans.changedTo')}</span><strong>{l.after}</strong></>}
          </li>
        ))}
      </ul>
      {r.reason && <p className="history__why"><span className="muted">{t('plans.reason')}: </span>{r.reason}</p>}
    </li>
  );
}
