import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'react-router';

/**
 * Tabs that are links, so the chosen tab lives in the URL (reload and back keep it).
 *
 * On a phone the row is wider than the screen: it scrolls sideways, the chosen tab is
 * scrolled into view, and a fade on the side that has more tells that there is more.
 */
export function TabLinks({
  label,
  tabs,
}: {
  label: string;
  tabs: { to: string; label: string; selected: boolean }[];
}) {
  const row = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState({ start: false, end: false });

  const measure = useCallback(() => {
    const el = row.current;
    if (!el) return;
    const start = el.scrollLeft > 1;
    const end = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    setMore((m) => (m.start === start && m.end === end ? m : { start, end }));
  }, []);

  useEffect(() => {
    const el = row.current;
    if (!el) return;
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, [measure]);

  const selected = tabs.find((t) => t.selected)?.to;
  useLayoutEffect(() => {
    const tab = row.current?.querySelector<HTMLElement>('[aria-selected="true"]');
    // `nearest` scrolls only the row, and only when the tab is cut off.
    tab?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    measure();
  }, [selected, measure]);

  const fade = 'pointer-events-none absolute inset-y-0 w-8 from-slate-100 to-transparent';
  return (
    <div className="relative mb-4 max-w-full sm:inline-block">
      <div
        ref={row}
        role="tablist"
        aria-label={label}
        className="flex overflow-x-auto rounded-lg bg-slate-100 p-1 [scrollbar-width:none] sm:inline-flex [&::-webkit-scrollbar]:hidden"
      >
        {tabs.map((tab) => (
          <Link
            key={tab.to}
            role="tab"
            aria-selected={tab.selected}
            to={tab.to}
            className={`shrink-0 rounded-md px-4 py-1.5 text-sm font-medium whitespace-nowrap ${tab.selected ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-700'}`}
          >
            {tab.label}
          </Link>
        ))}
      </div>
      {more.start && (
        <span
          aria-hidden
          data-testid="tabs-more-start"
          className={`${fade} left-0 rounded-l-lg bg-linear-to-r`}
        />
      )}
      {more.end && (
        <span
          aria-hidden
          data-testid="tabs-more-end"
          className={`${fade} right-0 rounded-r-lg bg-linear-to-l`}
        />
      )}
    </div>
  );
}
