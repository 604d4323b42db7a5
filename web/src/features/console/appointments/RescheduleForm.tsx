import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { labelClass, select } from '@/components/styles';
import { Alert, Button, Card, TextField, useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import {
  updateAppointment,
  useAppointmentSaved,
  useStaffList,
  type Appointment,
  type UpdateAppointment,
} from './api';
import { FreeTimes } from './FreeTimes';
import { formatWhen, zonedDate, zonedTime, zonedToUtc, type Zone } from './zoned';

/** Moves an open appointment to another time, or gives it to another staff member. */
export function RescheduleForm({ appointment: a, zone }: { appointment: Appointment; zone: Zone }) {
  const t = useT();
  const toast = useToast();
  const saved = useAppointmentSaved();
  const staff = useStaffList();
  const staffId = useId();
  const initial = {
    date: zonedDate(a.starts_at, zone.timeZone),
    time: zonedTime(a.starts_at, zone.timeZone),
    staffId: a.staff_id ?? '',
  };
  const [draft, setDraft] = useState(initial);
  const save = useMutation({
    mutationFn: (body: UpdateAppointment) => updateAppointment(a.id, body),
    onSuccess: (updated) => {
      saved(updated);
      toast(
        t('consoleAppointments.updated', { client: updated.client_name, when: formatWhen(updated, zone) }),
      );
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const changed = {
    time: draft.date !== initial.date || draft.time !== initial.time,
    staff: draft.staffId !== initial.staffId,
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.date || !draft.time) return;
    const body: UpdateAppointment = {};
    if (changed.time) body.starts_at = zonedToUtc(draft.date, draft.time, zone.timeZone).toISOString();
    if (changed.staff) body.staff_id = draft.staffId || null;
    save.mutate(body);
  };

  return (
    <Card title={t('consoleAppointments.rescheduleTitle')}>
      <form onSubmit={submit} noValidate className="space-y-5">
        {save.isError && <Alert tone="error">{messageOf(save.error)}</Alert>}
        <div className="grid gap-5 sm:grid-cols-3">
          <TextField
            label={t('consoleAppointments.date')}
            type="date"
            value={draft.date}
            error={problem?.fieldError('starts_at')}
            onChange={(e) => setDraft((d) => ({ ...d, date: e.target.value }))}
          />
          <TextField
            label={t('consoleAppointments.startTime')}
            type="time"
            value={draft.time}
            hint={t('consoleAppointments.inTimeZone', { timeZone: zone.timeZone })}
            onChange={(e) => setDraft((d) => ({ ...d, time: e.target.value }))}
          />
          <div className="space-y-1.5">
            <label htmlFor={staffId} className={labelClass}>
              {t('consoleAppointments.staffMember')}
            </label>
            <select
              id={staffId}
              value={draft.staffId}
              onChange={(e) => setDraft((d) => ({ ...d, staffId: e.target.value }))}
              className={select}
            >
              <option value="">{t('consoleAppointments.notAssigned')}</option>
              {staff.data?.items.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            {problem?.fieldError('staff_id') && (
              <p className="text-sm font-medium text-red-700">{problem.fieldError('staff_id')}</p>
            )}
          </div>
        </div>
        <FreeTimes
          source={{ appointmentId: a.id }}
          startDate={initial.date}
          zone={zone}
          chosen={
            draft.time && draft.date ? zonedToUtc(draft.date, draft.time, zone.timeZone).toISOString() : ''
          }
          onPick={(startsAt) =>
            setDraft((d) => ({
              ...d,
              date: zonedDate(startsAt, zone.timeZone),
              time: zonedTime(startsAt, zone.timeZone),
            }))
          }
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" busy={save.isPending} disabled={!changed.time && !changed.staff}>
            {t('consoleAppointments.saveChanges')}
          </Button>
          {(changed.time || changed.staff) && (
            <Button variant="ghost" onClick={() => setDraft(initial)}>
              {t('consoleAppointments.undoChanges')}
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}
