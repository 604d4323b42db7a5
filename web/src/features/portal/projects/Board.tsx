import { useT } from '@/lib/i18n/hooks';
import { usePortalFormat } from '@/lib/portal';
import type { BoardColumn } from './api';
import { taskColumn } from './labels';

/**
 * The project's task board, read-only: one column per status, in the board's order. An empty
 * "Cancelled" column is left out; on a phone the columns stack.
 */
export function Board({ columns }: { columns: BoardColumn[] }) {
  const t = useT();
  const format = usePortalFormat();
  const shown = columns.filter((c) => c.status !== 'cancelled' || c.tasks.length > 0);
  if (columns.every((c) => c.tasks.length === 0)) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-8 text-center text-sm text-slate-600">
        {t('portalProjects.board.empty')}
      </p>
    );
  }
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:auto-cols-fr lg:grid-flow-col lg:grid-cols-none">
      {shown.map((column) => {
        const id = `board-${column.status}`;
        const waiting = column.status === 'query';
        return (
          <section
            key={column.status}
            aria-labelledby={id}
            className={`min-w-0 rounded-xl border p-3 ${waiting && column.tasks.length > 0 ? 'border-amber-300 bg-amber-50' : 'border-slate-200 bg-slate-50'}`}
          >
            <h3
              id={id}
              className="flex items-center justify-between gap-2 text-sm font-semibold text-slate-800"
            >
              {taskColumn(column.status)}
              <span className="rounded-full bg-white px-2 text-xs font-medium text-slate-700">
                {column.tasks.length}
                <span className="sr-only">
                  {' '}
                  {t('portalProjects.board.tasks', { count: column.tasks.length })}
                </span>
              </span>
            </h3>
            {column.tasks.length === 0 ? (
              <p className="mt-2 text-sm text-slate-500">{t('portalProjects.board.nothing')}</p>
            ) : (
              <ul className="mt-2 space-y-2">
                {column.tasks.map((task) => (
                  <li
                    key={task.id}
                    className="rounded-lg border border-slate-200 bg-white p-2.5 text-sm shadow-sm"
                  >
                    <p
                      className={`break-words font-medium ${column.status === 'cancelled' ? 'text-slate-500 line-through' : 'text-slate-900'}`}
                    >
                      {task.title}
                    </p>
                    {task.due_date && column.status !== 'done' && column.status !== 'cancelled' && (
                      <p className="mt-0.5 text-slate-600">
                        {t('portalProjects.due', { date: format.day(task.due_date) })}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
