import { useState } from 'react';
import { Alert, Button, Loading } from '@/components/ui';
import { addDays } from '@/lib/format';
import { useT } from '@/lib/i18n/hooks';
import { clockTime, longDay, plainDay, shortDay, slotsByDay, WINDOW_DAYS, type Slot } from './time';

/**
 * Free times two weeks at a time, grouped by day on `zone`'s clock, one day's times shown at a
 * time (two weeks of times in one list is too long on a phone). It only shows: the page asks
 * the API for `slots` and keeps the choice.
 */
export function SlotPicker({
  slots,
  loading,
  error,
  zone,
  locale,
  from,
  today,
  onFrom,
  chosen,
  onChoose,
}: {
  slots: readonly Slot[] | undefined;
  loading: boolean;
  error?: string | null;
  zone: string;
  locale: string;
  /** The window's first day, on `zone`'s clock. */
  from: string;
  /** Today on `zone`'s clock: the window does not go before it. */
  today: string;
  onFrom: (from: string) => void;
  /** The chosen slot's `starts_at`. */
  chosen: string | null;
  onChoose: (slot: Slot) => void;
}) {
  const t = useT();
  const days = slotsByDay(slots ?? [], zone, from);
  const [pickedDay, setPickedDay] = useState<string | null>(null);
  const chosenDay = chosen ? days.find(([, list]) => list.some((s) => s.starts_at === chosen))?.[0] : null;
  const wanted = pickedDay ?? chosenDay ?? null;
  const day = days.find(([key]) => key === wanted) ?? days[0] ?? null;
  const last = addDays(from, WINDOW_DAYS - 1);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium text-slate-700">
          {t('booking.range', { from: plainDay(from, locale), to: plainDay(last, locale) })}
        </p>
        <div className="flex gap-2">
          <Button
            variant="secondary"
            disabled={from <= today}
            onClick={() => {
              const earlier = addDays(from, -WINDOW_DAYS);
              onFrom(earlier < today ? today : earlier);
            }}
          >
            {t('booking.earlier')}
          </Button>
          <Button variant="secondary" onClick={() => onFrom(addDays(from, WINDOW_DAYS))}>
            {t('booking.later')}
          </Button>
        </div>
      </div>
      {loading ? (
        <Loading label={t('booking.findingTimes')} />
      ) : error ? (
        <Alert tone="error">{error}</Alert>
      ) : days.length === 0 ? (
        <Alert tone="info">{t('booking.noTimes')}</Alert>
      ) : (
        <div className="space-y-4">
          <div
            role="group"
            aria-label={t('booking.freeDays')}
            className="-mx-1 flex gap-2 overflow-x-auto px-1 pb-1"
          >
            {days.map(([key, list]) => (
              <button
                key={key}
                type="button"
                aria-pressed={key === day?.[0]}
                onClick={() => setPickedDay(key)}
                className={`shrink-0 rounded-lg border px-3 py-2 text-left text-sm ${key === day?.[0] ? 'border-transparent bg-brand text-brand-fg' : 'border-slate-300 bg-white text-slate-800 hover:border-slate-400'}`}
              >
                <span className="block font-semibold">{shortDay(list[0]!.starts_at, locale, zone)}</span>
                <span className="block text-xs">{t('booking.timesCount', { count: list.length })}</span>
              </button>
            ))}
          </div>
          {day && (
            <fieldset>
              <legend className="mb-2 text-sm font-semibold text-slate-800">
                {longDay(day[1][0]!.starts_at, locale, zone)}
              </legend>
              <div className="flex flex-wrap gap-2">
                {day[1].map((slot) => {
                  const selected = chosen === slot.starts_at;
                  return (
                    <label
                      key={slot.starts_at}
                      className={`cursor-pointer rounded-lg border px-3 py-2 text-sm font-medium has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 ${selected ? 'border-transparent bg-brand text-brand-fg' : 'border-slate-300 bg-white text-slate-800 hover:border-slate-400'}`}
                    >
                      <input
                        type="radio"
                        name="slot"
                        className="sr-only"
                        checked={selected}
                        onChange={() => onChoose(slot)}
                      />
                      {clockTime(slot.starts_at, locale, zone)}
                    </label>
                  );
                })}
              </div>
            </fieldset>
          )}
        </div>
      )}
    </div>
  );
}
