// The entry form of one park and year: every figure the park reports with its unit and last year's
// value beside it, its state (草稿 / 已提交 / 已通过, or 已退回 with the planner's comment), a note, the
// targets it feeds, and the ratios computed live from the rows. 保存草稿 and 提交审核 send one batch with
// each row's version; what the API refuses is shown on its row — a figure someone changed meanwhile
// shows its current value and can be reloaded, never overwritten.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ValueProblemT } from '../../../shared/schemas.ts';
import { figureState } from '../../lib/figureState.ts';
import { exactMeasured, numberText } from '../../lib/exact.ts';
import { formatMeasured, joinNames } from '../../../shared/format.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, useLocale, type WordKey } from '../../lib/i18n.ts';
import { ApiWriteError, invalidateAfterWrite, useMe } from '../../lib/session.ts';
import { formatWhen } from '../../lib/time.ts';
import { FigureStateBadge } from '../../lib/ui/FigureStateBadge.tsx';
import { EmptyState, QueryState } from '../../lib/ui/States.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { HistoryDialog } from './HistoryDialog.tsx';
import { LockNote } from './LockNote.tsx';
import {
  applyWritten, buildBatch, changedCount, checkBatch, comparedYear, conflictOf, draftOf, editRow, isChanged, liveRatios, needsConfirmation, plausibilityOf,
  problemsByRow, unitChoices, valueInIndicatorUnit, withoutWritten, type Batch, type Edits, type RowDraft, type RowIssue, type Sheet, type SheetRow,
} from './model.ts';
import { entryKey, putValues, useEntrySheet, useValueCheck } from './queries.ts';
import { clsx } from 'clsx';
import * as css from './entry.module.css';
import * as actionBarCss from '../../lib/ui/actionBar.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as drawerCss from '../../lib/ui/drawer.module.css';
import * as formCss from '../../lib/ui/form.module.css';
import * as noticeCss from '../../lib/ui/notice.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import * as panelCss from '../../lib/ui/panel.module.css';
import * as textCss from '../../lib/ui/text.module.css';
import './words.ts';

export default function EntryPage() {
  const { t } = useTranslation(['entry', 'common']);
  const params = useParams();
  const parkId = Number(params.parkId);
  const year = Number(params.year);
  const valid = Number.isInteger(parkId) && parkId > 0 && Number.isInteger(year) && year >= 1980 && year <= 2100;
  const sheet = useEntrySheet(parkId, year, valid);
  useDocumentTitle(sheet.data ? t('pageTitle', { park: sheet.data.park.name, year }) : t('title'));
  if (!valid) return <EmptyState title={t('notFound')}><p><Link to="/entry">{t('backToPicker')}</Link></p></EmptyState>;
  return (
    <QueryState query={sheet} loadingLines={4}>
      {(data) => <EntryForm key={`${parkId}-${year}`} sheet={data} reload={() => sheet.refetch()} />}
    </QueryState>
  );
}

/** Unsaved edits survive a reload of the page (or a sign-in again) in this tab. */
function storageKey(sheet: Sheet) {
  return `mubiao.entry.${sheet.park.id}.${sheet.year}`;
}

function readStoredEdits(sheet: Sheet): Edits {
  try {
    const text = globalThis.sessionStorage?.getItem(storageKey(sheet));
    const parsed = text ? (JSON.parse(text) as Edits) : {};
    const codes = new Set(sheet.rows.map((r) => r.indicator.code));
    return Object.fromEntries(Object.entries(parsed).filter(([code]) => codes.has(code)));
  } catch {
    return {};
  }
}

type Outcome = { kind: 'saved' | 'submitted' | 'nothing'; count: number };

function EntryForm({ sheet, reload }: { sheet: Sheet; reload: () => Promise<unknown> }) {
  const { t } = useTranslation(['entry', 'common']);
  const locale = useLocale();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const [edits, setEdits] = useState<Edits>(() => (sheet.canWrite ? readStoredEdits(sheet) : {}));
  const [reason, setReason] = useState('');
  const [issues, setIssues] = useState<Batch['issues']>({});
  const [problems, setProblems] = useState<Record<string, ValueProblemT[]>>({});
  const [error, setError] = useState<Error | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [historyOf, setHistoryOf] = useState<SheetRow | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const readOnly = !sheet.canWrite;
  // ?field=gdp (from 我的待办): that row is highlighted and brought into view, its comment beside it.
  const focusedField = useSearchParams()[0].get('field');

  useEffect(() => {
    try {
      if (Object.keys(edits).length) globalThis.sessionStorage?.setItem(storageKey(sheet), JSON.stringify(edits));
      else globalThis.sessionStorage?.removeItem(storageKey(sheet));
    } catch {
      // storage full or blocked: edits stay in memory
    }
  }, [edits, sheet]);

  const ratios = useMemo(() => liveRatios(sheet, edits), [sheet, edits]);
  const unsaved = changedCount(sheet, edits);
  // The plausibility checks of what is typed, as the user types (debounced): the same as a save would meet.
  const checkItems = useMemo(() => checkBatch(sheet, edits).items, [sheet, edits]);
  const check = useValueCheck(checkItems, !readOnly);
  const live = useMemo(() => {
    if (!check.data || checkItems.length === 0) return {};
    const sent = check.data.items;
    const byRow = problemsByRow(check.data.problems, sent.map((i) => i.indicator));
    // Only rows still typed as they were checked: a row changed since waits for its own check.
    const current = new Map(checkItems.map((i) => [i.indicator, JSON.stringify(i)]));
    return Object.fromEntries(Object.entries(byRow).filter(([code]) => current.get(code) === JSON.stringify(sent.find((i) => i.indicator === code))).map(([code, ps]) => [code, plausibilityOf(ps)]));
  }, [check.data, checkItems]);

  const save = useMutation({
    mutationFn: ({ batch, status }: { batch: Batch; status: 'draft' | 'submitted' }) => putValues(batch.items, status, reason.trim() || undefined),
    onSuccess: (result, { batch, status }) => {
      const notes = Object.fromEntries(batch.items.map((i) => [i.indicator, i.note]));
      queryClient.setQueryData(entryKey(sheet.park.id, sheet.year), (old: Sheet | undefined) => old && applyWritten(old, result.written, notes, me?.username ?? '', new Date().toISOString()));
      setEdits((e) => withoutWritten(e, batch.codes));
      setReason('');
      setOutcome({ kind: status === 'submitted' ? 'submitted' : 'saved', count: result.written.filter((w) => w.changed).length });
      void invalidateAfterWrite(queryClient);
    },
    onError: (err, { batch }) => {
      setProblems(err instanceof ApiWriteError ? problemsByRow(err.problems, batch.codes) : {});
      setError(err);
    },
  });

  // Bring the message into view when a save is refused.
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = (status: 'draft' | 'submitted') => {
    const batch = buildBatch(sheet, edits, status);
    setIssues(batch.issues);
    setProblems({});
    setOutcome(null);
    if (Object.keys(batch.issues).length) {
      setError(new Error(t('fixFirst')));
      return;
    }
    setError(null);
    if (batch.items.length === 0) {
      setOutcome({ kind: 'nothing', count: 0 });
      return;
    }
    save.mutate({ batch, status });
  };

  const change = (row: SheetRow, patch: Partial<Omit<RowDraft, 'base'>>) => {
    setEdits((e) => editRow(e, row, patch));
    setOutcome(null);
  };

  /** Drops the row's edit and loads the figure as it is stored now. */
  const reloadRow = async (code: string) => {
    setEdits((e) => withoutWritten(e, [code]));
    setProblems((p) => Object.fromEntries(Object.entries(p).filter(([c]) => c !== code)));
    await reload();
  };

  const park = sheet.park;
  const counts = countStates(sheet);
  const general = problems[''] ?? [];
  return (
    <article className={pageCss.page} data-entry-page={`${park.id}-${sheet.year}`} data-can-write={sheet.canWrite}>
      <nav className={clsx(pageCss.breadcrumb, 'no-print')}><Link to={`/entry?year=${sheet.year}`}>← {t('backToPicker')}</Link></nav>
      <header className={pageCss.detailHead}>
        <div className={pageCss.main}>
          <p className={pageCss.kicker}>{[park.cityName, t(`common:level.${park.level}`)].filter(Boolean).join(' · ')}</p>
          <h2 className={pageCss.title}><span data-entry-park>{park.name}</span> <span className={pageCss.context}>{t('yearTitle', { year: sheet.year })}</span></h2>
          <p className={pageCss.scope}>
            {sheet.round
              ? <>{t('deadline', { date: sheet.round.deadline })}{sheet.round.overdue && <span className={noticeCss.overdue}><span aria-hidden="true">⚠ </span>{t('common:words.overdue')}</span>}</>
              : t('noRound')}
          </p>
        </div>
        <div className={clsx(pageCss.side, css.entryHeadSide)}>
          <Link className={clsx(buttonCss.button, buttonCss.ghost)} to={`/entry/${park.id}/${sheet.year - 1}`} aria-label={t('yearTitle', { year: sheet.year - 1 })}>← {sheet.year - 1}</Link>
          <Link className={clsx(buttonCss.button, buttonCss.ghost)} to={`/entry/${park.id}/${sheet.year + 1}`} aria-label={t('yearTitle', { year: sheet.year + 1 })}>{sheet.year + 1} →</Link>
          <Link className={clsx(buttonCss.button, buttonCss.ghost)} to={`/parks/${park.id}`}>{t('viewPark')}</Link>
        </div>
      </header>

      {readOnly && (
        <p className={clsx(noticeCss.notice, noticeCss.info)} role="note" data-read-only>
          {me?.role === 'viewer' ? t('readOnlyViewer') : me?.role === 'city_reviewer' ? t('readOnlyReviewer') : t('readOnly')}
        </p>
      )}

      <p className={css.entryCounts} aria-label={t('countsLabel')}>
        {(['missing', 'draft', 'returned', 'submitted', 'approved'] as const).map((s) => (
          <span key={s} className={css.entryCountsItem} data-count-state={s}><FigureStateBadge state={s} /> <strong>{counts[s]}</strong></span>
        ))}
      </p>

      {error && (
        <div className={clsx(formCss.error, formCss.errorBlock)} role="alert" tabIndex={-1} ref={errorRef} data-entry-error>
          <p><span aria-hidden="true">✖ </span>{error.message}</p>
          {error instanceof ApiWriteError && error.status === 409 && <p>{t('conflictHelp')}</p>}
          {general.length > 0 && <ul>{general.map((p, i) => <li key={i}>{p.message}</li>)}</ul>}
        </div>
      )}
      {outcome && (
        <output className={outcome.kind === 'nothing' ? clsx(noticeCss.notice, noticeCss.info) : clsx(noticeCss.notice, noticeCss.ok)} data-entry-outcome={outcome.kind}>
          {outcome.kind === 'nothing' ? t('nothingToSave') : t(outcome.kind === 'submitted' ? 'submittedCount' : 'savedCount', { count: outcome.count })}
        </output>
      )}

      <section className={panelCss.panel} aria-labelledby="entry-rows-title">
        <h3 id="entry-rows-title" className={panelCss.title}>{t('figures')}</h3>
        <div className={css.entryGridHead} aria-hidden="true">
          <span>{t('common:col.indicator')}</span><span>{t('common:col.lastYear')}</span><span>{t('col.value', { year: sheet.year })}</span>
          <span>{t('col.state')}</span><span>{t('common:col.note')}</span><span>{t('col.targets')}</span>
        </div>
        <fieldset className={css.entryRows} disabled={save.isPending}>
          <legend className={textCss.visuallyHidden}>{t('figures')}</legend>
          <ul>
            {sheet.rows.map((row) => (
              <EntryRow
                key={row.indicator.code} row={row} year={sheet.year} draft={draftOf(row, edits)} touched={!!edits[row.indicator.code]}
                readOnly={readOnly || !!row.current?.locked} issues={issues[row.indicator.code]} problems={problems[row.indicator.code]} live={live[row.indicator.code]}
                onChange={(patch) => change(row, patch)} onHistory={() => setHistoryOf(row)} onReload={() => void reloadRow(row.indicator.code)}
                focused={focusedField === row.indicator.code}
              />
            ))}
          </ul>
        </fieldset>
      </section>

      {ratios.length > 0 && (
        <section className={panelCss.panel} aria-labelledby="entry-derived-title" data-derived>
          <h3 id="entry-derived-title" className={panelCss.title}>{t('derivedTitle')}</h3>
          <p className={panelCss.subtitle}>{t('derivedText')}</p>
          <ul className={css.derivedList}>
            {ratios.map((r) => {
              const nameOf = (code: string) => {
                const row = sheet.rows.find((x) => x.indicator.code === code);
                return row ? indicatorName(row.indicator, locale) : code;
              };
              return (
                <li key={r.code} className={css.derived} data-derived-ratio={r.code}>
                  <span className={css.derivedName}>{indicatorName(r, locale)}</span>
                  <output className={css.derivedValue} data-derived-value aria-live="polite">{r.value === null ? '—' : formatMeasured(r.value, r.unit, locale)}</output>
                  <span className={clsx(css.derivedFormula, textCss.muted)}>{nameOf(r.numerator)} ÷ {nameOf(r.denominator)}</span>
                  {r.value === null && <span className={clsx(css.derivedMissing, textCss.muted)}>{t('derivedMissing', { parts: joinNames(r.missing.map(nameOf), locale) })}</span>}
                  {r.lastYear && <span className={textCss.muted}>{t('lastYearValue', { year: r.lastYear.year, value: formatMeasured(r.lastYear.value, r.unit, locale) ?? '—' })}</span>}
                  {r.targets.length > 0 && <TargetLinks targets={r.targets} />}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {!readOnly && (
        <div className={clsx(actionBarCss.bar, 'no-print')} data-entry-actions data-action-bar>
          <div className={formCss.formField}>
            <label htmlFor="entry-reason" className={formCss.label}>{t('common:words.reasonLabel')}</label>
            <input id="entry-reason" className={formCss.control} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} placeholder={t('common:words.reasonPlaceholder')} />
          </div>
          <p className={clsx(actionBarCss.status, textCss.muted)} aria-live="polite">{unsaved ? t('unsaved', { count: unsaved }) : t('allSaved')}</p>
          <div className={actionBarCss.buttons}>
            <button type="button" className={clsx(buttonCss.button, buttonCss.secondary)} onClick={() => submit('draft')} disabled={save.isPending} data-save-draft>
              {save.isPending && save.variables?.status === 'draft' ? t('saving') : t('saveDraft')}
            </button>
            <button type="button" className={buttonCss.button} onClick={() => submit('submitted')} disabled={save.isPending} data-submit>
              {save.isPending && save.variables?.status === 'submitted' ? t('saving') : t('submit')}
            </button>
          </div>
        </div>
      )}

      {historyOf?.current && (
        <HistoryDialog valueId={historyOf.current.id} title={indicatorName(historyOf.indicator, locale)} unit={historyOf.indicator.unit} onClose={() => setHistoryOf(null)} />
      )}
    </article>
  );
}

function countStates(sheet: Sheet) {
  const counts = { missing: 0, draft: 0, returned: 0, submitted: 0, city_approved: 0, approved: 0 };
  for (const row of sheet.rows) counts[figureState(row.current && { status: row.current.status, returned: !!row.current.reviewComment })] += 1;
  return counts;
}

function TargetLinks({ targets }: { targets: { id: number; code: string }[] }) {
  const { t } = useTranslation(['entry', 'common']);
  return (
    <span className={css.targetLinks} aria-label={t('col.targets')}>
      {targets.map((tg) => <Link key={tg.id} className={css.targetLink} to={`/targets/${tg.id}`} data-target-link={tg.code}>{tg.code}</Link>)}
    </span>
  );
}

const ISSUE_TEXT: Record<RowIssue['code'], WordKey<'entry'>> = {
  not_a_number: 'issue.notNumber',
  cannot_clear: 'issue.cannotClear',
  note_required: 'issue.noteRequired',
  unit: 'issue.unit',
};

interface RowProps {
  row: SheetRow;
  year: number;
  draft: RowDraft;
  touched: boolean;
  readOnly: boolean;
  issues: RowIssue[] | undefined;
  problems: ValueProblemT[] | undefined;
  /** What the live check says about the row as typed now. */
  live: ValueProblemT[] | undefined;
  onChange: (patch: Partial<Omit<RowDraft, 'base'>>) => void;
  onHistory: () => void;
  onReload: () => void;
  focused?: boolean;
}

function EntryRow({ row, year, draft, touched, readOnly, issues, problems, live, onChange, onHistory, onReload, focused = false }: RowProps) {
  const { t } = useTranslation(['entry', 'common']);
  const locale = useLocale();
  const { indicator, current, lastYear } = row;
  const code = indicator.code;
  const name = indicatorName(indicator, locale);
  const id = `entry-${code}`;
  const choices = unitChoices(indicator.unit);
  const value = valueInIndicatorUnit(draft, indicator.unit);
  const changed = touched && isChanged(row, draft);
  const conflict = conflictOf(problems);
  // The live check's problems of the row as typed; a save's own problems besides them (a version, a permission).
  const liveProblems = changed ? live ?? [] : [];
  const saved = (problems ?? []).filter((p) => p !== conflict && !liveProblems.some((l) => l.code === p.code));
  const shown = [...liveProblems, ...saved];
  const against = comparedYear(shown);
  const showConfirm = !readOnly && (needsConfirmation(shown) || draft.confirm);
  const messages = (issues ?? []).map((i) => t(ISSUE_TEXT[i.code]));
  const hasProblem = messages.length > 0 || shown.length > 0 || !!conflict;
  const state = figureState(current && { status: current.status, returned: !!current.reviewComment });
  const style = hasProblem ? ({ '--row-accent': '#b3261e' } as CSSProperties) : undefined;
  const describedBy = [hasProblem ? `${id}-problems` : null, conflict ? `${id}-conflict` : null, focused && current?.reviewComment ? `${id}-comment` : null].filter(Boolean).join(' ') || undefined;
  const rowRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!focused) return;
    rowRef.current?.scrollIntoView({ block: 'center' });
    rowRef.current?.querySelector<HTMLInputElement>('input[data-value-input]')?.focus({ preventScroll: true });
  }, [focused]);

  return (
    <li ref={rowRef} className={clsx(css.entryRow, focused && css.isFocused, hasProblem && css.hasProblem, changed && css.isChanged)} style={style}
      data-entry-row={code} data-state={state} data-changed={changed || undefined} data-focused={focused || undefined}>
      <div className={css.entryRowIndicator}>
        <span className={css.entryRowName} id={`${id}-name`}>{name}</span>
        <span className={css.entryRowCode}>{t('unitLine', { unit: indicator.unit })}</span>
        {indicator.definitionZh && locale === 'zh' && <span className={css.entryRowDef}>{indicator.definitionZh}</span>}
      </div>
      <div className={css.entryRowLast} data-last-year={lastYear?.value} data-testid="last-year">
        <span className={css.entryRowLabel}>{lastYear ? (lastYear.year === year - 1 ? t('lastYearLabel', { year: lastYear.year }) : t('latestBeforeLabel')) : t('common:col.lastYear')}</span>
        <span className={css.entryRowLastvalue}>{lastYear ? t('lastYearFigure', { year: lastYear.year, value: exactMeasured(lastYear.value, indicator.unit, locale) }) : t('none')}</span>
      </div>
      <div className={css.entryRowValue}>
        <label className={css.entryRowLabel} htmlFor={`${id}-value`}>{t('col.value', { year })}</label>
        <div className={formCss.valueInput}>
          <input id={`${id}-value`} className={clsx(formCss.control, formCss.valueNumber)} inputMode="decimal" autoComplete="off" value={draft.input}
            readOnly={readOnly} aria-invalid={hasProblem || undefined} aria-describedby={describedBy}
            aria-label={t('valueLabel', { name, year })} onChange={(e) => onChange({ input: e.target.value })} data-value-input={code} />
          {choices.length > 1 && !readOnly
            ? (
              <select className={clsx(formCss.control, formCss.valueUnit)} value={draft.unit} aria-label={t('unitLabel', { name })} onChange={(e) => onChange({ unit: e.target.value })} data-unit-select={code}>
                {choices.map((u) => <option key={u} value={u}>{u}</option>)}
              </select>
            )
            : <span className={formCss.valueSuffix}>{indicator.unit}</span>}
        </div>
        {draft.unit !== indicator.unit && value !== null && (
          <span className={clsx(css.entryRowConverted, textCss.muted)} data-converted>= {exactMeasured(value, indicator.unit, locale)}</span>
        )}
      </div>
      <div className={css.entryRowState}>
        <FigureStateBadge state={state} />
        {changed && <span className={css.unsavedTag}>{t('changed')}</span>}
        {current && <span className={css.entryRowWho}>{current.enteredBy} · {formatWhen(current.enteredAt)}</span>}
        {current && <button type="button" className={buttonCss.link} onClick={onHistory} data-history={code}>{t('history')}</button>}
      </div>
      <div className={css.entryRowNote}>
        <label className={css.entryRowLabel} htmlFor={`${id}-note`}>{t('common:col.note')}</label>
        <input id={`${id}-note`} className={formCss.control} value={draft.note} readOnly={readOnly} maxLength={2000}
          aria-label={t('noteLabel', { name })} onChange={(e) => onChange({ note: e.target.value })} data-note-input={code} />
      </div>
      <div className={css.entryRowTargets}>
        {row.targets.length > 0 && <TargetLinks targets={row.targets} />}
      </div>
      {current?.status === 'draft' && current.reviewComment && (
        <p className={clsx(drawerCss.rowNote, css.rowNoteReturned)} id={`${id}-comment`} data-review-comment><strong>{t('returnedComment')}</strong> {current.reviewComment}</p>
      )}
      {current?.locked && <LockNote figure={{ id: current.id, version: current.version, locked: current.locked }} name={name} />}
      {conflict?.current && (
        <div className={clsx(drawerCss.rowNote, drawerCss.rowNoteConflict)} id={`${id}-conflict`} role="alert" data-conflict={code}>
          <p>
            {t('conflict', {
              who: conflict.current.enteredBy, when: formatWhen(conflict.current.enteredAt),
              value: exactMeasured(conflict.current.value, indicator.unit, locale), version: conflict.current.version,
            })}
          </p>
          <p className={textCss.muted}>{t('conflictKeep', { mine: draft.input || '—' })}</p>
          <button type="button" className={clsx(buttonCss.button, buttonCss.small)} onClick={onReload} data-reload={code}>{t('reload')}</button>
        </div>
      )}
      {(messages.length > 0 || shown.length > 0) && (
        <ul className={css.rowProblems} id={`${id}-problems`} data-row-problems={code} aria-live="polite">
          {messages.map((m, i) => <li key={`issue-${i}`}><span aria-hidden="true">✖ </span>{m}</li>)}
          {shown.map((p, i) => (
            <li key={`${p.code}-${i}`} className={p.grade === 'warning' ? css.problemWarning : undefined} data-problem={p.code} data-grade={p.grade ?? 'error'}>
              <span className={css.problemGrade}>{p.grade === 'warning' ? `⚠ ${t('problemWarning')}` : `✖ ${t('problemError')}`}</span>{' '}
              {p.message}
              {p.suggestion && !readOnly && shown.findIndex((q) => q.suggestion?.value === p.suggestion!.value) === i && (
                <button type="button" className={clsx(buttonCss.button, buttonCss.small, css.applySuggestion)} data-apply-suggestion={code}
                  onClick={() => onChange({ input: numberText(p.suggestion!.value), unit: p.suggestion!.unit })}>
                  {t('applySuggestion', { value: exactMeasured(p.suggestion.value, p.suggestion.unit, locale) })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {showConfirm && (
        <div className={clsx(drawerCss.rowNote, css.rowNoteConfirm)} data-confirm-row={code}>
          <label className={formCss.check}>
            <input type="checkbox" checked={draft.confirm} onChange={(e) => onChange({ confirm: e.target.checked })} data-confirm={code} />
            {against ? t('confirmJump', { year: against.year, value: exactMeasured(against.value, indicator.unit, locale) }) : t('confirmWarning')}
          </label>
          <label className={css.confirmNote}>
            <span>{t('confirmNoteLabel')}</span>
            <input className={formCss.control} value={draft.note} maxLength={2000} required={draft.confirm} aria-required={draft.confirm || undefined}
              placeholder={t('confirmNotePlaceholder')} onChange={(e) => onChange({ note: e.target.value })} data-confirm-note={code} />
          </label>
          <span className={textCss.muted}>{t('confirmNeedsNote')}</span>
        </div>
      )}
    </li>
  );
}
