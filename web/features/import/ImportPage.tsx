// 导入 Excel: download the province's template, fill it in, 检查 (a dry run that writes nothing and lists
// every problem with its sheet, row and column), then 确认导入 — the same file again with the versions
// the dry run saw, written whole or not at all.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ColumnMapping as ColumnMappingSchema, ImportReport, type ImportReportT } from '../../../shared/schemas.ts';
import { z } from 'zod';
import { getJson } from '../../lib/api.ts';
import { defaultReportYear, writableParks } from '../../lib/access.ts';
import { exactMeasured } from '../../lib/exact.ts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.ts';
import { useIndicators, useMeta } from '../../lib/queries.ts';
import { recentYears, useAllParks, useCurrentYear } from '../../lib/reporting.ts';
import { ApiWriteError, invalidateAfterWrite, sendForm, sendJson, useMe } from '../../lib/session.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { canCommit, cellRef, columnChoice, fieldLabel, fileKey, IGNORE, mappableColumns, rowCounts, sortProblems, templateUrl, unmappedColumns, writtenForms, writtenRegionForms } from './model.ts';
import { clsx } from 'clsx';
import * as css from './import.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as formCss from '../../lib/ui/form.module.css';
import * as noticeCss from '../../lib/ui/notice.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import * as panelCss from '../../lib/ui/panel.module.css';
import * as tableCss from '../../lib/ui/table.module.css';
import * as textCss from '../../lib/ui/text.module.css';
import './words.ts';

/** The pill of a row by what would happen to it (unchanged rows keep the plain pill). */
const ROW_STATUS_CLASS: Record<'new' | 'changed' | 'unchanged', string | undefined> = { new: css.importPillNew, changed: css.importPillChanged, unchanged: undefined };

type Status = 'draft' | 'submitted';

function upload(file: File, options: { dryRun: boolean; status: Status; reason: string; versions?: Record<string, number>; mapping?: Record<string, string> }) {
  const form = new FormData();
  form.set('file', file);
  form.set('status', options.status);
  if (options.mapping && Object.keys(options.mapping).length) form.set('mapping', JSON.stringify(options.mapping));
  if (options.reason.trim()) form.set('reason', options.reason.trim());
  if (options.versions && Object.keys(options.versions).length) form.set('versions', JSON.stringify(options.versions));
  return sendForm(`/api/import${options.dryRun ? '?dryRun=1' : ''}`, form, ImportReport);
}

export default function ImportPage() {
  const { t } = useTranslation(['import', 'common']);
  useDocumentTitle(t('title'));
  const queryClient = useQueryClient();
  const me = useMe().data;
  const meta = useMeta();
  const parks = useAllParks();
  const [params] = useSearchParams();
  const currentYear = useCurrentYear();
  const [year, setYear] = useState(() => Number(params.get('year')) || defaultReportYear(currentYear));
  const mine = writableParks(me, parks.data ?? []);
  const [scopeChoice, setScope] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [status, setStatus] = useState<Status>('draft');
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState<{ key: string; report: ImportReportT } | null>(null);
  // A statistics sheet's columns as the planner mapped them: header → indicator code or 'ignore'.
  const [mapping, setMapping] = useState<Record<string, string>>({});

  const dryRun = useMutation({
    mutationFn: ({ f, map }: { f: File; map: Record<string, string> }) => upload(f, { dryRun: true, status, reason, mapping: map }),
    onSuccess: (report, { f }) => setChecked({ key: fileKey(f)!, report }),
  });
  const commit = useMutation({
    mutationFn: ({ f, report }: { f: File; report: ImportReportT }) => upload(f, { dryRun: false, status, reason, versions: report.versions, mapping }),
    onSuccess: () => {
      setChecked(null);
      void invalidateAfterWrite(queryClient);
      void queryClient.invalidateQueries({ queryKey: MAPPINGS_KEY });
    },
  });

  const chooseFile = (e: ChangeEvent<HTMLInputElement>) => {
    setFile(e.target.files?.[0] ?? null);
    setChecked(null);
    setMapping({});
    dryRun.reset();
    commit.reset();
  };
  const check = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    commit.reset();
    dryRun.mutate({ f: file, map: mapping });
  };
  // A column mapped (or ignored): the file is checked again with the choice, nothing written.
  const mapColumn = (header: string, choice: string) => {
    const next = { ...mapping };
    if (choice) next[header] = choice;
    else delete next[header];
    setMapping(next);
    if (file) {
      commit.reset();
      dryRun.mutate({ f: file, map: next });
    }
  };

  const report = checked && checked.key === fileKey(file) ? checked.report : null;
  const refused = commit.error instanceof ApiWriteError ? commit.error : null;
  const years = recentYears(currentYear);
  const manager = me?.role === 'park_manager';
  // Park managers: all their parks or one; planners: a province's parks or one park.
  const scope = scopeChoice || (manager ? '' : `province:${meta.data?.provinces[0]?.code ?? ''}`);
  const [scopeKind, scopeId] = scope.split(':');
  const templateScope = scopeKind === 'park' ? { park: Number(scopeId) } : scopeKind === 'province' && scopeId ? { province: scopeId } : {};

  return (
    <div className={pageCss.page}>
      <header className={pageCss.head}>
        <h2 className={pageCss.title}>{t('title')}</h2>
        <Link className={clsx(buttonCss.button, buttonCss.ghost)} to="/entry">{t('orForm')}</Link>
      </header>
      <p className={pageCss.intro}>{t('intro')}</p>

      <section className={panelCss.panel} aria-labelledby="import-step1">
        <h3 id="import-step1" className={panelCss.title}><span className={css.stepNo} aria-hidden="true">1</span>{t('step1')}</h3>
        <p className={panelCss.subtitle}>{t('step1Text')}</p>
        <div className={clsx(formCss.filters, formCss.filtersPlain)}>
          <div className={formCss.field}>
            <label htmlFor="tpl-year" className={formCss.label}>{t('common:col.year')}</label>
            <select id="tpl-year" className={formCss.control} value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {years.map((y) => <option key={y} value={y}>{t('common:words.year', { year: y })}</option>)}
            </select>
          </div>
          <div className={clsx(formCss.field, formCss.wide)}>
            <label htmlFor="tpl-park" className={formCss.label}>{t('park')}</label>
            <select id="tpl-park" className={formCss.control} value={scope} onChange={(e) => setScope(e.target.value)}>
              {manager
                ? <option value="">{t('allMyParks')}</option>
                : (meta.data?.provinces ?? []).map((p) => <option key={p.code} value={`province:${p.code}`}>{t('allParksOf', { province: p.name })}</option>)}
              {mine.map((p) => <option key={p.id} value={`park:${p.id}`}>{manager ? p.name : `${p.provinceName} · ${p.name}`}</option>)}
            </select>
          </div>
          <a className={clsx(buttonCss.button, css.importDownload)} href={templateUrl(year, templateScope)} download data-template-link>
            <span aria-hidden="true">⬇ </span>{t('download')}
          </a>
        </div>
      </section>

      <section className={panelCss.panel} aria-labelledby="import-step2">
        <h3 id="import-step2" className={panelCss.title}><span className={css.stepNo} aria-hidden="true">2</span>{t('step2')}</h3>
        <p className={panelCss.subtitle}>{t('step2Text')}</p>
        <form className={css.importForm} onSubmit={check}>
          <div className={formCss.formField}>
            <span className={formCss.label} aria-hidden="true">{t('file')}</span>
            {/* the browser's own file button speaks the browser's language (“Choose File”): ours says 选择文件 */}
            <div className={css.filePick}>
              <input id="import-file" type="file" className={clsx(textCss.visuallyHidden, css.fileInput)} accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                aria-describedby="import-file-name" onChange={chooseFile} data-import-file />
              <label htmlFor="import-file" className={clsx(buttonCss.button, buttonCss.secondary, css.fileButton)}>{t('chooseFile')}</label>
              <span id="import-file-name" className={css.fileName} data-import-file-name>{file ? file.name : t('noFile')}</span>
            </div>
          </div>
          <fieldset className={clsx(formCss.formField, css.radioGroup)}>
            <legend className={formCss.label}>{t('saveAs')}</legend>
            <label className={formCss.check}><input type="radio" name="import-status" value="draft" checked={status === 'draft'} onChange={() => { setStatus('draft'); setChecked(null); }} />{t('asDraft')}</label>
            <label className={formCss.check}><input type="radio" name="import-status" value="submitted" checked={status === 'submitted'} onChange={() => { setStatus('submitted'); setChecked(null); }} data-import-submitted />{t('asSubmitted')}</label>
          </fieldset>
          <div className={formCss.formField}>
            <label htmlFor="import-reason" className={formCss.label}>{t('common:words.reasonLabel')}</label>
            <input id="import-reason" className={formCss.control} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} placeholder={t('common:words.reasonPlaceholder')} />
          </div>
          <div className={css.importFormButtons}>
            <button type="submit" className={buttonCss.button} disabled={!file || dryRun.isPending || commit.isPending} data-dry-run>
              {dryRun.isPending ? t('checking') : t('check')}
            </button>
            <span className={textCss.muted}>{t('nothingWritten')}</span>
          </div>
        </form>
        {dryRun.isError && <p className={formCss.error} role="alert" data-import-error><span aria-hidden="true">✖ </span>{dryRun.error.message}</p>}
        {(me?.role === 'admin' || me?.role === 'planner') && <RememberedMappings />}
      </section>

      {report && (
        <section className={panelCss.panel} aria-labelledby="import-step3" data-import-report="dry-run">
          <h3 id="import-step3" className={panelCss.title}><span className={css.stepNo} aria-hidden="true">3</span>{t('step3')}</h3>
          {report.layout === 'wide' && report.columns && (
            <ColumnMapping report={report} mapping={mapping} onMap={mapColumn} busy={dryRun.isPending} remembered={me?.role === 'admin' || me?.role === 'planner'} />
          )}
          <ReportView report={report} />
          <div className={css.importCommit}>
            {report.problems.length > 0
              ? <p className={formCss.error} role="alert" data-import-blocked>{t(unmappedColumns(report).length ? 'mapFirst' : 'fixFirst', { count: report.problems.length })}</p>
              : report.rows.length === 0 ? <p className={textCss.muted}>{t('nothingToImport')}</p>
                : <p className={textCss.muted}>{t(status === 'submitted' ? 'willSubmit' : 'willDraft', { count: report.summary.new + report.summary.changed })}</p>}
            <button type="button" className={buttonCss.button} disabled={!canCommit(report) || commit.isPending} onClick={() => file && commit.mutate({ f: file, report })} data-commit>
              {commit.isPending ? t('committing') : t('commit')}
            </button>
          </div>
        </section>
      )}

      {commit.isSuccess && (
        <section className={clsx(panelCss.panel, css.importResult)} aria-live="polite" data-import-report="committed">
          <p className={clsx(noticeCss.notice, noticeCss.ok)}>
            <span aria-hidden="true">✔ </span>
            {t('committed', { file: commit.data.fileName, new: commit.data.summary.new, changed: commit.data.summary.changed, unchanged: commit.data.summary.unchanged })}
            {Object.keys(mapping).length > 0 && (me?.role === 'admin' || me?.role === 'planner') && <> {t('mappingRemembered', { count: Object.keys(mapping).length })}</>}
          </p>
          <ul className={textCss.plainList}>
            {writtenForms(commit.data).map((f) => (
              <li key={`${f.parkId}-${f.year}`}><Link to={`/entry/${f.parkId}/${f.year}`}>{t('openForm', { park: f.parkName, year: f.year })}</Link></li>
            ))}
            {writtenRegionForms(commit.data).map((f) => (
              <li key={`r${f.regionCode}-${f.year}`}><Link to={`/entry/region/${f.regionCode}/${f.year}`}>{t('openRegionForm', { region: f.name, year: f.year })}</Link></li>
            ))}
          </ul>
        </section>
      )}

      {commit.isError && (
        <section className={clsx(panelCss.panel, css.importResult)} data-import-report="refused">
          <p className={clsx(formCss.error, formCss.errorBlock)} role="alert" data-commit-error><span aria-hidden="true">✖ </span>{commit.error.message}</p>
          {refused?.report && <ReportView report={refused.report} />}
        </section>
      )}
    </div>
  );
}

const MAPPINGS_KEY = ['import-mappings'] as const;

/** The headers planners mapped before: each is read the same way in the next file, until forgotten. */
function RememberedMappings() {
  const { t } = useTranslation(['import', 'common']);
  const queryClient = useQueryClient();
  const mappings = useQuery({ queryKey: MAPPINGS_KEY, queryFn: ({ signal }) => getJson('/api/import/mappings', z.array(ColumnMappingSchema), { signal }) });
  const forget = useMutation({
    mutationFn: (header: string) => sendJson('DELETE', `/api/import/mappings?header=${encodeURIComponent(header)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MAPPINGS_KEY }),
  });
  const list = mappings.data ?? [];
  if (list.length === 0) return null;
  return (
    <details className={css.remembered} data-remembered-mappings>
      <summary>{t('remembered', { count: list.length })}</summary>
      <p className={textCss.muted}>{t('rememberedText')}</p>
      <ul className={css.rememberedList}>
        {list.map((m) => (
          <li key={m.headerKey} data-remembered={m.headerKey}>
            <span>{m.header}</span><span aria-hidden="true"> → </span><strong>{m.indicator ? `${m.indicator.nameZh} (${m.indicator.unit})` : t('mapping.ignore')}</strong>
            <span className={textCss.muted}> · {m.mappedBy}</span>
            <button type="button" className={clsx(buttonCss.button, buttonCss.ghost, buttonCss.small)} disabled={forget.isPending} onClick={() => forget.mutate(m.header)} data-forget-mapping={m.headerKey}>{t('forget')}</button>
          </li>
        ))}
      </ul>
      {forget.isError && <p className={formCss.error} role="alert">{forget.error.message}</p>}
    </details>
  );
}

/**
 * A statistics sheet's columns: what each was matched to, and a choice for each (an indicator, or
 * ignore it). Columns it could not match come first and block the import until they are chosen.
 */
function ColumnMapping({ report, mapping, onMap, busy, remembered }: {
  report: ImportReportT; mapping: Record<string, string>; onMap: (header: string, choice: string) => void; busy: boolean; remembered: boolean;
}) {
  const { t } = useTranslation(['import', 'common']);
  const indicators = useIndicators();
  const choosable = (indicators.data ?? []).filter((i) => i.kind !== 'coverage');
  const columns = mappableColumns(report);
  const open = unmappedColumns(report);
  return (
    <section className={css.mapping} aria-labelledby="import-mapping" data-column-mapping>
      <h4 id="import-mapping" className={css.importReportTitle}>{t('mappingTitle')}</h4>
      <p className={textCss.muted}>{open.length ? t('mappingOpen', { count: open.length }) : t('mappingDone')} {remembered && t('mappingRememberedNext')}</p>
      {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard */}
      <div className={tableCss.scroll} tabIndex={0}>
        <table className={tableCss.table}>
          <caption className={textCss.visuallyHidden}>{t('mappingTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.column')}</th><th scope="col">{t('mapping.header')}</th>
              <th scope="col" className={tableCss.num}>{t('mapping.figures')}</th><th scope="col">{t('mapping.choice')}</th><th scope="col">{t('mapping.how')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => {
              const selectId = `map-${c.column}`;
              const value = mapping[c.header] ?? columnChoice(c);
              const suggested = new Set(c.suggestions.map((s) => s.code));
              return (
                <tr key={c.column} data-map-row={c.column} data-map-role={c.role} className={c.role === 'unmatched' ? css.mappingOpen : undefined}>
                  <td>{c.column}</td>
                  <th scope="row"><label htmlFor={selectId}>{c.header}</label></th>
                  <td className={tableCss.num}>{c.figures}</td>
                  <td>
                    <select id={selectId} className={formCss.control} value={value} disabled={busy} onChange={(e) => onMap(c.header, e.target.value)} data-map-column={c.column}>
                      <option value="">{t('mapping.pick')}</option>
                      {c.suggestions.length > 0 && (
                        <optgroup label={t('mapping.suggested')}>
                          {c.suggestions.map((s) => <option key={s.code} value={s.code}>{`${s.nameZh} (${s.unit})`}</option>)}
                        </optgroup>
                      )}
                      <optgroup label={t('mapping.all')}>
                        {choosable.filter((i) => !suggested.has(i.code)).map((i) => <option key={i.code} value={i.code}>{`${i.nameZh} (${i.unit})`}</option>)}
                      </optgroup>
                      <option value={IGNORE}>{t('mapping.ignore')}</option>
                    </select>
                  </td>
                  <td className={textCss.muted}>{c.role === 'unmatched' ? t('mapping.unmatched') : t(`mapping.by.${c.matchedBy ?? 'name'}`)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ReportView({ report }: { report: ImportReportT }) {
  const { t } = useTranslation(['import', 'common']);
  const locale = useLocale();
  const [all, setAll] = useState(false);
  const LIMIT = 200;
  const problems = sortProblems(report.problems);
  const counts = rowCounts(report.rows);
  const rows = all ? report.rows : report.rows.slice(0, LIMIT);
  return (
    <div className={css.importReport}>
      <p className={css.importSummary} data-import-summary>
        <span>{t('fileRead', { file: report.fileName, sheet: report.sheet, rows: report.rowsRead })}</span>
        <span className={clsx(css.importPill, css.importPillNew)}>{t('new', { count: counts.new })}</span>
        <span className={clsx(css.importPill, css.importPillChanged)}>{t('changed', { count: counts.changed })}</span>
        <span className={css.importPill}>{t('unchanged', { count: counts.unchanged })}</span>
        {report.summary.skipped > 0 && <span className={css.importPill}>{t('skipped', { count: report.summary.skipped })}</span>}
        <span className={problems.length ? clsx(css.importPill, css.importPillBad) : clsx(css.importPill, css.importPillOk)} data-problem-count={problems.length}>
          {problems.length ? t('problems', { count: problems.length }) : t('noProblems')}
        </span>
      </p>

      {problems.length > 0 && (
        // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
        <section className={clsx(tableCss.scroll, tableCss.scrollSticky)} tabIndex={0} aria-label={t('problemsTitle')}>
          <table className={clsx(tableCss.table, css.importProblems)} data-problems-table>
            <caption className={textCss.visuallyHidden}>{t('problemsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('col.sheet')}</th><th scope="col" className={tableCss.num}>{t('col.row')}</th><th scope="col">{t('col.column')}</th>
                <th scope="col">{t('col.field')}</th><th scope="col">{t('col.grade')}</th><th scope="col">{t('col.message')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p, i) => {
                const label = fieldLabel(p.field);
                return (
                  <tr key={i} data-problem={p.code} data-cell={cellRef(p)} data-grade={p.grade ?? 'error'}>
                    <td data-label={t('col.sheet')}>{p.sheet}</td>
                    <td className={tableCss.num} data-label={t('col.row')} data-problem-row>{p.row ?? '—'}</td>
                    <td data-label={t('col.column')} data-problem-column>{p.column ?? '—'}</td>
                    <td data-label={t('col.field')}>{label ? t(label) : p.field}</td>
                    <td data-label={t('col.grade')}>
                      <span className={clsx(css.importPill, p.grade === 'warning' ? css.importPillWarn : css.importPillBad)} data-problem-grade>
                        {p.grade === 'warning' ? t('grade.warning') : t('grade.error')}
                      </span>
                    </td>
                    <td className={clsx(tableCss.wrap, css.problemMessage)}>
                      {p.message}
                      {p.suggestion && <span className={css.problemSuggestion} data-problem-suggestion> {t('suggestion', { value: exactMeasured(p.suggestion.value, p.suggestion.unit, locale) })}</span>}
                      {p.current && <span className={textCss.muted}> {t('current', { value: p.current.value, who: p.current.enteredBy, version: p.current.version })}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}

      {report.rows.length > 0 && (
        <>
          <h4 className={css.importReportTitle}>{t('rowsTitle')}</h4>
          {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard */}
          <section className={clsx(tableCss.scroll, tableCss.scrollSticky)} tabIndex={0} aria-label={t('rowsTitle')}>
            <table className={tableCss.table} data-rows-table>
              <caption className={textCss.visuallyHidden}>{t('rowsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col" className={tableCss.num}>{t('col.row')}</th><th scope="col">{t('col.park')}</th><th scope="col">{t('col.indicator')}</th>
                  <th scope="col" className={tableCss.num}>{t('col.year')}</th><th scope="col" className={tableCss.num}>{t('col.inFile')}</th>
                  <th scope="col" className={tableCss.num}>{t('col.oldNew')}</th><th scope="col">{t('col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.row}-${r.column ?? ""}-${r.indicator}`} data-import-row={r.row} data-row-status={r.status}>
                    <td className={tableCss.num}>{r.row}</td>
                    <td>{r.parkName}</td>
                    <td>{r.indicatorName}</td>
                    <td className={tableCss.num}>{r.year}</td>
                    <td className={tableCss.num}>{r.originalValue}{r.originalUnit !== r.unit ? ` ${r.originalUnit}` : ''}</td>
                    <td className={tableCss.num}>
                      {r.oldValue !== null && r.status === 'changed' && <><span className={textCss.muted}>{exactMeasured(r.oldValue, r.unit, locale)}</span> → </>}
                      {exactMeasured(r.value, r.unit, locale)}
                    </td>
                    <td><span className={clsx(css.importPill, ROW_STATUS_CLASS[r.status])}>{t(`status.${r.status}`)}</span></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {report.rows.length > LIMIT && (
            <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => setAll(!all)}>
              {all ? t('showFewer') : t('showAll', { count: report.rows.length })}
            </button>
          )}
        </>
      )}
    </div>
  );
}
