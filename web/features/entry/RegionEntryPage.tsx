// The form of a province's or city's own totals for one year (planners and admins): the figures share
// targets divide by (规上工业增加值, 国家高新技术企业数, GDP, 土地面积), each with its source (浙江省统计公报
// 2024) kept as the figure's note and shown in its history. Saved or submitted in one batch with each
// row's version, like a park's form; what the API refuses is shown, nothing half-written.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { RegionEntrySheet, type RegionEntrySheetT, type ValueInputT } from '../../../shared/schemas.ts';
import { canConvert, isUnit, UNITS } from '../../../shared/units.ts';
import { getJson } from '../../lib/api.ts';
import { exactMeasured } from '../../lib/exact.ts';
import { figureState } from '../../lib/figureState.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, useLocale } from '../../lib/i18n.ts';
import { ApiWriteError, invalidateAfterWrite } from '../../lib/session.ts';
import { FigureStateBadge } from '../../lib/ui/FigureStateBadge.tsx';
import { EmptyState, QueryState } from '../../lib/ui/States.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { HistoryDialog } from './HistoryDialog.tsx';
import { putValues } from './queries.ts';
import { clsx } from 'clsx';
import * as css from './entry.module.css';
import { LockNote } from './LockNote.tsx';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as formCss from '../../lib/ui/form.module.css';
import * as noticeCss from '../../lib/ui/notice.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import * as panelCss from '../../lib/ui/panel.module.css';
import * as tableCss from '../../lib/ui/table.module.css';
import * as textCss from '../../lib/ui/text.module.css';
import './words.ts';

type Row = RegionEntrySheetT['rows'][number];
interface Draft { value: string; unit: string; note: string }

const regionKey = (code: string, year: number) => ['entry-region', code, year] as const;

export default function RegionEntryPage() {
  const { t } = useTranslation(['entry', 'common']);
  const params = useParams();
  const code = params.code ?? '';
  const year = Number(params.year);
  const valid = /^\d{6}$/.test(code) && Number.isInteger(year) && year >= 1980 && year <= 2100;
  const sheet = useQuery({
    queryKey: regionKey(code, year),
    queryFn: ({ signal }) => getJson(`/api/entry/regions/${code}/${year}`, RegionEntrySheet, { signal }),
    enabled: valid,
    refetchOnWindowFocus: false,
  });
  useDocumentTitle(sheet.data ? t('regionPageTitle', { region: sheet.data.region.name, year }) : t('title'));
  if (!valid) return <EmptyState title={t('notFound')}><p><Link to="/entry">{t('backToPicker')}</Link></p></EmptyState>;
  return (
    <QueryState query={sheet} loadingLines={3}>
      {(data) => <RegionForm key={`${code}-${year}`} sheet={data} />}
    </QueryState>
  );
}

/** The rows with an edit that would change the stored figure (or add one), as a batch; or the row's problem. */
function batchOf(sheet: RegionEntrySheetT, drafts: Record<string, Draft>): { items: ValueInputT[]; invalid: string[] } {
  const items: ValueInputT[] = [];
  const invalid: string[] = [];
  for (const row of sheet.rows) {
    const d = drafts[row.indicator.code];
    if (!d) continue;
    const text = d.value.replace(/[,，\s]/g, '');
    // Only the source changed: the stored value again, with the new source.
    const sourceOnly = text === '' && row.current !== null && d.note.trim() !== (row.current.note ?? '');
    if (text === '' && !sourceOnly) continue;
    const value = sourceOnly ? row.current!.value : Number(text);
    if (!Number.isFinite(value)) {
      invalid.push(row.indicator.code);
      continue;
    }
    items.push({
      regionCode: sheet.region.code, indicator: row.indicator.code, year: sheet.year, value,
      ...(!sourceOnly && d.unit !== row.indicator.unit ? { unit: d.unit } : {}),
      ...(d.note.trim() ? { note: d.note.trim() } : {}),
      ...(row.current ? { version: row.current.version } : {}),
    });
  }
  return { items, invalid };
}

function RegionForm({ sheet }: { sheet: RegionEntrySheetT }) {
  const { t } = useTranslation(['entry', 'common']);
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [invalid, setInvalid] = useState<string[]>([]);
  const [historyOf, setHistoryOf] = useState<Row | null>(null);
  const [outcome, setOutcome] = useState<{ kind: 'saved' | 'submitted' | 'nothing'; count: number } | null>(null);
  const region = sheet.region;

  const save = useMutation({
    mutationFn: ({ items, status }: { items: ValueInputT[]; status: 'draft' | 'submitted' }) => putValues(items, status, undefined),
    onSuccess: async (result, { status }) => {
      setDrafts({});
      setOutcome({ kind: status === 'submitted' ? 'submitted' : 'saved', count: result.written.filter((w) => w.changed).length });
      await queryClient.invalidateQueries({ queryKey: regionKey(region.code, sheet.year) });
      void invalidateAfterWrite(queryClient);
    },
  });
  const submit = (status: 'draft' | 'submitted') => {
    const batch = batchOf(sheet, drafts);
    setInvalid(batch.invalid);
    setOutcome(null);
    save.reset();
    if (batch.invalid.length) return;
    if (batch.items.length === 0) {
      setOutcome({ kind: 'nothing', count: 0 });
      return;
    }
    save.mutate({ items: batch.items, status });
  };
  const draftOf = (row: Row): Draft => drafts[row.indicator.code] ?? { value: '', unit: row.indicator.unit, note: row.current?.note ?? '' };
  const edit = (row: Row, patch: Partial<Draft>) => {
    setDrafts((d) => ({ ...d, [row.indicator.code]: { ...draftOf(row), ...patch } }));
    setOutcome(null);
  };
  const refusal = save.error instanceof ApiWriteError ? save.error : null;

  return (
    <article className={pageCss.page} data-region-entry={`${region.code}-${sheet.year}`} data-can-write={sheet.canWrite}>
      <nav className={clsx(pageCss.breadcrumb, 'no-print')}><Link to={`/entry?year=${sheet.year}`}>← {t('backToPicker')}</Link></nav>
      <header className={pageCss.detailHead}>
        <div className={pageCss.main}>
          <p className={pageCss.kicker}>{t(region.level === 'province' ? 'regionKindProvince' : 'regionKindCity')}</p>
          <h2 className={pageCss.title}><span data-region-name>{region.name}</span> <span className={pageCss.context}>{t('yearTitle', { year: sheet.year })}</span></h2>
          <p className={pageCss.scope}>{t('regionIntro')}</p>
        </div>
        <div className={clsx(pageCss.side, css.entryHeadSide)}>
          <Link className={clsx(buttonCss.button, buttonCss.ghost)} to={`/entry/region/${region.code}/${sheet.year - 1}`} aria-label={t('yearTitle', { year: sheet.year - 1 })}>← {sheet.year - 1}</Link>
          <Link className={clsx(buttonCss.button, buttonCss.ghost)} to={`/entry/region/${region.code}/${sheet.year + 1}`} aria-label={t('yearTitle', { year: sheet.year + 1 })}>{sheet.year + 1} →</Link>
        </div>
      </header>

      {!sheet.canWrite && <p className={clsx(noticeCss.notice, noticeCss.info)} role="note" data-read-only>{t('regionReadOnly')}</p>}
      {invalid.length > 0 && <p className={clsx(formCss.error, formCss.errorBlock)} role="alert" data-entry-error>{t('fixFirst')}</p>}
      {save.isError && (
        <div className={clsx(formCss.error, formCss.errorBlock)} role="alert" data-entry-error>
          <p><span aria-hidden="true">✖ </span>{save.error.message}</p>
          {refusal?.problems?.length ? <ul>{refusal.problems.map((p, i) => <li key={i}>{p.message}</li>)}</ul> : null}
        </div>
      )}
      {outcome && (
        <output className={outcome.kind === 'nothing' ? clsx(noticeCss.notice, noticeCss.info) : clsx(noticeCss.notice, noticeCss.ok)} data-entry-outcome={outcome.kind}>
          {outcome.kind === 'nothing' ? t('nothingToSave') : t(outcome.kind === 'submitted' ? 'submittedCount' : 'savedCount', { count: outcome.count })}
        </output>
      )}

      <section className={panelCss.panel} aria-labelledby="region-rows-title">
        <h3 id="region-rows-title" className={panelCss.title}>{t('regionFigures')}</h3>
        {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard */}
        <div className={tableCss.scroll} tabIndex={0}>
          <table className={clsx(tableCss.table, css.regionTable)}>
            <caption className={textCss.visuallyHidden}>{t('regionFigures')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common:col.indicator')}</th><th scope="col" className={tableCss.num}>{t('common:col.lastYear')}</th>
                <th scope="col" className={tableCss.num}>{t('regionCurrent')}</th><th scope="col">{t('col.state')}</th>
                {sheet.canWrite && <th scope="col">{t('col.value', { year: sheet.year })}</th>}
                <th scope="col">{t('source')}</th><th scope="col">{t('col.targets')}</th><th scope="col"><span className={textCss.visuallyHidden}>{t('history')}</span></th>
              </tr>
            </thead>
            <tbody>
              {sheet.rows.map((row) => {
                const d = draftOf(row);
                const code = row.indicator.code;
                const label = indicatorName(row.indicator, locale);
                const unit = row.indicator.unit;
                const units: string[] = isUnit(unit) ? UNITS.filter((u) => canConvert(u, unit)) : [unit];
                // Approved: it changes only once a planner reopens it with a reason (the note below).
                const locked = !!row.current?.locked;
                return (
                  <tr key={code} data-region-row={code} className={invalid.includes(code) ? css.regionRowBad : undefined}>
                    <th scope="row">{label}</th>
                    <td className={tableCss.num} data-label={t('common:col.lastYear')}>{row.lastYear ? t('lastYearValue', { year: row.lastYear.year, value: exactMeasured(row.lastYear.value, row.indicator.unit, locale) }) : t('none')}</td>
                    <td className={tableCss.num} data-label={t('regionCurrent')} data-region-current>{row.current ? exactMeasured(row.current.value, row.indicator.unit, locale) : t('none')}</td>
                    <td data-label={t('col.state')}><FigureStateBadge state={figureState(row.current && { status: row.current.status, returned: !!row.current.reviewComment })} compact /></td>
                    {sheet.canWrite && (
                      <td data-label={t('col.value', { year: sheet.year })}>
                        <span className={css.regionValue}>
                          <input className={formCss.control} inputMode="decimal" value={d.value} onChange={(e) => edit(row, { value: e.target.value })}
                            readOnly={locked} aria-label={t('valueLabel', { name: label, year: sheet.year })} data-region-value={code} />
                          <select className={formCss.control} value={d.unit} onChange={(e) => edit(row, { unit: e.target.value })} disabled={locked} aria-label={t('unitLabel', { name: label })} data-region-unit={code}>
                            {units.map((u) => <option key={u} value={u}>{u}</option>)}
                          </select>
                        </span>
                        {row.current?.locked && <LockNote figure={{ id: row.current.id, version: row.current.version, locked: row.current.locked }} name={label} />}
                      </td>
                    )}
                    <td data-label={t('source')}>
                      {sheet.canWrite
                        ? <input className={formCss.control} value={d.note} maxLength={2000} placeholder={t('sourcePlaceholder')} onChange={(e) => edit(row, { note: e.target.value })}
                          readOnly={locked} aria-label={t('sourceLabel', { name: label })} data-region-source={code} />
                        : <span data-region-source-text={code}>{row.current?.note ?? t('none')}</span>}
                    </td>
                    <td data-label={t('col.targets')}>{row.targets.map((x) => <Link key={x.id} to={`/targets/${x.id}`} className={css.regionTarget}>{x.code}</Link>)}</td>
                    <td>{row.current && <button type="button" className={clsx(buttonCss.button, buttonCss.ghost, buttonCss.small)} onClick={() => setHistoryOf(row)} data-region-history={code}>{t('history')}</button>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {sheet.canWrite && (
          <div className={css.regionButtons}>
            <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} disabled={save.isPending} onClick={() => submit('draft')} data-region-save>{save.isPending ? t('saving') : t('saveDraft')}</button>
            <button type="button" className={buttonCss.button} disabled={save.isPending} onClick={() => submit('submitted')} data-region-submit>{t('submit')}</button>
          </div>
        )}
      </section>
      {historyOf?.current && <HistoryDialog valueId={historyOf.current.id} title={`${region.name} · ${indicatorName(historyOf.indicator, locale)}`} unit={historyOf.indicator.unit} onClose={() => setHistoryOf(null)} />}
    </article>
  );
}
