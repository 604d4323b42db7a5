import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * A dashboard count that leads to its list. A zero is not shown: on a phone, a column of
 * "0 quotes" cards pushes what matters off the screen and tells the client nothing.
 */
export function CountTile({
  count,
  to,
  label,
  attention = false,
  className = '',
}: {
  count: number;
  to: string;
  label: ReactNode;
  /** Something waits for the client: the tile stands out. */
  attention?: boolean;
  className?: string;
}) {
  if (count <= 0) return null;
  return (
    <Link
      to={to}
      className={`block rounded-xl border p-4 shadow-sm hover:border-slate-300 hover:shadow ${attention ? 'border-amber-300 bg-amber-50' : 'border-slate-200 bg-white'} ${className}`}
    >
      <p className="text-2xl font-semibold text-slate-900">{count}</p>
      <p className="text-sm text-slate-700">{label}</p>
    </Link>
  );
}
