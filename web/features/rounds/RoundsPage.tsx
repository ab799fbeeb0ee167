// 填报轮次: the reporting rounds with their deadlines, and (planners) opening a year's round: which
// province, by when, and which figures every park reports.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ANNUAL_INDICATORS } from '../../../shared/indicators.ts';
import { Round } from '../../../shared/schemas.ts';
import { defaultReportYear, hasRole, REVIEWERS } from '../../lib/access.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, useLocale } from '../../lib/i18n.ts';
import { useIndicators, useMeta } from '../../lib/queries.ts';
import { recentYears, useCurrentYear } from '../../lib/reporting.ts';
import { ApiWriteError, invalidateAfterWrite, sendJson, useMe } from '../../lib/session.ts';
import { EmptyState, QueryState } from '../../lib/ui/States.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { defaultDeadline } from './model.ts';
import { useRounds } from './queries.ts';
import { clsx } from 'clsx';
import * as css from './rounds.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as formCss from '../../lib/ui/form.module.css';
import * as noticeCss from '../../lib/ui/notice.module.css';
import * as pageCss from '../../lib/ui/page.module.css';
import * as panelCss from '../../lib/ui/panel.module.css';
import * as textCss from '../../lib/ui/text.module.css';
import './words.ts';

export default function RoundsPage() {
  const { t } = useTranslation(['rounds', 'common']);
  useDocumentTitle(t('title'));
  const me = useMe().data;
  const rounds = useRounds();
  const planner = hasRole(me, REVIEWERS);
  return (
    <div className={pageCss.page}>
      <header className={pageCss.head}><h2 className={pageCss.title}>{t('title')}</h2></header>
      <p className={pageCss.intro}>{t('intro')}</p>
      {planner && <OpenRoundForm />}
      <section className={panelCss.panel} aria-labelledby="rounds-list-title">
        <h3 id="rounds-list-title" className={panelCss.title}>{t('listTitle')}</h3>
        <QueryState query={rounds} loadingLines={1}
          renderEmpty={(list) => (list.length === 0 ? <EmptyState title={t('emptyTitle')}><p>{planner ? t('emptyPlanner') : t('emptyText')}</p></EmptyState> : null)}>
          {(list) => (
            <ul className={css.roundList}>
              {list.map((r) => (
                <li key={r.id} className={css.round} data-round={r.id}>
                  <div>
                    <Link className={css.roundTitle} to={`/rounds/${r.id}`}>{t('roundName', { year: r.year, province: r.provinceName })}</Link>
                    <p className={textCss.muted}>{t('deadlineLine', { date: r.deadline, count: r.indicatorCodes.length })}{r.note ? ` · ${r.note}` : ''}</p>
                  </div>
                  <div className={css.roundSide}>
                    {r.closedAt ? <span className={noticeCss.tag}>{t('closed')}</span>
                      : r.overdue ? <span className={noticeCss.overdue}><span aria-hidden="true">⚠ </span>{t('pastDeadline')}</span>
                        : <span className={clsx(noticeCss.tag, noticeCss.tagOk)}>{t('open')}</span>}
                    <Link className={clsx(buttonCss.button, buttonCss.small)} to={`/rounds/${r.id}`}>{t('board')}</Link>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </section>
    </div>
  );
}

function OpenRoundForm() {
  const { t } = useTranslation(['rounds', 'common']);
  const locale = useLocale();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const meta = useMeta();
  const indicators = useIndicators();
  const currentYear = useCurrentYear();
  const [year, setYear] = useState(() => defaultReportYear(currentYear));
  const [province, setProvince] = useState('');
  const [deadline, setDeadline] = useState(() => defaultDeadline(new Date()));
  const [codes, setCodes] = useState<string[]>([...ANNUAL_INDICATORS]);
  const [note, setNote] = useState('');
  const provinceCode = province || meta.data?.provinces[0]?.code || '330000';
  const reportable = (indicators.data ?? []).filter((i) => i.kind !== 'coverage');
  const usual = reportable.filter((i) => ANNUAL_INDICATORS.includes(i.code));
  const more = reportable.filter((i) => !ANNUAL_INDICATORS.includes(i.code));
  const checkbox = (i: (typeof reportable)[number]) => (
    <label key={i.code} className={formCss.check}>
      <input type="checkbox" checked={codes.includes(i.code)} onChange={(e) => setCodes(e.target.checked ? [...codes, i.code] : codes.filter((c) => c !== i.code))} />
      {indicatorName(i, locale)}
    </label>
  );

  const open = useMutation({
    mutationFn: () => sendJson('POST', '/api/rounds', { year, provinceCode, deadline, indicatorCodes: codes, ...(note.trim() ? { note: note.trim() } : {}) }, Round),
    onSuccess: (round) => {
      void invalidateAfterWrite(queryClient);
      void navigate(`/rounds/${round.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (codes.length === 0 || !deadline) return;
    open.mutate();
  };
  const fieldError = (path: string) => (open.error instanceof ApiWriteError ? open.error.details.find((d) => d.path === path)?.message : undefined);

  return (
    <section className={panelCss.panel} aria-labelledby="open-round-title">
      <h3 id="open-round-title" className={panelCss.title}>{t('openTitle')}</h3>
      <form className={formCss.stack} onSubmit={submit} data-open-round>
        <div className={formCss.row}>
          <div className={formCss.formField}>
            <label htmlFor="round-year" className={formCss.label}>{t('common:col.year')}</label>
            <select id="round-year" className={formCss.control} value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {recentYears(currentYear, 8).map((y) => <option key={y} value={y}>{t('common:words.year', { year: y })}</option>)}
            </select>
          </div>
          <div className={formCss.formField}>
            <label htmlFor="round-province" className={formCss.label}>{t('common:filter.province')}</label>
            <select id="round-province" className={formCss.control} value={provinceCode} onChange={(e) => setProvince(e.target.value)}>
              {(meta.data?.provinces ?? []).map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
            </select>
          </div>
          <div className={formCss.formField}>
            <label htmlFor="round-deadline" className={formCss.label}>{t('deadline')}</label>
            <input id="round-deadline" type="date" className={formCss.control} value={deadline} required onChange={(e) => setDeadline(e.target.value)}
              aria-invalid={!!fieldError('deadline') || undefined} />
            {fieldError('deadline') && <p className={formCss.fieldError}>{fieldError('deadline')}</p>}
          </div>
        </div>
        <fieldset className={formCss.formField}>
          <legend className={formCss.label}>{t('indicators')}</legend>
          <div className={formCss.checkGrid}>{usual.map(checkbox)}</div>
          {more.length > 0 && (
            <details className={css.moreIndicators}>
              <summary>{t('more', { count: more.length, chosen: more.filter((i) => codes.includes(i.code)).length })}</summary>
              <div className={formCss.checkGrid}>{more.map(checkbox)}</div>
            </details>
          )}
          {codes.length === 0 && <p className={formCss.fieldError}>{t('pickOne')}</p>}
        </fieldset>
        <div className={formCss.formField}>
          <label htmlFor="round-note" className={formCss.label}>{t('note')}</label>
          <input id="round-note" className={formCss.control} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
        </div>
        {open.isError && <p className={formCss.error} role="alert" data-round-error><span aria-hidden="true">✖ </span>{open.error.message}</p>}
        <div><button type="submit" className={buttonCss.button} disabled={open.isPending || codes.length === 0} data-open-round-submit>{open.isPending ? t('opening') : t('openButton')}</button></div>
      </form>
    </section>
  );
}
