import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Badge, Card } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';

/** A link inside a line of text or a list. */
export const textLink =
  'font-medium text-slate-900 underline decoration-slate-300 underline-offset-2 hover:decoration-slate-600';

/** A section of the home page, its full count next to its title. */
export function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  const heading = (
    <span className="flex items-center gap-2">
      {title}
      {count !== undefined && count > 0 && <Badge>{count}</Badge>}
    </span>
  );
  return <Card title={heading}>{children}</Card>;
}

/** The lines of a section. */
export function Lines({ children }: { children: ReactNode }) {
  return <ul className="divide-y divide-slate-100">{children}</ul>;
}

export function Line({ children }: { children: ReactNode }) {
  return <li className="py-3 first:pt-0 last:pb-0">{children}</li>;
}

/** A section with nothing in it, said kindly. */
export function Quiet({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-600">{children}</p>;
}

/** "And 4 more", leading to the list that holds them all; nothing when the list is whole. */
export function More({ count, to }: { count: number; to: string }) {
  const t = useT();
  if (count <= 0) return null;
  return (
    <p className="mt-4 text-sm">
      <Link to={to} className={textLink}>
        {t('consoleHome.more', { count })}
      </Link>
    </p>
  );
}

/** "Today", "Yesterday", "3 days ago". */
export function DaysAgo({ days, at }: { days: number; at: string }) {
  const t = useT();
  return <time dateTime={at}>{t('consoleHome.when', { days })}</time>;
}
