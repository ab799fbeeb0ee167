// A chart that can also be read as a table, and exported: the chart as PNG, the table as CSV and Excel.
import { useId, useRef, useState, type ReactNode } from 'react';
import type { EChartsOption } from 'echarts';
import { downloadCsv, downloadPng, downloadXlsx } from '../lib/export.ts';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../lib/ui/DataTable.tsx';
import type { TableData } from '../lib/table.ts';
import { Chart } from './Chart.tsx';
import type { EChartsType } from './echarts.ts';

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
    <section className="panel chart-panel" aria-labelledby={titleId} data-testid={props.testId}>
      <header className="panel__header">
        <div className="panel__titles">
          <h2 id={titleId} className="panel__title">{props.title}</h2>
          {props.subtitle && <p className="panel__subtitle">{props.subtitle}</p>}
        </div>
        <div className="panel__tools no-print">
          <fieldset className="segmented">
            <legend className="visually-hidden">{t('chart.view')}</legend>
            <button type="button" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>{t('chart.chart')}</button>
            <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>{t('chart.table')}</button>
          </fieldset>
          <fieldset className="export">
            <legend className="visually-hidden">{t('chart.export')}</legend>
            <button type="button" className="button button--ghost" onClick={png} disabled={view !== 'chart'} data-export="png">{t('chart.png')}</button>
            <button type="button" className="button button--ghost" onClick={() => downloadCsv(props.table, props.fileName)} data-export="csv">{t('chart.csv')}</button>
            <button type="button" className="button button--ghost" onClick={() => void xlsx()} disabled={busy} data-export="xlsx">
              {busy ? t('chart.exporting') : t('chart.xlsx')}
            </button>
          </fieldset>
        </div>
      </header>
      {error && <p className="notice notice--warn" role="alert">{error}</p>}
      <div className={view === 'chart' ? 'panel__chart' : 'panel__chart is-hidden'} aria-hidden={view !== 'chart'}>
        <Chart option={props.option} height={props.height} label={props.title} chartRef={chart} onItemClick={props.onItemClick} />
      </div>
      {view === 'table' && <DataTable table={props.table} caption={props.title} />}
      {props.children}
    </section>
  );
}
