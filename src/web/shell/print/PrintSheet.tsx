import type { ReactNode } from 'react';

export interface PrintColumn<T> {
  title: ReactNode;
  /** a share of the page's width ('12%'); columns without one share what is left */
  width?: string;
  align?: 'left' | 'right' | 'center';
  render: (row: T, index: number) => ReactNode;
}

interface Props<T> {
  /** the sheet's heading: what is printed (unit, kind of list) */
  title: string;
  /** lines under it: the filter, the count, the ledger's day, a warning */
  lines: ReactNode[];
  columns: PrintColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** no cell borders (a sheet of pictures rather than a table) */
  plain?: boolean;
  testId: string;
}

/**
 * A printed sheet: one table whose <thead> holds the title and the column headers, so that the browser
 * prints both again at the top of every page (print.css). Plain HTML rather than Ant Design's table: a
 * table of 2,000 rows lays out fast, fits the paper's width, and no scroll box or sticky header cuts it.
 */
export function PrintSheet<T>({ title, lines, columns, rows, rowKey, plain, testId }: Props<T>) {
  const showHeaders = columns.some((c) => c.title);
  return (
    <table className={plain ? 'print-sheet print-plain' : 'print-sheet'} data-testid={testId}>
      <colgroup>
        {columns.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for a sheet
          <col key={i} style={c.width ? { width: c.width } : undefined} />
        ))}
      </colgroup>
      <thead>
        <tr className="print-title">
          <th colSpan={columns.length}>
            <h1 data-testid="print-title">{title}</h1>
            {lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines are fixed for a sheet
              <p key={i}>{line}</p>
            ))}
          </th>
        </tr>
        {showHeaders && (
          <tr className="print-columns">
            {columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for a sheet
              <th key={i} style={{ textAlign: c.align ?? 'left' }}>
                {c.title}
              </th>
            ))}
          </tr>
        )}
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={rowKey(row)}>
            {columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for a sheet
              <td key={i} style={{ textAlign: c.align ?? 'left' }}>
                {c.render(row, r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
