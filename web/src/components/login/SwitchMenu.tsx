import { Alert, Spinner } from '@/components/ui';
import { useDropdown } from '@/lib/useDropdown';

export interface SwitchTarget {
  id: string;
  /** How the person knows it: "Lukas Becker — Kiez Bikes", a business's name. */
  label: string;
}

/** The button matches its header; the panel is always light. */
const tones = {
  light: 'text-slate-700 hover:bg-slate-100 aria-expanded:bg-slate-100',
  dark: 'text-slate-100 hover:bg-slate-800 aria-expanded:bg-slate-800',
};

/**
 * A header button that opens the other accounts a login opens, to continue as one of them.
 * Shared by the portal ("Switch account") and the console ("Switch business").
 */
export function SwitchMenu({
  label,
  targets,
  onChoose,
  switching,
  error,
  tone = 'light',
}: {
  label: string;
  targets: SwitchTarget[];
  onChoose: (id: string) => void;
  /** The target being switched to, while the server answers. */
  switching: string | null;
  error: string | null;
  tone?: keyof typeof tones;
}) {
  const { open, setOpen, panelId, box, button } = useDropdown();

  return (
    <div ref={box} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className={`whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium ${tones[tone]}`}
      >
        {label}
      </button>
      {/* On a phone the button is not at the screen's edge: the panel spans the screen instead. */}
      {open && (
        <div
          id={panelId}
          role="group"
          aria-label={label}
          className="fixed inset-x-4 top-16 z-30 rounded-xl border border-slate-200 bg-white shadow-lg sm:absolute sm:inset-x-auto sm:top-full sm:right-0 sm:mt-2 sm:w-80"
        >
          {error && (
            <div className="p-3 pb-0">
              <Alert tone="error">{error}</Alert>
            </div>
          )}
          <ul className="max-h-[60vh] divide-y divide-slate-100 overflow-y-auto py-1">
            {targets.map((target) => (
              <li key={target.id}>
                <button
                  type="button"
                  disabled={switching !== null}
                  aria-busy={switching === target.id || undefined}
                  onClick={() => onChoose(target.id)}
                  className="flex w-full items-center justify-between gap-3 px-4 py-3 text-left text-sm font-medium text-slate-900 hover:bg-slate-50 focus-visible:bg-slate-50 disabled:opacity-60"
                >
                  <span className="min-w-0 break-words">{target.label}</span>
                  {switching === target.id && <Spinner size="sm" />}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
