import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useT } from '@/lib/i18n/hooks';

export interface NavItem {
  to: string;
  label: string;
  /** Active only on exactly this path (for a section's start page). */
  end?: boolean;
}

/** A section of the navigation: its name and its pages. */
export interface NavGroup {
  label: string;
  items: NavItem[];
}

/** One entry of the bar: a page of its own, or a section of pages. */
export type NavEntry = NavItem | NavGroup;

function isGroup(entry: NavEntry): entry is NavGroup {
  return 'items' in entry;
}

/** Whether `item` is the page at `pathname` or one of its sub-pages (as `NavLink` decides). */
function isActive(pathname: string, item: NavItem): boolean {
  const to = item.to.replace(/\/+$/, '') || '/';
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === to) return true;
  if (item.end) return false;
  return to === '/' || path.startsWith(`${to}/`);
}

const tones = {
  light: {
    bar: 'border-slate-100',
    active: 'bg-brand text-brand-fg',
    idle: 'text-slate-700 hover:bg-slate-100',
    toggle: 'border-slate-300 text-slate-800',
    heading: 'text-slate-500',
    panel: 'sm:border sm:border-slate-200 sm:bg-white',
  },
  dark: {
    bar: 'border-slate-800',
    active: 'bg-white text-slate-900',
    idle: 'text-slate-200 hover:bg-slate-800',
    toggle: 'border-slate-600',
    heading: 'text-slate-400',
    panel: 'sm:border sm:border-slate-700 sm:bg-slate-900',
  },
};

export function SkipLink() {
  const t = useT();
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
    >
      {t('components.skipToContent')}
    </a>
  );
}

/** The button that opens the navigation on phones; hidden from 640 px up. */
export function MenuToggle({
  controls,
  open,
  onToggle,
  tone = 'light',
}: {
  controls: string;
  open: boolean;
  onToggle: () => void;
  tone?: keyof typeof tones;
}) {
  const t = useT();
  const button = useRef<HTMLButtonElement>(null);
  // An open menu covers the page on a phone: Escape closes it and puts the person back on
  // the button, where they were before opening it.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      onToggle();
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, onToggle]);
  return (
    <button
      ref={button}
      type="button"
      className={`rounded-lg border px-3 py-2 text-sm font-medium sm:hidden ${tones[tone].toggle}`}
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
    >
      {t('components.menu')}
    </button>
  );
}

/** The arrow of a section's button, turned up while its pages show. */
function Chevron({ open }: { open: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      fill="currentColor"
      className={`h-4 w-4 transition-transform ${open ? 'rotate-180' : ''}`}
    >
      <path
        fillRule="evenodd"
        d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.17l3.71-3.94a.75.75 0 1 1 1.08 1.04l-4.25 4.5a.75.75 0 0 1-1.08 0l-4.25-4.5a.75.75 0 0 1 .02-1.06z"
        clipRule="evenodd"
      />
    </svg>
  );
}

/**
 * The site's navigation. From 640 px up, a row: a page is a link, a section is a button that
 * opens its pages below it (Escape, a click elsewhere or leaving it by Tab closes it again), and
 * the section of the page on screen is marked as current. On phones, the list `MenuToggle`
 * opens, with every section's pages under the section's name.
 */
export function ShellNav({
  id,
  label,
  items,
  open,
  onNavigate,
  width,
  tone = 'light',
}: {
  id: string;
  label: string;
  items: NavEntry[];
  open: boolean;
  onNavigate: () => void;
  /** Tailwind max-width class, matching the page's. */
  width: string;
  tone?: keyof typeof tones;
}) {
  const t = tones[tone];
  const uid = useId();
  const { pathname } = useLocation();
  // The section whose pages are shown below the row, by its place in `items`.
  const [expanded, setExpanded] = useState<number | null>(null);
  const openGroup = useRef<HTMLLIElement>(null);

  // Whatever moved the page (a link, Back), the section's pages close.
  const [shownAt, setShownAt] = useState(pathname);
  if (shownAt !== pathname) {
    setShownAt(pathname);
    setExpanded(null);
  }

  // A click anywhere outside the open section closes it.
  useEffect(() => {
    if (expanded === null) return;
    const onPointer = (e: PointerEvent) => {
      if (!openGroup.current?.contains(e.target as Node)) setExpanded(null);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [expanded]);

  const ids = (i: number) => ({
    button: `${uid}-section-${i}`,
    heading: `${uid}-heading-${i}`,
    panel: `${uid}-pages-${i}`,
  });

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape' || expanded === null) return;
    // Handled here: the phone menu (if open) stays as it is.
    e.preventDefault();
    document.getElementById(ids(expanded).button)?.focus();
    setExpanded(null);
  };

  const onBlur = (i: number) => (e: FocusEvent<HTMLLIElement>) => {
    if (expanded === i && !e.currentTarget.contains(e.relatedTarget as Node | null)) setExpanded(null);
  };

  const navigate = () => {
    setExpanded(null);
    onNavigate();
  };

  const link = (item: NavItem) => (
    <NavLink
      to={item.to}
      end={item.end}
      onClick={navigate}
      className={({ isActive }) =>
        `block whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium ${isActive ? t.active : t.idle}`
      }
    >
      {item.label}
    </NavLink>
  );

  return (
    <nav
      id={id}
      aria-label={label}
      onKeyDown={onKeyDown}
      className={`${open ? 'block' : 'hidden'} border-t sm:block ${t.bar}`}
    >
      <ul className={`mx-auto flex flex-col gap-1 px-4 py-2 sm:flex-row sm:flex-wrap sm:gap-x-2 ${width}`}>
        {items.map((entry, i) => {
          if (!isGroup(entry)) return <li key={entry.to}>{link(entry)}</li>;
          const current = entry.items.some((item) => isActive(pathname, item));
          const shown = expanded === i;
          const own = ids(i);
          return (
            <li
              key={`section-${entry.label}`}
              ref={shown ? openGroup : undefined}
              onBlur={onBlur(i)}
              className="sm:relative"
            >
              <button
                type="button"
                id={own.button}
                aria-expanded={shown}
                aria-controls={own.panel}
                aria-current={current ? 'true' : undefined}
                onClick={() => setExpanded((e) => (e === i ? null : i))}
                className={`hidden items-center gap-1 whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium sm:inline-flex ${current ? t.active : t.idle}`}
              >
                {entry.label}
                <Chevron open={shown} />
              </button>
              {/* On a phone every section is open, under its name. */}
              <p
                id={own.heading}
                className={`px-3 pb-1 pt-3 text-xs font-semibold uppercase tracking-wide sm:hidden ${t.heading}`}
              >
                {entry.label}
              </p>
              <ul
                id={own.panel}
                aria-labelledby={own.heading}
                className={`flex flex-col gap-1 ${shown ? `sm:absolute sm:left-0 sm:top-full sm:z-30 sm:mt-1 sm:min-w-48 sm:rounded-lg sm:p-1 sm:shadow-lg ${t.panel}` : 'sm:hidden'}`}
              >
                {entry.items.map((item) => (
                  <li key={item.to}>{link(item)}</li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
