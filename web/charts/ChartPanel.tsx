// A chart that can also be read as a table, and exported: the chart as PNG, the table as CSV and Excel.
import { useId, useRef, useState, type ReactNode } from 'react';
import type { EChartsOption } from 'echarts';
import { downloadCsv, downloadPng, downloadXlsx } from '../lib/export.ts';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../lib/ui/DataTable.tsx';
import type { TableData } from '../lib/table.ts';
import { Chart } from './Chart.tsx';
import type { EChartsType } from './echarts.ts';
import { clsx } from 'clsx';
import * as css from './Chart.module.css';
import * as exportCss from '../lib/ui/ExportButtons.module.css';
import * as buttonCss from '../lib/ui/button.module.css';
import * as noticeCss from '../lib/ui/notice.module.css';
import * as panelCss from '../lib/ui/panel.module.css';
import * as textCss from '../lib/ui/text.module.css';

export interface ChartPanelProps {
  title: string;
  /** A line under the title: what is drawn, which year. */
  subtitle?: ReactNode;
  option: EChartsOption;
  table: TableData;
  height: number;
  /** File name for the downloads, without extension. */
  fileName: string;
  /** Start on the table (the URL may say so). */
  view?: 'chart' | 'table';
  onViewChange?: (view: 'chart' | 'table') => void;
  onItemClick?: (params: { dataIndex: number; seriesIndex: number; seriesType: string; name: string }) => void;
  children?: ReactNode;
  testId?: string;
}

export function ChartPanel(props: ChartPanelProps) {
  const { t } = useTranslation();
  const [localView, setLocalView] = useState<'chart' | 'table'>(props.view ?? 'chart');
  const view = props.view ?? localView;
  const setView = (v: 'chart' | 'table') => (props.onViewChange ? props.onViewChange(v) : setLocalView(v));
  const chart = useRef<EChartsType | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();

  const png = () => {
    const c = chart.current;
    if (c) downloadPng(c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }), props.fileName);
  };
  const xlsx = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadXlsx(props.table, props.fileName);
    } catch (err) {
      setError(t('chart.exportFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={panelCss.panel} aria-labelledby={titleId} data-testid={props.testId}>
      <header className={panelCss.header}>
        <div className={panelCss.titles}>
          <h2 id={titleId} className={panelCss.title}>{props.title}</h2>
          {props.subtitle && <p className={panelCss.subtitle} data-testid="chart-subtitle">{props.subtitle}</p>}
        </div>
        <div className={clsx(panelCss.tools, 'no-print')}>
          <fieldset className={exportCss.segmented}>
            <legend className={textCss.visuallyHidden}>{t('chart.view')}</legend>
            <button type="button" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>{t('chart.chart')}</button>
            <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>{t('chart.table')}</button>
          </fieldset>
          <fieldset className={exportCss.group}>
            <legend className={textCss.visuallyHidden}>{t('chart.export')}</legend>
            <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={png} disabled={view !== 'chart'} data-export="png">{t('chart.png')}</button>
            <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => downloadCsv(props.table, props.fileName)} data-export="csv">{t('chart.csv')}</button>
            <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => void xlsx()} disabled={busy} data-export="xlsx">
              {busy ? t('chart.exporting') : t('chart.xlsx')}
            </button>
          </fieldset>
        </div>
      </header>
      {error && <p className={clsx(noticeCss.notice, noticeCss.warn)} role="alert">{error}</p>}
      <div className={view === 'chart' ? css.panel : clsx(css.panel, css.isHidden)} aria-hidden={view !== 'chart'}>
        <Chart option={props.option} height={props.height} label={props.title} chartRef={chart} onItemClick={props.onItemClick} />
      </div>
      {view === 'table' && <DataTable table={props.table} caption={props.title} />}
      {props.children}
    </section>
  );
}
