import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { SlotPicker } from '@/components/booking/SlotPicker';
import { businessRange, clockTime, longDay, todayIn, type Slot } from '@/components/booking/time';
import { ZoneNote } from '@/components/booking/ZoneNote';
import { Alert, Button, useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortalFormat } from '@/lib/portal';
import { useClientZone } from '@/lib/portal-zone';
import { rescheduleAppointment, useSlots, type PortalAppointment } from './api';

/** Free times for this appointment, two weeks at a time, grouped by day on the client's clock. */
export function ReschedulePicker({
  appointment,
  onDone,
}: {
  appointment: PortalAppointment;
  onDone: () => void;
}) {
  const t = useT();
  const { locale } = usePortalFormat();
  const { zone: clientZone, businessZone } = useClientZone();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [shown, setShown] = useState<string | null>(null);
  const zone = shown ?? clientZone;
  const today = todayIn(zone);
  const [start, setStart] = useState<string | null>(null);
  const from = start && start > today ? start : today;
  const range = businessRange(from, businessZone);
  const slots = useSlots(appointment.id, range.from, range.to, true);
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const when = (iso: string) => ({ day: longDay(iso, locale, zone), time: clockTime(iso, locale, zone) });

  const move = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await rescheduleAppointment(appointment.id, chosen.starts_at);
      toast(t('portalAppointments.movedTo', when(chosen.starts_at)));
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
      <p className="text-sm text-slate-700">
        {t('portalAppointments.freeTimesFor', {
          service: appointment.service_name,
          minutes: appointment.duration_minutes,
        })}
      </p>
      <ZoneNote shown={zone} readerZone={clientZone} businessZone={businessZone} onShow={setShown} />
      {error && <Alert tone="error">{error}</Alert>}
      <SlotPicker
        slots={slots.data?.slots}
        loading={slots.isPending}
        error={slots.isError ? messageOf(slots.error) : null}
        zone={zone}
        locale={locale}
        from={from}
        today={today}
        onFrom={setStart}
        chosen={chosen?.starts_at ?? null}
        onChoose={setChosen}
      />
      <div className="flex flex-wrap gap-2">
        <Button busy={busy} disabled={!chosen} onClick={() => void move()}>
          {chosen
            ? t('portalAppointments.moveTo', when(chosen.starts_at))
            : t('portalAppointments.chooseTime')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('portalAppointments.keepTime')}
        </Button>
      </div>
    </div>
  );
}
