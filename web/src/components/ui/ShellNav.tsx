import { useEffect, useRef } from 'react';
import { NavLink } from 'react-router';
import { useT } from '@/lib/i18n/hooks';

export interface NavItem {
  to: string;
  label: string;
  /** Active only on exactly this path (for a section's start page). */
  end?: boolean;
}

const tones = {
  light: {
    bar: 'border-slate-100',
    active: 'bg-brand text-brand-fg',
    idle: 'text-slate-700 hover:bg-slate-100',
    toggle: 'border-slate-300 text-slate-800',
  },
  dark: {
    bar: 'border-slate-800',
    active: 'bg-white text-slate-900',
    idle: 'text-slate-200 hover:bg-slate-800',
    toggle: 'border-slate-600',
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
    const onKey = (e: KeyboardEvent) => {
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

/** A row of links on wide screens, a list that `MenuToggle` opens on phones. */
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
  items: NavItem[];
  open: boolean;
  onNavigate: () => void;
  /** Tailwind max-width class, matching the page's. */
  width: string;
  tone?: keyof typeof tones;
}) {
  const t = tones[tone];
  return (
    <nav id={id} aria-label={label} className={`${open ? 'block' : 'hidden'} border-t sm:block ${t.bar}`}>
      <ul className={`mx-auto flex flex-col gap-1 px-4 py-2 sm:flex-row sm:flex-wrap sm:gap-x-2 ${width}`}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.end}
              onClick={onNavigate}
              className={({ isActive }) =>
                `block rounded-lg px-3 py-2 text-sm font-medium ${isActive ? t.active : t.idle}`
              }
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
