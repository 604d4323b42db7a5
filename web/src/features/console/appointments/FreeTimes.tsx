import { useState } from 'react';
import { messageOf } from '@/api/problem';
import { Alert, Button, Spinner, TextField } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { useSlots, type Slot, type SlotSource } from './api';
import { addDays, formatDay, formatTime, isDate, zonedDate } from './zoned';

/** The service's free start times over a week, from the server; picking one fills the form. */
export function FreeTimes({
  source,
  startDate,
  zone,
  chosen,
  onPick,
  open = false,
}: {
  source: SlotSource;
  /** The first day shown; when it moves outside the week on show, the week follows it. */
  startDate: string;
  zone: { timeZone: string; locale: string };
  /** The start the form holds now, as an ISO instant. */
  chosen: string;
  onPick: (startsAt: string) => void;
  /** Shown at once, without the "Show free times" button. */
  open?: boolean;
}) {
  const t = useT();
  const today = zonedDate(new Date(), zone.timeZone);
  const [from, setFrom] = useState(startDate < today ? today : startDate);
  const [followed, setFollowed] = useState(startDate);
  const [shown, setShown] = useState(open);
  const valid = isDate(from);
  const to = valid ? addDays(from, 6) : from;
  // A date typed in the form outside the week on show brings that week up (state from props,
  // adjusted while rendering rather than in an effect).
  if (startDate !== followed) {
    setFollowed(startDate);
    if (isDate(startDate) && startDate >= today && (!valid || startDate < from || startDate > to))
      setFrom(startDate);
  }
  const slots = useSlots(source, from, to, shown && valid);
  const moving = 'appointmentId' in source;

  if (!shown) {
    return (
      <Button variant="secondary" onClick={() => setShown(true)}>
        {t('consoleAppointments.showFreeTimes')}
      </Button>
    );
  }
  const timeZone = slots.data?.timezone ?? zone.timeZone;
  const days = new Map<string, Slot[]>();
  for (const slot of slots.data?.slots ?? []) {
    const day = zonedDate(slot.starts_at, timeZone);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  const chosenMs = chosen ? Date.parse(chosen) : NaN;

  return (
    <section
      aria-label={t('consoleAppointments.freeTimes')}
      className="space-y-3 rounded-lg border border-slate-200 p-4"
    >
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-48">
          <TextField
            label={t('consoleAppointments.freeTimesFrom')}
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        {valid && from > today && (
          <Button
            variant="ghost"
            onClick={() => {
              const back = addDays(from, -7);
              setFrom(back < today ? today : back);
            }}
          >
            {t('consoleAppointments.previous7Days')}
          </Button>
        )}
        <Button variant="ghost" onClick={() => valid && setFrom(addDays(from, 7))}>
          {t('consoleAppointments.next7Days')}
        </Button>
      </div>
      {!valid ? (
        <p className="text-sm text-slate-600">{t('consoleAppointments.enterDate')}</p>
      ) : slots.isPending ? (
        <Spinner size="sm" label={t('consoleAppointments.findingFreeTimes')} />
      ) : slots.isError ? (
        <Alert tone="error">{messageOf(slots.error)}</Alert>
      ) : days.size === 0 ? (
        <p className="text-sm text-slate-600">
          {t('consoleAppointments.noFreeTimes', {
            from: formatDay(from, zone.locale),
            to: formatDay(to, zone.locale),
          })}
        </p>
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-slate-600">
            {t(moving ? 'consoleAppointments.pickTime' : 'consoleAppointments.pickTimeNew', {
              minutes: slots.data.duration_minutes,
            })}
          </p>
          {[...days.entries()].map(([day, list]) => (
            <div key={day} role="group" aria-label={formatDay(day, zone.locale)}>
              <p className="mb-1 text-sm font-semibold text-slate-800">{formatDay(day, zone.locale)}</p>
              <div className="flex flex-wrap gap-2">
                {list.map((slot) => (
                  <Button
                    key={slot.starts_at}
                    variant={Date.parse(slot.starts_at) === chosenMs ? 'primary' : 'secondary'}
                    aria-pressed={Date.parse(slot.starts_at) === chosenMs}
                    onClick={() => onPick(slot.starts_at)}
                    className="min-w-20"
                  >
                    {formatTime(slot.starts_at, zone.locale, timeZone)}
                  </Button>
                ))}
              </div>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
