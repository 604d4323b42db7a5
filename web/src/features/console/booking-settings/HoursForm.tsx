import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, TextField, useToast } from '@/components/ui';
import { saveBookingSettings, useSettingsSaved, useTenant, type BookingSettings } from './api';
import {
  bodyOf,
  draftOf,
  interval,
  problemsOf,
  WEEKDAYS,
  weekdayName,
  type HoursDraft,
  type Interval,
} from './hours';

const timeInput = 'block w-full rounded-lg border bg-white px-3 py-2 text-[15px] text-slate-900 shadow-sm';

export function HoursForm({ settings }: { settings: BookingSettings }) {
  const toast = useToast();
  const saved = useSettingsSaved();
  const tenant = useTenant();
  const locale = tenant.data?.locale ?? navigator.language;
  const [draft, setDraft] = useState<HoursDraft>(() => draftOf(settings));
  const [checked, setChecked] = useState(false);
  const [newClosed, setNewClosed] = useState('');
  const save = useMutation({
    mutationFn: () => saveBookingSettings(bodyOf(draft)),
    onSuccess: (next) => {
      saved(next);
      toast('Booking settings saved — new bookings follow them from now on');
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const local = checked ? problemsOf(draft) : {};
  const errorOf = (field: string) => local[field] ?? problem?.fieldError(field);
  // Errors the server named inside the lists (e.g. `weekly_hours[2].closes`), shown together.
  const listErrors = (problem?.errors ?? []).filter(
    (e) => e.field.startsWith('weekly_hours') || e.field.startsWith('closed_days'),
  );

  const setDay = (weekday: number, list: Interval[]) =>
    setDraft((d) => ({ ...d, days: { ...d.days, [weekday]: list } }));
  const set = (key: 'cutoffHours' | 'slotStep' | 'location', value: string) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const addClosed = () => {
    if (!newClosed || draft.closedDays.includes(newClosed)) return;
    setDraft((d) => ({ ...d, closedDays: [...d.closedDays, newClosed].sort() }));
    setNewClosed('');
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (Object.keys(problemsOf(draft)).length > 0) return;
    save.mutate();
  };

  const dateLabel = (date: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(
      new Date(`${date}T12:00:00Z`),
    );

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Card title="Opening hours">
        <p className="mb-4 text-sm text-slate-600">
          Clients can book times inside these hours, in {settings.timezone} time. Add a second interval for a
          lunch break.
        </p>
        <ul className="divide-y divide-slate-100">
          {WEEKDAYS.map((weekday) => {
            const name = weekdayName(weekday, locale);
            const list = draft.days[weekday] ?? [];
            const open = list.length > 0;
            return (
              <li key={weekday} className="grid gap-3 py-3 sm:grid-cols-[10rem_1fr]">
                <div>
                  <p className="font-medium text-slate-900">{name}</p>
                  <label className="mt-1 flex items-center gap-2 text-sm text-slate-700">
                    <input
                      type="checkbox"
                      checked={open}
                      aria-label={`Open on ${name}`}
                      onChange={(e) => setDay(weekday, e.target.checked ? [interval()] : [])}
                      className="h-4 w-4"
                    />
                    Open
                  </label>
                </div>
                <div className="space-y-2">
                  {!open && <p className="py-2 text-sm text-slate-600">Closed</p>}
                  {list.map((iv, i) => {
                    const error = errorOf(`interval-${iv.key}`);
                    const update = (change: Partial<Interval>) =>
                      setDay(
                        weekday,
                        list.map((x) => (x.key === iv.key ? { ...x, ...change } : x)),
                      );
                    return (
                      <div key={iv.key} role="group" aria-label={`${name}, hours ${i + 1}`}>
                        <div className="flex flex-wrap items-end gap-2">
                          <label className="text-sm text-slate-700">
                            Opens
                            <input
                              type="time"
                              value={iv.opens}
                              aria-invalid={error ? true : undefined}
                              onChange={(e) => update({ opens: e.target.value })}
                              className={`${timeInput} ${error ? 'border-red-600' : 'border-slate-300'}`}
                            />
                          </label>
                          <label className="text-sm text-slate-700">
                            Closes
                            <input
                              type="time"
                              value={iv.closes}
                              aria-invalid={error ? true : undefined}
                              onChange={(e) => update({ closes: e.target.value })}
                              className={`${timeInput} ${error ? 'border-red-600' : 'border-slate-300'}`}
                            />
                          </label>
                          <Button
                            variant="ghost"
                            aria-label={`Remove ${name} hours ${i + 1}`}
                            onClick={() =>
                              setDay(
                                weekday,
                                list.filter((x) => x.key !== iv.key),
                              )
                            }
                          >
                            Remove
                          </Button>
                        </div>
                        {error && <p className="mt-1 text-sm font-medium text-red-700">{error}</p>}
                      </div>
                    );
                  })}
                  {open && (
                    <Button
                      variant="ghost"
                      aria-label={`Add hours on ${name}`}
                      onClick={() => {
                        const last = list[list.length - 1];
                        setDay(weekday, [...list, interval(last?.closes ?? '09:00', '18:00')]);
                      }}
                    >
                      + Add hours
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </Card>

      <Card title="Closed days">
        <p className="mb-3 text-sm text-slate-600">
          Holidays and other days nobody can book, whatever the weekly hours say.
        </p>
        {draft.closedDays.length === 0 ? (
          <p className="mb-3 text-sm text-slate-600">No closed days. Dates you add appear here.</p>
        ) : (
          <ul className="mb-3 space-y-1">
            {draft.closedDays.map((date) => (
              <li
                key={date}
                className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-slate-50 px-3 py-1"
              >
                <time dateTime={date} className="text-slate-900">
                  {dateLabel(date)}
                </time>
                <Button
                  variant="ghost"
                  aria-label={`Remove closed day ${dateLabel(date)}`}
                  onClick={() =>
                    setDraft((d) => ({ ...d, closedDays: d.closedDays.filter((x) => x !== date) }))
                  }
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap items-end gap-2">
          <div className="w-52">
            <TextField
              label="Add a closed day"
              type="date"
              value={newClosed}
              onChange={(e) => setNewClosed(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addClosed();
                }
              }}
            />
          </div>
          <Button variant="secondary" onClick={addClosed} disabled={!newClosed}>
            Add
          </Button>
        </div>
      </Card>

      <Card title="Booking rules">
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="Cancellation cutoff (hours)"
            inputMode="numeric"
            value={draft.cutoffHours}
            error={errorOf('cancellation_cutoff_hours')}
            hint="Clients cannot cancel or reschedule in the portal later than this before the start."
            onChange={(e) => set('cutoffHours', e.target.value)}
          />
          <TextField
            label="Time between start times (minutes)"
            inputMode="numeric"
            value={draft.slotStep}
            error={errorOf('slot_step_minutes')}
            hint="5 to 120. With 15, clients can start at 9:00, 9:15, 9:30…"
            onChange={(e) => set('slotStep', e.target.value)}
          />
        </div>
        <div className="mt-5">
          <TextField
            label="Default location"
            value={draft.location}
            error={errorOf('location')}
            hint="Optional. Where appointments take place unless one says otherwise."
            onChange={(e) => set('location', e.target.value)}
          />
        </div>
      </Card>

      {save.isError && (
        <Alert tone="error">
          {messageOf(save.error)}
          {listErrors.length > 0 && (
            <ul className="mt-2 list-disc pl-5">
              {listErrors.map((e) => (
                <li key={e.field + e.message}>{e.message}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {checked && Object.keys(local).length > 0 && (
        <Alert tone="error">
          Some hours or rules need fixing before they can be saved; see the red messages.
        </Alert>
      )}
      <Button type="submit" busy={save.isPending}>
        Save booking settings
      </Button>
    </form>
  );
}
