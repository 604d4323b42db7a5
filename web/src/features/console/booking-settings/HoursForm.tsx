import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, TextField, useToast } from '@/components/ui';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';
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
  type OnlineDraft,
} from './hours';
import { OnlineBookingCard } from './OnlineBookingCard';

const timeInput = 'block w-full rounded-lg border bg-white px-3 py-2 text-[15px] text-slate-900 shadow-sm';

export function HoursForm({ settings }: { settings: BookingSettings }) {
  const t = useT();
  const toast = useToast();
  const saved = useSettingsSaved();
  const tenant = useTenant();
  const locale = useFormatLocale(tenant.data?.locale);
  const [draft, setDraft] = useState<HoursDraft>(() => draftOf(settings));
  const [checked, setChecked] = useState(false);
  const [newClosed, setNewClosed] = useState('');
  const save = useMutation({
    mutationFn: () => saveBookingSettings(bodyOf(draft)),
    onSuccess: (next) => {
      saved(next);
      toast(t('consoleBooking.saved'));
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const local = checked ? problemsOf(draft) : {};
  const errorOf = (field: string) => local[field] ?? problem?.fieldError(field);
  // Errors the server named inside the lists (e.g. `weekly_hours[2].closes`), shown together.
  const listErrors = (problem?.errors ?? []).filter(
    (e) => e.field.startsWith('weekly_hours') || e.field.startsWith('closed_days'),
  );
  const reminderErrors = (problem?.errors ?? [])
    .filter((e) => e.field.startsWith('reminder_offsets_minutes'))
    .map((e) => e.message);
  const setOnline = (change: Partial<OnlineDraft>) =>
    setDraft((d) => ({ ...d, online: { ...d.online, ...change } }));

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
      <Card title={t('consoleBooking.openingHours')}>
        <p className="mb-4 text-sm text-slate-600">
          {t('consoleBooking.openingHoursHelp', { timeZone: settings.timezone })}
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
                      aria-label={t('consoleBooking.openOn', { day: name })}
                      onChange={(e) => setDay(weekday, e.target.checked ? [interval()] : [])}
                      className="h-4 w-4"
                    />
                    {t('consoleBooking.open')}
                  </label>
                </div>
                <div className="space-y-2">
                  {!open && <p className="py-2 text-sm text-slate-600">{t('consoleBooking.closed')}</p>}
                  {list.map((iv, i) => {
                    const error = errorOf(`interval-${iv.key}`);
                    const update = (change: Partial<Interval>) =>
                      setDay(
                        weekday,
                        list.map((x) => (x.key === iv.key ? { ...x, ...change } : x)),
                      );
                    return (
                      <div
                        key={iv.key}
                        role="group"
                        aria-label={t('consoleBooking.interval', { day: name, n: i + 1 })}
                      >
                        <div className="flex flex-wrap items-end gap-2">
                          <label className="text-sm text-slate-700">
                            {t('consoleBooking.opens')}
                            <input
                              type="time"
                              value={iv.opens}
                              aria-invalid={error ? true : undefined}
                              onChange={(e) => update({ opens: e.target.value })}
                              className={`${timeInput} ${error ? 'border-red-600' : 'border-slate-300'}`}
                            />
                          </label>
                          <label className="text-sm text-slate-700">
                            {t('consoleBooking.closes')}
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
                            aria-label={t('consoleBooking.removeInterval', { day: name, n: i + 1 })}
                            onClick={() =>
                              setDay(
                                weekday,
                                list.filter((x) => x.key !== iv.key),
                              )
                            }
                          >
                            {t('consoleBooking.remove')}
                          </Button>
                        </div>
                        {error && <p className="mt-1 text-sm font-medium text-red-700">{error}</p>}
                      </div>
                    );
                  })}
                  {open && (
                    <Button
                      variant="ghost"
                      aria-label={t('consoleBooking.addIntervalOn', { day: name })}
                      onClick={() => {
                        const last = list[list.length - 1];
                        setDay(weekday, [...list, interval(last?.closes ?? '09:00', '18:00')]);
                      }}
                    >
                      {t('consoleBooking.addInterval')}
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </Card>

      <Card title={t('consoleBooking.closedDays')}>
        <p className="mb-3 text-sm text-slate-600">{t('consoleBooking.closedDaysHelp')}</p>
        {draft.closedDays.length === 0 ? (
          <p className="mb-3 text-sm text-slate-600">{t('consoleBooking.noClosedDays')}</p>
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
                  aria-label={t('consoleBooking.removeClosedDay', { date: dateLabel(date) })}
                  onClick={() =>
                    setDraft((d) => ({ ...d, closedDays: d.closedDays.filter((x) => x !== date) }))
                  }
                >
                  {t('consoleBooking.remove')}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap items-end gap-2">
          <div className="w-52">
            <TextField
              label={t('consoleBooking.addClosedDay')}
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
            {t('consoleBooking.add')}
          </Button>
        </div>
      </Card>

      <Card title={t('consoleBooking.rules')}>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label={t('consoleBooking.cutoff')}
            inputMode="numeric"
            value={draft.cutoffHours}
            error={errorOf('cancellation_cutoff_hours')}
            hint={t('consoleBooking.cutoffHint')}
            onChange={(e) => set('cutoffHours', e.target.value)}
          />
          <TextField
            label={t('consoleBooking.slotStep')}
            inputMode="numeric"
            value={draft.slotStep}
            error={errorOf('slot_step_minutes')}
            hint={t('consoleBooking.slotStepHint')}
            onChange={(e) => set('slotStep', e.target.value)}
          />
        </div>
        <div className="mt-5">
          <TextField
            label={t('consoleBooking.location')}
            value={draft.location}
            error={errorOf('location')}
            hint={t('consoleBooking.locationHint')}
            onChange={(e) => set('location', e.target.value)}
          />
        </div>
      </Card>

      <OnlineBookingCard
        draft={draft.online}
        onChange={setOnline}
        errorOf={errorOf}
        reminderErrors={reminderErrors}
        slug={tenant.data?.slug}
      />

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
      {checked && Object.keys(local).length > 0 && <Alert tone="error">{t('consoleBooking.fixFirst')}</Alert>}
      <Button type="submit" busy={save.isPending}>
        {t('consoleBooking.save')}
      </Button>
    </form>
  );
}
