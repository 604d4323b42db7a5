import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Loading, useToast } from '@/components/ui';
import { addDays, localDay, todayIn } from '@/lib/format';
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

  const move = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await rescheduleAppointment(appointment.id, chosen.starts_at);
      const when = format.parts(chosen.starts_at);
      toast(`Moved to ${when.day}, ${when.time}`);
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
          Free times for {appointment.service_name} ({appointment.duration_minutes} min), {branding.timezone}{' '}
          time.
        </p>
        <div className="flex gap-2">
          <Button
            variant="secondary"
            disabled={from <= today}
            onClick={() => setFrom(addDays(from, -WINDOW_DAYS))}
          >
            Earlier
          </Button>
          <Button variant="secondary" onClick={() => setFrom(addDays(from, WINDOW_DAYS))}>
            Later
          </Button>
        </div>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {slots.isPending ? (
        <Loading label="Finding free times…" />
      ) : slots.isError ? (
        <Alert tone="error">{messageOf(slots.error)}</Alert>
      ) : days.size === 0 ? (
        <Alert tone="info">No free times in these two weeks. Try later dates.</Alert>
      ) : (
        <fieldset className="space-y-4">
          <legend className="sr-only">Choose a new time</legend>
          {[...days.entries()].map(([day, list]) => (
            <div key={day}>
              <p className="mb-2 text-sm font-semibold text-slate-800">
                {format.parts(list[0]!.starts_at).day}
              </p>
              <div className="flex flex-wrap gap-2">
                {list.map((slot) => {
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
            </div>
          ))}
        </fieldset>
      )}
      <div className="flex flex-wrap gap-2">
        <Button busy={busy} disabled={!chosen} onClick={() => void move()}>
          {chosen
            ? `Move to ${format.parts(chosen.starts_at).day}, ${format.parts(chosen.starts_at).time}`
            : 'Choose a time'}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Keep the current time
        </Button>
      </div>
    </div>
  );
}
