import type { BookableService, BookableStaff } from './time';
import { useT } from '@/lib/i18n/hooks';
import { servicePrice } from './time';

export type { BookableService, BookableStaff } from './time';

/** What can be booked, one card each, with its length and price; picking one moves on. */
export function ServiceList({
  services,
  locale,
  selected,
  onPick,
}: {
  services: readonly BookableService[];
  locale: string;
  selected?: string | null;
  onPick: (service: BookableService) => void;
}) {
  const t = useT();
  if (services.length === 0) return <p className="text-slate-700">{t('booking.noServices')}</p>;
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {services.map((s) => (
        <li key={s.id}>
          <button
            type="button"
            aria-pressed={selected === s.id}
            onClick={() => onPick(s)}
            className={`block h-full w-full rounded-xl border bg-white p-4 text-left shadow-sm hover:border-slate-400 ${selected === s.id ? 'border-brand ring-2 ring-brand' : 'border-slate-200'}`}
          >
            <span className="block font-semibold text-slate-900">{s.name}</span>
            {s.description && <span className="mt-1 block text-sm text-slate-600">{s.description}</span>}
            <span className="mt-2 block text-sm font-medium text-slate-800">
              {t('booking.serviceFacts', {
                minutes: s.duration_minutes,
                price: servicePrice(s, locale, t('booking.free')),
              })}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Whom the appointment is with: anyone free, or one person. */
export function StaffChoice({
  staff,
  selected,
  onPick,
}: {
  staff: readonly BookableStaff[];
  /** `null`: anyone; `undefined`: nothing picked yet. */
  selected?: string | null;
  onPick: (staffId: string | null) => void;
}) {
  const t = useT();
  const option = (id: string | null, name: string, hint?: string) => (
    <li key={id ?? '@anyone'}>
      <button
        type="button"
        aria-pressed={selected === id}
        onClick={() => onPick(id)}
        className={`block w-full rounded-xl border bg-white p-4 text-left shadow-sm hover:border-slate-400 ${selected === id ? 'border-brand ring-2 ring-brand' : 'border-slate-200'}`}
      >
        <span className="block font-semibold text-slate-900">{name}</span>
        {hint && <span className="mt-1 block text-sm text-slate-600">{hint}</span>}
      </button>
    </li>
  );
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {option(null, t('booking.anyone'), t('booking.anyoneHint'))}
      {staff.map((s) => option(s.id, s.name))}
    </ul>
  );
}
