// A table of figures as the charts also show them: numbers right-aligned in their units.
import type { TableData } from '../table.ts';
import { displayCell } from '../table.ts';
import * as tableCss from './table.module.css';
import * as textCss from './text.module.css';

export function DataTable({ table, caption, maxHeight }: { table: TableData; caption: string; maxHeight?: number }) {
  return (
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
    <section className={tableCss.scroll} style={maxHeight ? { maxHeight } : undefined} tabIndex={0} aria-label={caption}>
      <table className={tableCss.table}>
        <caption className={textCss.visuallyHidden}>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c, i) => <th key={i} scope="col" className={c.numeric ? tableCss.num : undefined}>{c.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => {
                const column = table.columns[i]!;
                return i === 0
                  ? <th key={i} scope="row">{displayCell(column, cell)}</th>
                  : <td key={i} className={column.numeric ? tableCss.num : undefined}>{displayCell(column, cell)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
