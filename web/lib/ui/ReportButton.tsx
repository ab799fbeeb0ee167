// 导出Word报告: the progress report of the current filters (GET /api/reports/progress.docx), for
// planners and admins. While the server writes it, the button says so with the seconds passing; a
// refusal (no province chosen, no target matches) is shown in the server's words.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, REPORTERS } from '../access.ts';
import { apiErrorOf, apiHeaders } from '../api.ts';
import { fileNameOf, reportPath, type ReportFilters } from '../report.ts';
import { useMe } from '../session.ts';
import { clsx } from 'clsx';
import * as css from './ReportButton.module.css';
import * as buttonCss from './button.module.css';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type { ReportFilters };

type State = { kind: 'idle' } | { kind: 'making'; since: number } | { kind: 'done'; name: string } | { kind: 'error'; message: string };

export function ReportButton(filters: ReportFilters) {
  const { t } = useTranslation();
  const me = useMe();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (state.kind !== 'making') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [state.kind]);
  if (!hasRole(me.data, REPORTERS)) return null;

  const province = filters.province;
  const make = async () => {
    if (!province) return;
    setState({ kind: 'making', since: Date.now() });
    setNow(Date.now());
    try {
      const res = await fetch(reportPath({ ...filters, province }), { headers: apiHeaders({ Accept: `${DOCX}, application/json` }) });
      if (!res.ok) {
        const error = apiErrorOf(await res.json().catch(() => undefined));
        setState({ kind: 'error', message: error?.message ?? t('report.httpError', { status: res.status }) });
        return;
      }
      const name = fileNameOf(res.headers.get('content-disposition')) ?? 'progress-report.docx';
      // the download helpers load with the first report, not with the overview
      const [{ downloadBlob }, blob] = await Promise.all([import('../export.ts'), res.blob()]);
      downloadBlob(blob, name);
      setState({ kind: 'done', name });
    } catch {
      setState({ kind: 'error', message: t('report.network') });
    }
  };
  const making = state.kind === 'making';
  const seconds = making ? Math.max(0, Math.round((now - state.since) / 1000)) : 0;
  return (
    <span className={clsx(css.report, 'no-print')} data-report>
      <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => void make()} disabled={!province || making}
        aria-describedby={!province ? 'report-why' : undefined} data-report-button>
        {making ? t('report.making') : t('report.button')}
      </button>
      {!province && <span id="report-why" className={css.note} data-report-why>{t('report.needProvince')}</span>}
      <output className={css.note}>
        {making && (
          <span className={css.progress} data-report-progress>
            <progress className={css.bar} aria-label={t('report.making')} />
            {t('report.elapsed', { seconds })}
          </span>
        )}
        {state.kind === 'done' && <span data-report-done>{t('report.done', { name: state.name })}</span>}
      </output>
      {state.kind === 'error' && <span role="alert" className={css.error} data-report-error>{t('report.failed', { message: state.message })}</span>}
    </span>
  );
}
