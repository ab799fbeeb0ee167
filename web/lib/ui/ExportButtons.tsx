import { useState } from 'react';
import { downloadCsv, downloadXlsx } from '../export.ts';
import { useTranslation } from 'react-i18next';
import type { TableData } from '../table.ts';
import { clsx } from 'clsx';
import * as css from './ExportButtons.module.css';
import * as buttonCss from './button.module.css';
import * as textCss from './text.module.css';

/** CSV and Excel downloads of a table that has no chart. */
export function ExportButtons({ table, fileName }: { table: TableData; fileName: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const xlsx = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadXlsx(table, fileName);
    } catch (err) {
      setError(t('chart.exportFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className={clsx(css.group, 'no-print')}>
      <legend className={textCss.visuallyHidden}>{t('chart.export')}</legend>
      <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => downloadCsv(table, fileName)} data-export="csv">{t('chart.csv')}</button>
      <button type="button" className={clsx(buttonCss.button, buttonCss.ghost)} onClick={() => void xlsx()} disabled={busy} data-export="xlsx">{busy ? t('chart.exporting') : t('chart.xlsx')}</button>
      {error && <span role="alert" className={css.error}>{error}</span>}
    </fieldset>
  );
}
