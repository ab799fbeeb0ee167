// Every change of a target, newest first: each field before → after, who, when and why.
import { useEffect, useRef } from 'react';
import type { TargetRevisionT, TargetT } from '../../../shared/schemas.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, useLocale, type WordKey } from '../../lib/i18n.ts';
import { formatWhen } from '../../lib/time.ts';
import { QueryState } from '../../lib/ui/States.tsx';
import { changeLines } from './model.ts';
import { useTargetHistory } from './queries.ts';
import { clsx } from 'clsx';
import * as css from './plans.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as drawerCss from '../../lib/ui/drawer.module.css';
import * as noticeCss from '../../lib/ui/notice.module.css';
import * as textCss from '../../lib/ui/text.module.css';

const COMPARATORS = ['at_least', 'more_than', 'about', 'at_most', 'less_than'] as const;
const isComparator = (text: string): text is (typeof COMPARATORS)[number] => (COMPARATORS as readonly string[]).includes(text);

const FIELD_LABEL: Record<string, WordKey<['plans', 'targetForm', 'common']>> = {
  indicator: 'targetForm:field.indicator', comparator: 'targetForm:field.comparator', targetValue: 'targetForm:field.targetValue', tolerance: 'targetForm:field.tolerance',
  targetYear: 'targetForm:field.targetYear', baselineYear: 'targetForm:field.baselineYear', baselineValue: 'targetForm:field.baselineValue', quote: 'targetForm:field.quote',
  quoteLocation: 'targetForm:field.quoteLocation', note: 'targetForm:plan.note', supersedesId: 'targetForm:field.supersedesId', scope: 'targetForm:field.scope',
  parkId: 'targetForm:field.parkId', regionCodes: 'targetForm:field.regionCodes', parkLevel: 'targetForm:field.parkLevel', unit: 'targetForm:field.unit',
};

export function TargetHistory({ target, onClose }: { target: TargetT; onClose: () => void }) {
  const { t } = useTranslation(['plans', 'targetForm', 'common']);
  const locale = useLocale();
  const dialog = useRef<HTMLDialogElement>(null);
  const history = useTargetHistory(target.id);
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);
  const title = t('historyTitle', { code: target.code, name: indicatorName(target.indicator, locale) });
  return (
    <dialog ref={dialog} className={drawerCss.drawer} aria-labelledby="th-title" onClose={onClose} data-target-history-dialog={target.code}>
      <header className={drawerCss.head}>
        <h3 id="th-title" className={drawerCss.title}>{title}</h3>
        <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => dialog.current?.close()}>{t('close')}</button>
      </header>
      <QueryState query={history} loadingLines={2}>
        {(revisions) => (
          <ol className={drawerCss.history} aria-label={title}>
            {revisions.toReversed().map((r) => <Revision key={r.version} revision={r} target={target} />)}
          </ol>
        )}
      </QueryState>
    </dialog>
  );
}

function Revision({ revision: r, target }: { revision: TargetRevisionT; target: TargetT }) {
  const { t } = useTranslation(['plans', 'targetForm', 'common']);
  const locale = useLocale();
  // codes in words: the indicator's name, the comparator as a policy says it
  const words = (field: string, text: string) => {
    if (field === 'indicator' && text === target.indicator.code) return indicatorName(target.indicator, locale);
    if (field === 'comparator' && isComparator(text)) return t(`targetForm:comparator.${text}`);
    return text;
  };
  const lines = changeLines(r).map((l) => ({ ...l, before: words(l.field, l.before), after: words(l.field, l.after) }));
  return (
    <li className={drawerCss.item} data-revision={r.version}>
      <p className={drawerCss.when}>
        <span className={noticeCss.tag}>{t('revision', { version: r.version })}</span>
        <span>{t(r.action === 'create' ? 'created' : 'changed')}</span>
        <time dateTime={r.changedAt}>{formatWhen(r.changedAt)}</time>
        <span data-changed-by>{r.changedBy}</span>
      </p>
      <ul className={css.historyChanges}>
        {lines.map((l) => (
          <li key={l.field} data-change={l.field}>
            <span className={textCss.muted}>{FIELD_LABEL[l.field] ? t(FIELD_LABEL[l.field]!) : l.field}: </span>
            {r.action === 'create'
              ? <strong>{l.after}</strong>
              : <><span className={drawerCss.old}>{l.before}</span><span aria-hidden="true"> → </span><span className={textCss.visuallyHidden}>{t('changedTo')}</span><strong>{l.after}</strong></>}
          </li>
        ))}
      </ul>
      {r.reason && <p className={drawerCss.why}><span className={textCss.muted}>{t('reason')}: </span>{r.reason}</p>}
    </li>
  );
}
