import type { ReactNode } from 'react';

export interface Column {
  label: string;
  /** Extra classes for the header cell, e.g. to hide a column on medium screens. */
  className?: string;
}

/** A table on wide screens; under 640 px each row becomes a card whose cells carry their labels. */
export function ResponsiveTable({
  columns,
  label,
  children,
}: {
  columns: (string | Column)[];
  /** The table's accessible name, e.g. "Quotes". */
  label?: string;
  children: ReactNode;
}) {
  return (
    <table
      aria-label={label}
      className="w-full text-left text-sm sm:overflow-hidden sm:rounded-xl sm:border sm:border-slate-200 sm:bg-white sm:shadow-sm"
    >
      <thead className="hidden border-b border-slate-200 bg-slate-50 text-slate-700 sm:table-header-group">
        <tr>
          {columns.map((c) => {
            const column = typeof c === 'string' ? { label: c } : c;
            return (
              <th
                key={column.label}
                scope="col"
                className={`px-4 py-3 font-semibold ${column.className ?? ''}`}
              >
                {column.label}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody className="grid gap-3 sm:table-row-group sm:divide-y sm:divide-slate-100">{children}</tbody>
    </table>
  );
}

/** A cell that shows its column's label beside the value when the row is a card. */
export function Cell({
  label,
  wide = 'sm:table-cell',
  children,
}: {
  label: string;
  wide?: string;
  children: ReactNode;
}) {
  return (
    <td className={`flex items-baseline justify-between gap-4 py-1 sm:px-4 sm:py-3 ${wide}`}>
      <span className="shrink-0 text-slate-600 sm:hidden">{label}</span>
      <span className="min-w-0 text-right text-slate-800 sm:text-left">{children}</span>
    </td>
  );
}
