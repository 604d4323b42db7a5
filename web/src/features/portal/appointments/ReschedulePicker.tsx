import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Loading, useToast } from '@/components/ui';
import { addDays, localDay, todayIn } from '@/lib/format';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { rescheduleAppointment, useSlots, type PortalAppointment, type Slot } from './api';

const WINDOW_DAYS = 14;

/** Free times for this appointment, two weeks at a time, grouped by day on the tenant's clock. */
export function ReschedulePicker({
  appointment,
  onDone,
}: {
  appointment: PortalAppointment;
  onDone: () => void;
}) {
  const t = useT();
  const { branding } = usePortal();
  const format = usePortalFormat();
  const toast = useToast();
  const queryClient = useQueryClient();
  const today = todayIn(branding.timezone);
  const [from, setFrom] = useState(today);
  const to = addDays(from, WINDOW_DAYS - 1);
  const slots = useSlots(appointment.id, from, to, true);
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const days = new Map<string, Slot[]>();
  for (const slot of slots.data?.slots ?? []) {
    const key = localDay(slot.starts_at, branding.timezone);
    days.set(key, [...(days.get(key) ?? []), slot]);
  }
  // One day's times at a time: two weeks of times in one list is too long on a phone.
  const [pickedDay, setPickedDay] = useState<string | null>(null);
  const day = pickedDay && days.has(pickedDay) ? pickedDay : ([...days.keys()][0] ?? null);
  const shortDay = (iso: string) => {
    try {
      return new Intl.DateTimeFormat(format.locale, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        timeZone: branding.timezone,
      }).format(new Date(iso));
    } catch {
      return localDay(iso, branding.timezone);
    }
  };

  const move = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await rescheduleAppointment(appointment.id, chosen.starts_at);
      const when = format.parts(chosen.starts_at);
      toast(t('portalAppointments.movedTo', { day: when.day, time: when.time }));
      onDone();
    } catch (e) {
      setError(messageOf(e));
      if (e instanceof ApiProblem && e.status === 409) {
        setChosen(null);
        void queryClient.invalidateQueries({ queryKey: ['portal', 'slots', appointment.id] });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-700">
          {t('portalAppointments.freeTimesFor', {
            service: appointment.service_name,
            minutes: appointment.duration_minutes,
            timezone: branding.timezone,
          })}
        </p>
        <div className="flex gap-2">
          <Button
            variant="secondary"
            disabled={from <= today}
            onClick={() => setFrom(addDays(from, -WINDOW_DAYS))}
          >
            {t('portalAppointments.earlier')}
          </Button>
          <Button variant="secondary" onClick={() => setFrom(addDays(from, WINDOW_DAYS))}>
            {t('portalAppointments.later')}
          </Button>
        </div>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {slots.isPending ? (
        <Loading label={t('portalAppointments.findingTimes')} />
      ) : slots.isError ? (
        <Alert tone="error">{messageOf(slots.error)}</Alert>
      ) : days.size === 0 ? (
        <Alert tone="info">{t('portalAppointments.noFreeTimes')}</Alert>
      ) : (
        <div className="space-y-4">
          <div
            role="group"
            aria-label={t('portalAppointments.freeDays')}
            className="-mx-1 flex gap-2 overflow-x-auto px-1 pb-1"
          >
            {[...days.entries()].map(([key, list]) => (
              <button
                key={key}
                type="button"
                aria-pressed={key === day}
                onClick={() => setPickedDay(key)}
                className={`shrink-0 rounded-lg border px-3 py-2 text-left text-sm ${key === day ? 'border-transparent bg-brand text-brand-fg' : 'border-slate-300 bg-white text-slate-800 hover:border-slate-400'}`}
              >
                <span className="block font-semibold">{shortDay(list[0]!.starts_at)}</span>
                <span className="block text-xs">
                  {t('portalAppointments.timesCount', { count: list.length })}
                </span>
              </button>
            ))}
          </div>
          {day && (
            <fieldset>
              <legend className="mb-2 text-sm font-semibold text-slate-800">
                {format.parts(days.get(day)![0]!.starts_at).day}
              </legend>
              <div className="flex flex-wrap gap-2">
                {days.get(day)!.map((slot) => {
                  const selected = chosen?.starts_at === slot.starts_at;
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
                        onChange={() => setChosen(slot)}
                      />
                      {format.parts(slot.starts_at).time}
                    </label>
                  );
                })}
              </div>
            </fieldset>
          )}
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        <Button busy={busy} disabled={!chosen} onClick={() => void move()}>
          {chosen
            ? t('portalAppointments.moveTo', {
                day: format.parts(chosen.starts_at).day,
                time: format.parts(chosen.starts_at).time,
              })
            : t('portalAppointments.chooseTime')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('portalAppointments.keepTime')}
        </Button>
      </div>
    </div>
  );
}
