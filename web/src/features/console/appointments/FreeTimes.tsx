import { useState } from 'react';
import { messageOf } from '@/api/problem';
import { Alert, Button, Spinner, TextField } from '@/components/ui';
import { useSlots, type Slot } from './api';
import { addDays, formatDay, formatTime, isDate, zonedDate } from './zoned';

/** The service's free start times over a week, from the server; picking one fills the form. */
export function FreeTimes({
  appointmentId,
  startDate,
  zone,
  chosen,
  onPick,
}: {
  appointmentId: string;
  startDate: string;
  zone: { timeZone: string; locale: string };
  /** The start the form holds now, as an ISO instant. */
  chosen: string;
  onPick: (startsAt: string) => void;
}) {
  const today = zonedDate(new Date(), zone.timeZone);
  const [from, setFrom] = useState(startDate < today ? today : startDate);
  const [shown, setShown] = useState(false);
  const valid = isDate(from);
  const to = valid ? addDays(from, 6) : from;
  const slots = useSlots(appointmentId, from, to, shown && valid);

  if (!shown) {
    return (
      <Button variant="secondary" onClick={() => setShown(true)}>
        Show free times
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
    <section aria-label="Free times" className="space-y-3 rounded-lg border border-slate-200 p-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-48">
          <TextField
            label="Free times from"
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <Button variant="ghost" onClick={() => valid && setFrom(addDays(from, 7))}>
          Next 7 days →
        </Button>
      </div>
      {!valid ? (
        <p className="text-sm text-slate-600">Enter a date to see the free times from then.</p>
      ) : slots.isPending ? (
        <Spinner size="sm" label="Finding free times…" />
      ) : slots.isError ? (
        <Alert tone="error">{messageOf(slots.error)}</Alert>
      ) : days.size === 0 ? (
        <p className="text-sm text-slate-600">
          No free times between {formatDay(from, zone.locale)} and {formatDay(to, zone.locale)}. Try the next
          7 days.
        </p>
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-slate-600">
            Pick a time to put it in the form, then save. Each takes {slots.data.duration_minutes} minutes.
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
