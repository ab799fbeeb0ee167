// Targets from a policy text (planners, admins): paste the text or upload a .docx / text PDF (the server
// reads it; the text read fills the box), 提取 shows every candidate's words
// marked and numbered in the text beside a card per candidate; the planner corrects the cards in place,
// checks the ones to keep and accepts them into a new or an existing plan in one call (all or
// nothing). Aims without a number are listed apart and never become numeric targets.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { CreatePlanBody, type ExtractResultT } from '../../../shared/schemas.ts';
import { useTranslation } from 'react-i18next';
import { useCities, useIndicators, useParks } from '../../lib/queries.ts';
import { ApiWriteError, invalidateAfterWrite } from '../../lib/session.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import type { RuleIndicator } from '../../../shared/target-rules.ts';
import {
  buildAcceptRequest, formOf, newPlanBody, withAlternatives, problemsByCandidate, validateForm, type BatchItem, type CandidateForm, type NewPlanForm, type PlacedProblem,
} from './accept.ts';
import { CandidateCard } from './CandidateCard.tsx';
import { HighlightedText } from './HighlightedText.tsx';
import { marksOf } from './highlight.ts';
import { accept, extract, extractFile, usePlanList, usePlanText, useProvinces } from './queries.ts';
import { clsx } from 'clsx';
import * as css from './extract.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as formCss from '../../lib/ui/form.module.css';
import * as noticeCss from '../../lib/ui/notice.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import * as panelCss from '../../lib/ui/panel.module.css';
import * as textCss from '../../lib/ui/text.module.css';
import './words.ts';

/** The default document year: this year (read once, when the page opens). */
const thisYear = () => String(new Date().getFullYear());

const EMPTY_PLAN: NewPlanForm = { title: '', issuer: '', documentNumber: '', issuedOn: '', url: '', regionCode: '' };

interface Extracted {
  text: string;
  regionCode: string;
  data: ExtractResultT;
}

/** The upload limit of POST /api/extract-targets (server/body-limits.ts). */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The year typed, when it is one (else the extraction reads without it). */
const yearOf = (text: string) => {
  const y = Number(text);
  return Number.isInteger(y) && y >= 1990 && y <= 2100 ? y : null;
};

export default function ExtractPage() {
  const { t } = useTranslation(['extract', 'targetForm', 'common']);
  useDocumentTitle(t('title'));
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [year, setYear] = useState(thisYear);
  const [region, setRegion] = useState('330000');
  const [result, setResult] = useState<Extracted | null>(null);
  const [forms, setForms] = useState<Record<string, CandidateForm>>({});
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [problems, setProblems] = useState<Record<string, PlacedProblem[]>>({});
  const [general, setGeneral] = useState<{ field: string; message: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [accepted, setAccepted] = useState<Record<string, string[]>>({});
  const [outcome, setOutcome] = useState<{ planId: number; title: string; count: number } | null>(null);
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [plan, setPlan] = useState<NewPlanForm>(EMPTY_PLAN);
  const [planId, setPlanId] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [active, setActive] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const indicators = useIndicators();
  const provinces = useProvinces();
  const parks = useParks(result?.regionCode ?? region);
  const cities = useCities(result?.regionCode ?? region);
  const plans = usePlanList();
  const planText = usePlanText(mode === 'existing' ? planId : null);
  const catalogue = useMemo(() => new Map<string, RuleIndicator>((indicators.data ?? []).map((i) => [i.code, i])), [indicators.data]);

  const extracted = (data: ExtractResultT, input: { text: string; region: string }) => {
    setResult({ text: input.text, regionCode: input.region, data });
    setForms(Object.fromEntries(data.candidates.map((c) => [c.id, formOf(c)])));
    setChecked(new Set());
    setAccepted({});
    setProblems({});
    setGeneral([]);
    setError(null);
    setOutcome(null);
    setAttempted(false);
    setPlan((p) => ({ ...p, regionCode: p.regionCode || input.region }));
  };

  const run = useMutation({
    mutationFn: (input: { text: string; year: number | null; region: string }) => extract(input.text, input.year, input.region || null),
    onSuccess: (data, input) => {
      upload.reset();
      extracted(data, input);
    },
  });

  // An uploaded document: the text the server read is shown in the box and highlighted like pasted text.
  const upload = useMutation({
    mutationFn: (input: { file: File; year: number | null; region: string }) => extractFile(input.file, input.year, input.region || null),
    onSuccess: (data, input) => {
      run.reset();
      const read = data.text ?? '';
      setText(read);
      extracted(data, { text: read, region: input.region });
    },
  });

  const send = useMutation({
    mutationFn: (input: { request: Parameters<typeof accept>[0]; items: BatchItem[] }) => accept(input.request),
    onSuccess: (written, { items }) => {
      const codes: Record<string, string[]> = {};
      items.forEach((item, i) => { (codes[item.candidateId] ??= []).push(written.targets[i]?.code ?? ''); });
      setAccepted((a) => ({ ...a, ...codes }));
      setChecked(new Set());
      setProblems({});
      setGeneral([]);
      setError(null);
      const title = written.planTitle ?? plans.data?.find((p) => p.id === written.planId)?.title ?? '';
      setOutcome({ planId: written.planId, title, count: written.targets.length });
      if (mode === 'new') {
        setMode('existing');
        setPlanId(written.planId);
      }
      void invalidateAfterWrite(queryClient);
    },
    onError: (err, { items }) => {
      if (err instanceof ApiWriteError) {
        const placed = problemsByCandidate(err.details, items);
        setProblems(placed.byCandidate);
        setGeneral(placed.general);
      }
      setError(err.message);
    },
  });

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const jumpTo = (elementId: string) => {
    const el = document.getElementById(elementId);
    el?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    if (el instanceof HTMLElement) el.focus({ preventScroll: true });
  };

  const submitExtract = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    run.mutate({ text, year: yearOf(year), region });
  };

  const [tooBig, setTooBig] = useState<string | null>(null);
  const chooseFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again after a change
    setTooBig(null);
    if (!file) return;
    // the server refuses it too (413): say so before sending 10 MB for nothing
    if (file.size > MAX_UPLOAD_BYTES) {
      upload.reset();
      setTooBig(t('tooBig', { name: file.name }));
      return;
    }
    upload.mutate({ file, year: yearOf(year), region });
  };

  const acceptChecked = () => {
    if (!result) return;
    setOutcome(null);
    setProblems({});
    setGeneral([]);
    const destination = mode === 'new'
      ? { kind: 'new' as const, plan }
      : { kind: 'existing' as const, planId: planId ?? 0, documentText: planText.data?.documentText ?? null };
    if (mode === 'existing' && (planId === null || !planText.data)) {
      setError(t('choosePlanFirst'));
      return;
    }
    if (mode === 'new') {
      const parsed = CreatePlanBody.omit({ targets: true }).safeParse(newPlanBody(plan, result.text));
      if (!parsed.success) {
        setGeneral(parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
        setError(t('planFixFirst'));
        return;
      }
    }
    const built = buildAcceptRequest({ text: result.text, candidates: result.data.candidates, forms, checked, catalogue, destination, reason });
    if (!built.ok) {
      setAttempted(true);
      setError(built.empty ? t('noneChecked') : t('fixFirst', { count: Object.keys(built.issues).length }));
      const first = result.data.candidates.find((c) => built.issues[c.id]);
      if (first) setTimeout(() => jumpTo(`cand-${first.id}`), 0);
      return;
    }
    setError(null);
    send.mutate({ request: built.request, items: built.items });
  };

  const data = result?.data;
  const marks = useMemo(() => (data ? marksOf(data) : []), [data]);
  const groups = useMemo(() => withAlternatives(data?.candidates ?? []), [data]);
  // an alternative's words are marked as chosen with its target
  const unchecked = useMemo(() => new Set(groups.flatMap((g) => (checked.has(g.candidate.id) ? [] : [g.candidate.id, ...g.alternatives.map((a) => a.id)]))), [groups, checked]);
  const openCandidates = groups.map((g) => g.candidate).filter((c) => !accepted[c.id]);
  const stale = result !== null && result.text !== text;
  const generalFor = (field: string) => general.filter((g) => g.field === field).map((g) => g.message);
  const planFieldIssue = (field: string) => generalFor(field).length > 0 || undefined;

  return (
    <article className={pageCss.page} data-extract-page>
      <header className={pageCss.head}>
        <h2 className={pageCss.title}>{t('title')}</h2>
        <p className={pageCss.intro}>{t('intro')}</p>
      </header>

      <form className={clsx(panelCss.panel, css.extractInput)} onSubmit={submitExtract} data-extract-form>
        <div className={formCss.formField}>
          <label htmlFor="extract-text" className={formCss.label}>{t('textLabel')}</label>
          <textarea id="extract-text" className={clsx(formCss.control, formCss.area, css.extractInputText)} value={text} rows={8} maxLength={200_000}
            onChange={(e) => setText(e.target.value)} placeholder={t('textPlaceholder')} data-extract-text />
        </div>
        <div className={css.extractInputRow}>
          <div className={formCss.formField}>
            <label htmlFor="extract-year" className={formCss.label}>{t('documentYear')}</label>
            <input id="extract-year" className={clsx(formCss.control, css.extractInputYear)} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} data-extract-year />
          </div>
          <div className={formCss.formField}>
            <label htmlFor="extract-region" className={formCss.label}>{t('province')}</label>
            <select id="extract-region" className={formCss.control} value={region} onChange={(e) => setRegion(e.target.value)}>
              {(provinces.data ?? [{ code: '330000', name: '浙江省' }]).map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
            </select>
          </div>
          <button type="submit" className={buttonCss.button} disabled={run.isPending || upload.isPending || !text.trim()} data-extract-run>
            {run.isPending ? t('running') : t('run')}
          </button>
          <div className={clsx(formCss.formField, css.extractFile)}>
            <span className={formCss.label} aria-hidden="true">{t('fromFile')}</span>
            {/* the browser's own file button speaks the browser's language: ours says 选择文件 */}
            <input id="extract-file" type="file" className={clsx(textCss.visuallyHidden, css.extractFileInput)} accept=".docx,.pdf,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              disabled={upload.isPending || run.isPending} aria-describedby="extract-file-hint" onChange={(e) => chooseFile(e.currentTarget)} data-extract-file />
            <label htmlFor="extract-file" className={clsx(buttonCss.button, buttonCss.secondary, css.extractFileButton)}>{upload.isPending ? t('reading') : t('chooseFile')}</label>
            <span id="extract-file-hint" className={clsx(css.candHint, textCss.muted)}>{t('fileHint')}</span>
          </div>
        </div>
        {run.isError && <p className={formCss.error} role="alert">{run.error.message}</p>}
        {upload.isError && <p className={formCss.error} role="alert" data-upload-error>{upload.error.message}</p>}
        {tooBig && <p className={formCss.error} role="alert" data-upload-error>{tooBig}</p>}
        {upload.isSuccess && upload.data.document && (
          <output className={clsx(noticeCss.notice, noticeCss.ok)} data-upload-read>
            {upload.data.document.pages !== null
              ? t('readFilePages', { name: upload.data.document.fileName, pages: upload.data.document.pages, characters: upload.data.document.characters })
              : t('readFile', { name: upload.data.document.fileName, characters: upload.data.document.characters })}
          </output>
        )}
        {stale && <p className={clsx(noticeCss.notice, noticeCss.warn)} role="note" data-stale>{t('stale')}</p>}
      </form>

      {data && result && (
        <>
          <p className={css.extractSummary} aria-live="polite" data-extract-summary>
            {t('summary', { candidates: groups.length, qualitative: data.qualitative.length, withheld: data.withheld.length })}
          </p>
          <div className={css.extractLayout}>
            <section className={clsx(panelCss.panel, css.extractSource)} aria-labelledby="extract-source-title" data-extract-source>
              <h3 id="extract-source-title" className={panelCss.title}>{t('sourceTitle')}</h3>
              <p className={clsx(css.extractLegend, textCss.muted)}>
                <mark className={clsx(css.hl, css.hlCandidate)}>{t('legendCandidate')}</mark>{' '}
                <mark className={clsx(css.hl, css.hlQualitative)}>{t('legendQualitative')}</mark>{' '}
                {data.withheld.length > 0 && <mark className={clsx(css.hl, css.hlWithheld)}>{t('legendWithheld')}</mark>}
              </p>
              <HighlightedText text={result.text} marks={marks} active={active} unchecked={unchecked} onJump={(key) => jumpTo(`cand-${key}`)} />
            </section>

            <section className={css.extractCandidates} aria-labelledby="extract-candidates-title">
              <div className={css.extractCandidatesHead}>
                <h3 id="extract-candidates-title" className={panelCss.title}>{t('candidatesTitle', { count: groups.length })}</h3>
                {openCandidates.length > 0 && (
                  <div className={pageCss.actions}>
                    <button type="button" className={clsx(buttonCss.button, buttonCss.small, buttonCss.secondary)} onClick={() => setChecked(new Set(openCandidates.map((c) => c.id)))} data-check-all>{t('checkAll')}</button>
                    <button type="button" className={clsx(buttonCss.button, buttonCss.small, buttonCss.ghost)} onClick={() => setChecked(new Set())}>{t('checkNone')}</button>
                    <a className={clsx(buttonCss.button, buttonCss.small)} href="#extract-accept-title" onClick={(e) => { e.preventDefault(); jumpTo('extract-accept-title'); }}>{t('toAccept', { count: checked.size })}</a>
                  </div>
                )}
              </div>
              {data.candidates.length === 0 && <p className={textCss.muted}>{t('noCandidates')}</p>}
              <ol className={css.candList}>
                {groups.map(({ candidate: c, alternatives }, i) => {
                  const form = forms[c.id] ?? formOf(c);
                  return (
                    <CandidateCard key={c.id} candidate={c} alternatives={alternatives} number={i + 1} form={form} checked={checked.has(c.id)}
                      issues={validateForm(form, catalogue)} attempted={attempted && checked.has(c.id)} problems={problems[c.id] ?? []} accepted={accepted[c.id]}
                      catalogue={indicators.data ?? []} parks={parks.data ?? []} cities={cities.data ?? []} active={active === c.id}
                      onChange={(patch) => { setForms((f) => ({ ...f, [c.id]: { ...form, ...patch } })); setActive(c.id); }}
                      onCheck={(on) => setChecked((s) => { const next = new Set(s); if (on) next.add(c.id); else next.delete(c.id); return next; })}
                      onActive={(on) => setActive((a) => (on ? c.id : a === c.id ? null : a))}
                      onJumpToText={() => jumpTo(`mark-${c.id}`)} />
                  );
                })}
              </ol>

              {data.qualitative.length > 0 && (
                <section className={panelCss.panel} aria-labelledby="extract-qual-title" data-qualitative>
                  <h3 id="extract-qual-title" className={panelCss.title}>{t('qualitativeTitle')}</h3>
                  <p className={panelCss.subtitle}>{t('qualitativeText')}</p>
                  <ul className={clsx(textCss.plainList, css.extractAsideList)}>
                    {data.qualitative.map((q, i) => (
                      <li key={i} data-qualitative-aim>{q.text}{q.year !== null && <span className={textCss.muted}> · {t('byYear', { year: q.year })}</span>}</li>
                    ))}
                  </ul>
                </section>
              )}
              {data.withheld.length > 0 && (
                <section className={panelCss.panel} aria-labelledby="extract-withheld-title" data-withheld>
                  <h3 id="extract-withheld-title" className={panelCss.title}>{t('withheldTitle')}</h3>
                  <ul className={clsx(textCss.plainList, css.extractAsideList)}>
                    {data.withheld.map((w, i) => <li key={i}>{w.text} <span className={textCss.muted}>— {w.message}</span></li>)}
                  </ul>
                </section>
              )}
            </section>
          </div>

          {data.candidates.length > 0 && (
            <section className={clsx(panelCss.panel, css.extractAccept)} aria-labelledby="extract-accept-title" data-accept-panel>
              <h3 id="extract-accept-title" className={panelCss.title} tabIndex={-1}>{t('acceptTitle')}</h3>
              <fieldset className={clsx(formCss.formField, css.extractAcceptMode)}>
                <legend className={formCss.label}>{t('destination')}</legend>
                <div className={formCss.checkGrid}>
                  <label className={formCss.check}><input type="radio" name="extract-dest" checked={mode === 'new'} onChange={() => setMode('new')} data-dest="new" />{t('newPlan')}</label>
                  <label className={formCss.check}><input type="radio" name="extract-dest" checked={mode === 'existing'} onChange={() => setMode('existing')} data-dest="existing" />{t('existingPlan')}</label>
                </div>
              </fieldset>
              {mode === 'new' ? (
                <div className={formCss.row} data-new-plan>
                  {([
                    ['title', 'targetForm:plan.title', true], ['issuer', 'targetForm:plan.issuer', false], ['documentNumber', 'targetForm:plan.documentNumber', false],
                    ['issuedOn', 'targetForm:plan.issuedOn', false], ['url', 'targetForm:plan.url', false],
                  ] as const).map(([field, label, required]) => (
                    <div key={field} className={field === 'title' ? clsx(formCss.formField, css.extractAcceptTitle) : formCss.formField}>
                      <label htmlFor={`plan-${field}`} className={formCss.label}>{t(label)}{required && <span aria-hidden="true"> *</span>}</label>
                      <input id={`plan-${field}`} className={formCss.control} value={plan[field]} required={required} aria-invalid={planFieldIssue(field)}
                        placeholder={field === 'issuedOn' ? '2021-06-01' : field === 'url' ? 'https://' : field === 'documentNumber' ? '浙政发〔2021〕12号' : undefined}
                        onChange={(e) => setPlan((p) => ({ ...p, [field]: e.target.value }))} data-plan-field={field} />
                      {generalFor(field).map((m, i) => <span key={i} className={formCss.fieldError}>{m}</span>)}
                    </div>
                  ))}
                  <p className={clsx(textCss.muted, css.extractAcceptNote)}>{t('textStored', { length: result.text.length })}</p>
                </div>
              ) : (
                <div className={formCss.row}>
                  <div className={formCss.formField}>
                    <label htmlFor="extract-plan" className={formCss.label}>{t('choosePlan')}</label>
                    <select id="extract-plan" className={formCss.control} value={planId ?? ''} onChange={(e) => setPlanId(e.target.value ? Number(e.target.value) : null)} data-existing-plan>
                      <option value="">—</option>
                      {(plans.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.code} · {p.title}</option>)}
                    </select>
                  </div>
                  {planText.data && (
                    <p className={clsx(textCss.muted, css.extractAcceptNote)} data-plan-text-note>
                      {planText.data.documentText === null ? t('planNoText')
                        : planText.data.documentText === result.text || planText.data.documentText.includes(result.text) ? t('planSameText')
                        : t('planOtherText')}
                    </p>
                  )}
                  <div className={formCss.formField}>
                    <label htmlFor="extract-reason" className={formCss.label}>{t('reason')}</label>
                    <input id="extract-reason" className={formCss.control} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
                  </div>
                </div>
              )}

              {error && (
                <div className={clsx(formCss.error, formCss.errorBlock)} role="alert" tabIndex={-1} ref={errorRef} data-accept-error>
                  <p><span aria-hidden="true">✖ </span>{error}</p>
                  {Object.keys(problems).length > 0 && (
                    <p data-problem-cards>
                      {t('problemCards')}{' '}
                      {groups.map(({ candidate: c }, i) => (problems[c.id] ? (
                        <a key={c.id} className={css.candRef} href={`#cand-${c.id}`} onClick={(e) => { e.preventDefault(); jumpTo(`cand-${c.id}`); }}>{i + 1}</a>
                      ) : null))}
                    </p>
                  )}
                  {general.filter((g) => mode === 'existing' || !['title', 'issuer', 'documentNumber', 'issuedOn', 'url'].includes(g.field)).length > 0 && (
                    <ul>{general.map((g, i) => <li key={i}>{g.field}: {g.message}</li>)}</ul>
                  )}
                </div>
              )}
              {outcome && (
                <output className={clsx(noticeCss.notice, noticeCss.ok)} data-accept-outcome={outcome.planId}>
                  {t('accepted', { count: outcome.count, title: outcome.title })} <Link to={`/plans/${outcome.planId}`} data-plan-link>{t('openPlan')}</Link>
                </output>
              )}
              <div className={css.extractAcceptActions}>
                <p className={textCss.muted} aria-live="polite">{t('checkedCount', { count: checked.size })}</p>
                <button type="button" className={buttonCss.button} onClick={acceptChecked} disabled={send.isPending} data-accept>
                  {send.isPending ? t('accepting') : t('accept', { count: checked.size })}
                </button>
              </div>
            </section>
          )}
        </>
      )}
    </article>
  );
}
